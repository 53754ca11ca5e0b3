package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.metadata.WorkspaceSource.FieldEntry;
import dev.crmschema.runtime.metadata.WorkspaceSource.ObjectEntry;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creating, updating and deleting objects (contract section 3.3), as edits of the workspace's metadata
 * files. Standard objects are part of the compiler's template, so only custom objects change; fields are
 * added to standard objects with {@link FieldEdits}.
 */
final class ObjectEdits {
    private static final Set<String> CREATE = Set.of("nameSingular", "namePlural", "labelSingular", "labelPlural",
            "description", "icon", "isLabelSyncedWithName");
    private static final Set<String> UPDATE = Set.of("nameSingular", "namePlural", "labelSingular", "labelPlural",
            "description", "icon", "isActive", "isLabelSyncedWithName", "labelIdentifierFieldMetadataId",
            "imageIdentifierFieldMetadataId");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ObjectEdits() {}

    /** A new custom object; the compiler adds its system fields, the migration its table. */
    static void create(ModelChange change, JsonNode input) {
        Body body = Body.of(input, CREATE);
        ObjectNode object = NODES.objectNode();
        String name = body.requiredText("nameSingular");
        object.put("nameSingular", name);
        object.put("namePlural", body.requiredText("namePlural"));
        object.put("labelSingular", body.requiredText("labelSingular"));
        object.put("labelPlural", body.requiredText("labelPlural"));
        body.nullableText("description").flatMap(d -> d).ifPresent(d -> object.put("description", d));
        body.nullableText("icon").flatMap(i -> i).ifPresent(i -> object.put("icon", i));
        body.bool("isLabelSyncedWithName");
        change.source().addObject(object);
        change.claimObjectId(name);
        change.answer(201, next -> MetadataJson.object(next, next.all().require(name)));
    }

    static void update(ModelChange change, String idOrName, JsonNode input) {
        Body body = Body.of(input, UPDATE);
        ObjectType object = find(change.current(), idOrName);
        ObjectEntry entry = editable(change, object);
        ObjectNode node = entry.node();
        body.text("labelSingular").ifPresent(l -> node.put("labelSingular", l));
        body.text("labelPlural").ifPresent(l -> node.put("labelPlural", l));
        body.nullableText("description").ifPresent(d -> setOrRemove(node, "description", d));
        body.nullableText("icon").ifPresent(i -> setOrRemove(node, "icon", i));
        body.bool("isActive").ifPresent(active -> setActive(node, active));
        body.bool("isLabelSyncedWithName");
        body.uuid("labelIdentifierFieldMetadataId").ifPresent(id -> node.put("labelIdentifierField", ownField(change, object, id)));
        if (body.uuid("imageIdentifierFieldMetadataId").isPresent()) {
            throw ApiException.badRequest("imageIdentifierFieldMetadataId is not supported: objects have no image field");
        }
        body.text("namePlural").ifPresent(p -> node.put("namePlural", p));
        change.source().touched(entry.path());
        String name = body.text("nameSingular").orElse(object.nameSingular());
        if (!name.equals(object.nameSingular())) {
            change.source().renameObject(object.nameSingular(), name);
            change.renameObject(object.nameSingular(), name);
        }
        change.answer(200, next -> MetadataJson.object(next, next.all().require(name)));
    }

    /**
     * Deletes an inactive custom object with its records, the fields added to it, and the relation fields
     * of other objects that point to it.
     */
    static void delete(ModelChange change, String idOrName) {
        WorkspaceMetadata current = change.current();
        ObjectType object = find(current, idOrName);
        ObjectEntry entry = editable(change, object);
        if (current.isActive(object)) {
            throw ApiException.badRequest("Object '" + object.nameSingular() + "' is active: deactivate it "
                    + "(PATCH with {\"isActive\": false}) before deleting it");
        }
        JsonNode deleted = MetadataJson.object(current, object);
        WorkspaceSource source = change.source();
        for (ObjectType other : current.all().objects()) {
            for (Field field : other.fields()) {
                boolean pointsHere = field.relation().map(r -> r.targetObject().equals(object.nameSingular())).orElse(false);
                if (pointsHere && !other.nameSingular().equals(object.nameSingular())) {
                    source.field(other.nameSingular(), field.name()).ifPresent(source::removeField);
                    change.forgetField(other.nameSingular(), field.name());
                }
            }
        }
        for (FieldEntry added : source.fields(object.nameSingular())) {
            if (!added.path().equals(entry.path()) || added.list() != entry.node().get("fields")) {
                source.removeField(added);
            }
        }
        source.removeObject(entry);
        change.forgetObject(object.nameSingular());
        change.answer(200, next -> deleted);
    }

    static ObjectType find(WorkspaceMetadata metadata, String idOrName) {
        return metadata.object(idOrName).orElseThrow(() -> ApiException.notFound("Object '" + idOrName + "' not found"));
    }

    private static ObjectEntry editable(ModelChange change, ObjectType object) {
        if (!object.isCustom()) {
            throw ApiException.badRequest("Object '" + object.nameSingular() + "' is a standard object and cannot be "
                    + "changed; add custom fields to it instead");
        }
        return change.source().object(object.nameSingular()).orElseThrow(() -> ApiException.badRequest(
                "Object '" + object.nameSingular() + "' is not defined in this workspace's metadata files"));
    }

    private static String ownField(ModelChange change, ObjectType object, UUID id) {
        return change.current().field(id)
                .filter(owned -> owned.object().nameSingular().equals(object.nameSingular()))
                .map(owned -> owned.field().name())
                .orElseThrow(() -> ApiException.badRequest("Field " + id + " is not a field of '" + object.nameSingular() + "'"));
    }

    static void setOrRemove(ObjectNode node, String key, Optional<String> value) {
        if (value.isPresent()) {
            node.put(key, value.get());
        } else {
            node.remove(key);
        }
    }

    /** Active is the default, so it is written only when false. */
    static void setActive(ObjectNode node, boolean active) {
        if (active) {
            node.remove("isActive");
        } else {
            node.put("isActive", false);
        }
    }
}
