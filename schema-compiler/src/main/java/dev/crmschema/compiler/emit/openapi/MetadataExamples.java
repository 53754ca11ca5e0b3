package dev.crmschema.compiler.emit.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Relation;
import dev.crmschema.compiler.model.SelectOption;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.support.Json;
import java.util.Optional;

/**
 * Metadata examples taken from the workspace itself, so the document shows its real objects, fields and
 * picklists. Metadata ids are assigned by the server; the examples use name-based UUIDs.
 */
final class MetadataExamples {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MetadataExamples() {}

    /** The object the examples describe: the first custom object, or the first object. */
    static ObjectType sampleObject(Workspace workspace) {
        return workspace.objects().stream().filter(ObjectType::isCustom).findFirst()
                .orElse(workspace.objects().get(0));
    }

    /** The field the examples describe: the sample object's label identifier. */
    static Field sampleField(ObjectType object) {
        return object.field(object.labelIdentifierField()).orElse(object.fields().get(0));
    }

    static String objectId(String nameSingular) {
        return ExampleValues.uuid("metadata/object/" + nameSingular);
    }

    static String fieldId(String objectName, String fieldName) {
        return ExampleValues.uuid("metadata/field/" + objectName + "." + fieldName);
    }

    static ObjectNode object(Workspace workspace, ObjectType object) {
        ObjectNode node = Json.object();
        node.put("id", objectId(object.nameSingular()));
        node.put("universalIdentifier", objectId(object.nameSingular()));
        node.put("dataSourceId", ExampleValues.uuid("metadata/workspace"));
        node.put("nameSingular", object.nameSingular());
        node.put("namePlural", object.namePlural());
        node.put("labelSingular", object.labelSingular());
        node.put("labelPlural", object.labelPlural());
        putOptional(node, "description", object.description());
        putOptional(node, "icon", object.icon());
        node.putNull("shortcut");
        node.putNull("color");
        node.put("isCustom", object.isCustom());
        node.put("isActive", true);
        node.put("isSystem", false);
        node.put("isRemote", false);
        node.put("isUIEditable", true);
        node.put("isUICreatable", true);
        node.put("isUIReadOnly", false);
        node.put("isSearchable", !object.searchFields().isEmpty());
        node.put("isLabelSyncedWithName", false);
        node.putNull("applicationId");
        node.put("labelIdentifierFieldMetadataId", fieldId(object.nameSingular(), object.labelIdentifierField()));
        node.putNull("imageIdentifierFieldMetadataId");
        ArrayNode criteria = node.putArray("duplicateCriteria");
        object.duplicateCriteria().forEach(group -> group.forEach(criteria.addArray()::add));
        node.put("createdAt", ExampleValues.DATE_TIME);
        node.put("updatedAt", ExampleValues.DATE_TIME);
        ArrayNode fields = node.putArray("fields");
        object.fields().forEach(f -> fields.add(field(workspace, object, f)));
        return node;
    }

    static ObjectNode field(Workspace workspace, ObjectType object, Field field) {
        ObjectNode node = Json.object();
        node.put("id", fieldId(object.nameSingular(), field.name()));
        node.put("universalIdentifier", fieldId(object.nameSingular(), field.name()));
        node.put("type", field.kind().name());
        node.put("name", field.name());
        node.put("label", field.label());
        putOptional(node, "description", field.description());
        putOptional(node, "icon", field.icon());
        node.put("isCustom", field.isCustom());
        node.put("isActive", true);
        node.put("isSystem", field.isSystem());
        node.put("isUIEditable", !field.isSystem());
        node.put("isUIReadOnly", field.isSystem());
        node.put("isNullable", field.isNullable());
        node.put("isUnique", field.isUnique());
        node.set("defaultValue", field.defaultValue().map(Json::valueOf).orElse(NODES.nullNode()));
        if (field.options().isEmpty()) {
            node.putNull("options");
        } else {
            node.set("options", options(object, field));
        }
        if (field.settings().isEmpty()) {
            node.putNull("settings");
        } else {
            node.set("settings", Json.valueOf(field.settings()));
        }
        node.put("objectMetadataId", objectId(object.nameSingular()));
        node.put("isLabelSyncedWithName", false);
        node.putNull("morphId");
        node.putNull("applicationId");
        if (field.relation().isPresent()) {
            node.set("relation", relation(workspace, object, field, field.relation().get()));
        } else {
            node.putNull("relation");
        }
        node.put("createdAt", ExampleValues.DATE_TIME);
        node.put("updatedAt", ExampleValues.DATE_TIME);
        return node;
    }

    /** Every SELECT and MULTI_SELECT field of the workspace with its options: the whole picklist answer. */
    static ObjectNode picklists(Workspace workspace) {
        ObjectNode answer = Json.object();
        ArrayNode data = answer.putArray("data");
        for (ObjectType object : workspace.objects()) {
            for (Field field : object.fields()) {
                if (field.kind() == FieldKind.SELECT || field.kind() == FieldKind.MULTI_SELECT) {
                    ObjectNode picklist = data.addObject();
                    picklist.put("objectName", object.nameSingular());
                    picklist.put("fieldName", field.name());
                    picklist.put("fieldMetadataId", fieldId(object.nameSingular(), field.name()));
                    picklist.put("type", field.kind().name());
                    picklist.set("options", options(object, field));
                }
            }
        }
        answer.put("totalCount", data.size());
        return answer;
    }

    private static ArrayNode options(ObjectType object, Field field) {
        ArrayNode options = NODES.arrayNode();
        for (SelectOption option : field.options()) {
            options.addObject()
                    .put("id", ExampleValues.uuid("metadata/option/" + object.nameSingular() + "." + field.name() + "." + option.value()))
                    .put("value", option.value())
                    .put("label", option.label())
                    .put("position", option.position())
                    .put("color", option.color());
        }
        return options;
    }

    private static ObjectNode relation(Workspace workspace, ObjectType object, Field field, Relation relation) {
        ObjectType target = workspace.require(relation.targetObject());
        ObjectNode node = Json.object().put("type", relation.type().name());
        node.set("sourceObjectMetadata", objectSummary(object));
        node.set("targetObjectMetadata", objectSummary(target));
        node.putObject("sourceFieldMetadata").put("id", fieldId(object.nameSingular(), field.name())).put("name", field.name());
        node.putObject("targetFieldMetadata").put("id", fieldId(target.nameSingular(), relation.inverseField()))
                .put("name", relation.inverseField());
        return node;
    }

    private static ObjectNode objectSummary(ObjectType object) {
        return Json.object().put("id", objectId(object.nameSingular()))
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
