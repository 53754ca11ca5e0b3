package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The values a merge gives the priority record, as a partial update body (reference contract,
 * section 1.6, "Merge"). The priority record wins every conflict; it only takes what it lacks:
 * <ul>
 *   <li>a scalar, a SELECT, a RATING, a JSON value or a MANY_TO_ONE join column: the first non-empty value
 *       among the other records, in {@code ids} order, when the priority record's is empty;</li>
 *   <li>ARRAY and MULTI_SELECT: the union of every record's values, the priority record's first;</li>
 *   <li>EMAILS: the priority record's primary email (or the first other one when it has none), and as
 *       additional emails every other address of every record, once each;</li>
 *   <li>PHONES and LINKS: the whole value of the first other record when the priority record's is empty,
 *       else the priority record's value with the additional phones or secondary links of every record;</li>
 *   <li>the other composites (FULL_NAME, ADDRESS, CURRENCY, RICH_TEXT_V2...): the whole value of the first
 *       other record when every part of the priority record's is empty, never part by part.</li>
 * </ul>
 * Empty means null, {@code ""}, an empty array or object, as for the aggregates. System fields (id,
 * timestamps, position, createdBy, updatedBy, search vectors) keep the priority record's values.
 */
final class MergedValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> KEPT = Set.of("id", "createdAt", "updatedAt", "deletedAt", "position", "createdBy",
            "updatedBy", "searchVector");

    private MergedValues() {}

    /** The changes to the priority record; empty when it lacks nothing. */
    static ObjectNode of(ObjectType object, ObjectNode priority, List<ObjectNode> others) {
        ObjectNode update = NODES.objectNode();
        for (Field field : object.fields()) {
            if (KEPT.contains(field.name()) || field.kind() == FieldKind.TS_VECTOR || field.isOneToMany()) {
                continue;
            }
            String key = field.isManyToOne() ? field.joinColumn().map(Column::name).orElseThrow() : field.name();
            JsonNode own = priority.get(key);
            List<JsonNode> theirs = others.stream().map(other -> other.get(key)).toList();
            JsonNode merged = switch (field.kind()) {
                case ARRAY, MULTI_SELECT -> union(own, theirs);
                case EMAILS -> emails(own, theirs);
                case PHONES -> withAdditional(own, theirs, "additionalPhones");
                case LINKS -> withAdditional(own, theirs, "secondaryLinks");
                default -> isEmpty(own) ? theirs.stream().filter(v -> !isEmpty(v)).findFirst().orElse(own) : own;
            };
            if (merged != null && !merged.equals(own)) {
                update.set(key, merged);
            }
        }
        return update;
    }

    private static JsonNode union(JsonNode own, List<JsonNode> theirs) {
        ArrayNode all = NODES.arrayNode();
        List<JsonNode> values = new ArrayList<>();
        values.add(own);
        values.addAll(theirs);
        for (JsonNode value : values) {
            if (value != null && value.isArray()) {
                value.forEach(item -> addOnce(all, item));
            }
        }
        return isEmpty(own) && all.isEmpty() ? own : all;
    }

    private static JsonNode emails(JsonNode own, List<JsonNode> theirs) {
        List<JsonNode> records = new ArrayList<>();
        records.add(own);
        records.addAll(theirs);
        JsonNode primary = records.stream().map(r -> part(r, "primaryEmail")).filter(v -> !isEmpty(v)).findFirst()
                .orElse(part(own, "primaryEmail"));
        ArrayNode additional = NODES.arrayNode();
        for (JsonNode record : records) {
            JsonNode address = part(record, "primaryEmail");
            if (!isEmpty(address) && !address.equals(primary)) {
                addOnce(additional, address);
            }
            JsonNode more = part(record, "additionalEmails");
            if (more != null && more.isArray()) {
                more.forEach(item -> {
                    if (!item.equals(primary)) {
                        addOnce(additional, item);
                    }
                });
            }
        }
        if (isEmpty(own) && isEmpty(primary) && additional.isEmpty()) {
            return own;
        }
        ObjectNode merged = NODES.objectNode();
        merged.set("primaryEmail", primary == null ? NODES.nullNode() : primary);
        merged.set("additionalEmails", additional);
        return merged;
    }

    /** The first non-empty value (the priority record's if it has one) with every record's additional items. */
    private static JsonNode withAdditional(JsonNode own, List<JsonNode> theirs, String additionalPart) {
        JsonNode base = isEmpty(own) ? theirs.stream().filter(v -> !isEmpty(v)).findFirst().orElse(own) : own;
        if (base == null || !base.isObject()) {
            return base;
        }
        ArrayNode additional = NODES.arrayNode();
        List<JsonNode> records = new ArrayList<>();
        records.add(base);
        records.add(own);
        records.addAll(theirs);
        for (JsonNode record : records) {
            JsonNode items = part(record, additionalPart);
            if (items != null && items.isArray()) {
                items.forEach(item -> addOnce(additional, item));
            }
        }
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        merged.set(additionalPart, additional);
        return merged.equals(own) ? own : merged;
    }

    private static JsonNode part(JsonNode composite, String name) {
        return composite == null || !composite.isObject() ? null : composite.get(name);
    }

    private static void addOnce(ArrayNode array, JsonNode item) {
        for (JsonNode existing : array) {
            if (existing.equals(item)) {
                return;
            }
        }
        array.add(item);
    }

    static boolean isEmpty(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        } else if (value.isTextual()) {
            return value.asText().isEmpty();
        } else if (value.isArray()) {
            return value.isEmpty();
        } else if (value.isObject()) {
            for (Iterator<JsonNode> parts = value.elements(); parts.hasNext();) {
                if (!isEmpty(parts.next())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
