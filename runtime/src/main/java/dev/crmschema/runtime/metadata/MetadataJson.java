package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.emit.sql.TableIndex;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Relation;
import dev.crmschema.compiler.model.SelectOption;
import dev.crmschema.compiler.support.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Objects, fields, indexes and picklists in the shapes of the workspace's metadata OpenAPI document
 * (contract sections 3.3 and 3.4, "new format": bare items). Properties the model has no notion of take
 * the values the document describes as defaults (not remote, no image identifier, labels not synced with
 * names, no shortcut, colour, application or morph relation); the universal identifier is the id, and the
 * data source is the workspace, whose schema holds the records.
 */
public final class MetadataJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MetadataJson() {}

    public static ObjectNode object(WorkspaceMetadata metadata, ObjectType object) {
        ObjectNode node = properties(metadata, object);
        ArrayNode fields = node.putArray("fields");
        object.fields().forEach(f -> fields.add(field(metadata, object, f)));
        return node;
    }

    /** An object without its fields. */
    static ObjectNode properties(WorkspaceMetadata metadata, ObjectType object) {
        ObjectNode node = NODES.objectNode();
        String id = metadata.id(object).toString();
        node.put("id", id);
        node.put("universalIdentifier", id);
        node.put("dataSourceId", metadata.workspaceId().toString());
        node.put("nameSingular", object.nameSingular());
        node.put("namePlural", object.namePlural());
        node.put("labelSingular", object.labelSingular());
        node.put("labelPlural", object.labelPlural());
        putOptional(node, "description", object.description());
        putOptional(node, "icon", object.icon());
        node.putNull("shortcut");
        node.putNull("color");
        node.put("isCustom", object.isCustom());
        node.put("isActive", metadata.isActive(object));
        node.put("isSystem", false);
        node.put("isRemote", false);
        node.put("isUIEditable", true);
        node.put("isUICreatable", true);
        node.put("isUIReadOnly", false);
        node.put("isSearchable", !object.searchFields().isEmpty());
        node.put("isLabelSyncedWithName", false);
        node.putNull("applicationId");
        node.put("labelIdentifierFieldMetadataId", metadata.ids().field(object.nameSingular(), object.labelIdentifierField()).toString());
        node.putNull("imageIdentifierFieldMetadataId");
        ArrayNode criteria = node.putArray("duplicateCriteria");
        object.duplicateCriteria().forEach(group -> {
            ArrayNode paths = criteria.addArray();
            group.forEach(paths::add);
        });
        metadata.times().put(node, metadata.id(object));
        return node;
    }

    public static ObjectNode field(WorkspaceMetadata metadata, ObjectType object, Field field) {
        ObjectNode node = NODES.objectNode();
        UUID id = metadata.id(object, field);
        node.put("id", id.toString());
        node.put("universalIdentifier", id.toString());
        node.put("type", field.kind().name());
        node.put("name", field.name());
        node.put("label", field.label());
        putOptional(node, "description", field.description());
        putOptional(node, "icon", field.icon());
        node.put("isCustom", field.isCustom());
        node.put("isActive", metadata.isActive(object, field));
        node.put("isSystem", field.isSystem());
        node.put("isUIEditable", !field.isSystem());
        node.put("isUIReadOnly", field.isSystem());
        node.put("isNullable", field.isNullable());
        node.put("isUnique", field.isUnique());
        node.set("defaultValue", field.defaultValue().map(Json::valueOf).orElse(NODES.nullNode()));
        node.set("options", field.options().isEmpty() ? NODES.nullNode() : options(metadata, id, field));
        node.set("settings", field.settings().isEmpty() ? NODES.nullNode() : Json.valueOf(field.settings()));
        node.put("objectMetadataId", metadata.id(object).toString());
        node.put("isLabelSyncedWithName", false);
        node.putNull("morphId");
        node.putNull("applicationId");
        node.set("relation", field.relation().<JsonNode>map(r -> relation(metadata, object, field, r)).orElse(NODES.nullNode()));
        metadata.times().put(node, id);
        return node;
    }

    /**
     * The indexes of an object's table (contract: {@code Object.indexMetadatas}), built-in and declared
     * ({@code isCustom}), each with the fields it covers in order; a composite's sub-field counts as its field.
     */
    public static ArrayNode indexes(WorkspaceMetadata metadata, ObjectType object) {
        Map<String, Field> owners = new HashMap<>();
        Map<String, Column> columns = new HashMap<>();
        for (Field field : object.fields()) {
            field.columns().forEach(c -> {
                owners.put(c.name(), field);
                columns.put(c.name(), c);
            });
        }
        UUID objectId = metadata.id(object);
        ArrayNode indexes = NODES.arrayNode();
        for (TableIndex index : TableIndex.of(object)) {
            List<UUID> fieldIds = index.columns().stream().map(c -> metadata.id(object, owners.get(c))).toList();
            StringBuilder coverage = new StringBuilder(index.unique() ? "unique" : index.liveRowsOnly() ? "live" : index.method().name());
            for (int i = 0; i < fieldIds.size(); i++) {
                coverage.append(i == 0 ? ':' : ',').append(fieldIds.get(i));
                columns.get(index.columns().get(i)).property().ifPresent(p -> coverage.append('.').append(p));
            }
            UUID id = metadata.ids().index(objectId, coverage.toString());
            ObjectNode node = indexes.addObject();
            node.put("id", id.toString());
            node.put("name", index.name());
            node.put("isCustom", index.declared());
            node.put("isUnique", index.unique());
            if (index.liveRowsOnly()) {
                node.put("indexWhereClause", "\"" + TableIndex.DELETED_AT + "\" IS NULL");
            } else {
                node.putNull("indexWhereClause");
            }
            node.put("indexType", index.method().name());
            node.put("objectMetadataId", objectId.toString());
            metadata.times().put(node, id);
            ArrayNode fields = node.putArray("indexFieldMetadatas");
            for (int order = 0; order < fieldIds.size(); order++) {
                ObjectNode field = fields.addObject();
                field.put("id", metadata.ids().indexField(id, order).toString());
                field.put("fieldMetadataId", fieldIds.get(order).toString());
                field.put("order", order);
                metadata.times().put(field, id);
            }
        }
        return indexes;
    }

    /** Every SELECT and MULTI_SELECT field the API serves, with its options. */
    public static ObjectNode picklists(WorkspaceMetadata metadata) {
        ObjectNode answer = NODES.objectNode();
        ArrayNode data = answer.putArray("data");
        for (ObjectType object : metadata.active().objects()) {
            for (Field field : object.fields()) {
                if (field.kind() == FieldKind.SELECT || field.kind() == FieldKind.MULTI_SELECT) {
                    UUID id = metadata.id(object, field);
                    ObjectNode picklist = data.addObject();
                    picklist.put("objectName", object.nameSingular());
                    picklist.put("fieldName", field.name());
                    picklist.put("fieldMetadataId", id.toString());
                    picklist.put("type", field.kind().name());
                    picklist.set("options", options(metadata, id, field));
                }
            }
        }
        answer.put("totalCount", data.size());
        return answer;
    }

    static ArrayNode options(WorkspaceMetadata metadata, UUID fieldId, Field field) {
        ArrayNode options = NODES.arrayNode();
        for (SelectOption option : field.options()) {
            options.addObject()
                    .put("id", metadata.ids().option(fieldId, option.value()).toString())
                    .put("value", option.value())
                    .put("label", option.label())
                    .put("position", option.position())
                    .put("color", option.color());
        }
        return options;
    }

    private static ObjectNode relation(WorkspaceMetadata metadata, ObjectType object, Field field, Relation relation) {
        ObjectType target = metadata.all().require(relation.targetObject());
        ObjectNode node = NODES.objectNode().put("type", relation.type().name());
        node.set("sourceObjectMetadata", summary(metadata, object));
        node.set("targetObjectMetadata", summary(metadata, target));
        node.putObject("sourceFieldMetadata").put("id", metadata.id(object, field).toString()).put("name", field.name());
        node.putObject("targetFieldMetadata")
                .put("id", metadata.ids().field(target.nameSingular(), relation.inverseField()).toString())
                .put("name", relation.inverseField());
        return node;
    }

    private static ObjectNode summary(WorkspaceMetadata metadata, ObjectType object) {
        return NODES.objectNode().put("id", metadata.id(object).toString())
                .put("nameSingular", object.nameSingular()).put("namePlural", object.namePlural());
    }

    private static void putOptional(ObjectNode node, String key, Optional<String> value) {
        if (value.isPresent()) {
            node.put(key, value.get());
        } else {
            node.putNull(key);
        }
    }
}
