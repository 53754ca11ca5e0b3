package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * When each object, field and index was created and last changed ({@code createdAt} and {@code updatedAt}
 * of the metadata API; an index's fields share its times). Only items a metadata change created or
 * altered have a stored stamp ({@code core.metadata_time}); every other item dates from the workspace's
 * creation, which made it.
 */
public final class MetadataTimes {
    /** The two times of one item, to the millisecond. */
    public record Stamp(OffsetDateTime created, OffsetDateTime updated) {}

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private final OffsetDateTime origin;
    private final Map<UUID, Stamp> stamps;

    public MetadataTimes(OffsetDateTime origin, Map<UUID, Stamp> stamps) {
        this.origin = origin;
        this.stamps = Map.copyOf(stamps);
    }

    public Map<UUID, Stamp> stamps() {
        return stamps;
    }

    Stamp of(UUID id) {
        Stamp stamp = stamps.get(id);
        return stamp != null ? stamp : new Stamp(origin, origin);
    }

    void put(ObjectNode node, UUID id) {
        Stamp stamp = of(id);
        node.put("createdAt", format(stamp.created()));
        node.put("updatedAt", format(stamp.updated()));
    }

    /**
     * The times after a change from {@code before} to {@code after} (whose own times are ignored): items
     * that are new were created {@code now}, items whose description changed were updated {@code now}, and
     * items that are gone lose their stamp.
     */
    static MetadataTimes advance(WorkspaceMetadata before, WorkspaceMetadata after, OffsetDateTime now) {
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Map<UUID, ObjectNode> old = descriptions(before);
        Map<UUID, Stamp> stamps = new HashMap<>();
        descriptions(after).forEach((id, description) -> {
            ObjectNode previous = old.get(id);
            if (previous == null) {
                stamps.put(id, new Stamp(at, at));
            } else if (!previous.equals(description)) {
                stamps.put(id, new Stamp(before.times().of(id).created(), at));
            } else if (before.times().stamps().containsKey(id)) {
                stamps.put(id, before.times().stamps().get(id));
            }
        });
        return new MetadataTimes(before.times().origin, stamps);
    }

    /** Every item's description as the API shows it, without its times and without the items it holds. */
    private static Map<UUID, ObjectNode> descriptions(WorkspaceMetadata metadata) {
        Map<UUID, ObjectNode> descriptions = new LinkedHashMap<>();
        for (ObjectType object : metadata.all().objects()) {
            descriptions.put(metadata.id(object), withoutTimes(MetadataJson.properties(metadata, object)));
            for (Field field : object.fields()) {
                descriptions.put(metadata.id(object, field), withoutTimes(MetadataJson.field(metadata, object, field)));
            }
            for (JsonNode index : MetadataJson.indexes(metadata, object)) {
                ObjectNode description = withoutTimes((ObjectNode) index);
                description.remove("indexFieldMetadatas");
                descriptions.put(UUID.fromString(index.path("id").asText()), description);
            }
        }
        return descriptions;
    }

    private static ObjectNode withoutTimes(ObjectNode node) {
        node.remove("createdAt");
        node.remove("updatedAt");
        return node;
    }

    static String format(OffsetDateTime time) {
        return ISO.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
