package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.array;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.nullable;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.nullableRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.object;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.properties;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.require;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.schemaRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.string;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.stringEnum;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.type;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.RelationType;
import dev.crmschema.compiler.support.Json;
import java.util.Arrays;
import java.util.List;

/** The schemas of the metadata REST API: objects, fields and their inputs (contract sections 3.3 and 3.4). */
final class MetadataSchemas {
    static final String OBJECT = "Object";
    static final String FIELD = "Field";
    static final String OBJECT_LIST = "ObjectList";
    static final String FIELD_LIST = "FieldList";
    static final String PICKLIST_LIST = "PicklistList";
    static final String CREATE_OBJECT = "CreateObjectInput";
    static final String UPDATE_OBJECT = "UpdateObjectInput";
    static final String CREATE_FIELD = "CreateFieldInput";
    static final String UPDATE_FIELD = "UpdateFieldInput";
    static final String FILES = "MetadataFiles";
    private static final String FIELD_TYPE = "FieldMetadataType";
    private static final String RELATION_TYPE = "RelationType";
    private static final String OPTION = "FieldOption";
    private static final String RELATION = "FieldRelation";
    private static final String RELATION_PAYLOAD = "RelationCreationPayload";
    private static final String OBJECT_SUMMARY = "ObjectSummary";
    private static final String FIELD_SUMMARY = "FieldSummary";
    private static final String PICKLIST = "Picklist";

    private MetadataSchemas() {}

    static void addTo(ObjectNode schemas) {
        schemas.set(FIELD_TYPE, stringEnum(Arrays.stream(FieldKind.values()).map(Enum::name).toList())
                .put("description", "The field types this API supports."));
        schemas.set(RELATION_TYPE, stringEnum(Arrays.stream(RelationType.values()).map(Enum::name).toList()));
        schemas.set(OBJECT, objectSchema());
        schemas.set(FIELD, fieldSchema());
        schemas.set(OPTION, option());
        schemas.set(RELATION, relation());
        schemas.set(OBJECT_SUMMARY, summary("nameSingular", "namePlural"));
        schemas.set(FIELD_SUMMARY, summary("name"));
        schemas.set(CREATE_OBJECT, createObject());
        schemas.set(UPDATE_OBJECT, updateObject());
        schemas.set(CREATE_FIELD, createField());
        schemas.set(UPDATE_FIELD, updateField());
        schemas.set(RELATION_PAYLOAD, relationPayload());
        schemas.set(PICKLIST, picklist());
        schemas.set(OBJECT_LIST, list(OBJECT, "Objects, each with its fields."));
        schemas.set(FIELD_LIST, list(FIELD, "Fields of every object."));
        schemas.set(PICKLIST_LIST, picklistList());
        schemas.set(FILES, files());
    }

    private static ObjectNode files() {
        ObjectNode schema = object().put("description", "A workspace's metadata files, in the format of the Maven plugin.");
        ObjectNode p = properties(schema);
        p.set("workspace", string().put("description", "The workspace's name (answers only)."));
        p.set("version", type("integer").put("description", "The metadata version the files are at (answers only)."));
        p.set("files", object().put("description", "File contents (YAML or JSON) by relative path, e.g. workspace.yaml.")
                .set("additionalProperties", string()));
        require(schema, List.of("files"));
        return schema;
    }

    private static ObjectNode objectSchema() {
        ObjectNode schema = object().put("description", "An object of the workspace, with its fields.");
        ObjectNode p = properties(schema);
        p.set("id", string("uuid"));
        p.set("universalIdentifier", string().put("description", "The id."));
        p.set("dataSourceId", string("uuid").put("description", "The workspace's id: its own schema holds the records."));
        objectNames(p);
        p.set("description", nullable(string()));
        p.set("icon", nullable(string()).put("description", "A Tabler icon name, e.g. IconBuildingSkyscraper."));
        p.set("shortcut", nullable(string()).put("description", "Always null."));
        p.set("color", nullable(string()).put("description", "Always null."));
        p.set("isCustom", type("boolean"));
        p.set("isActive", type("boolean"));
        p.set("isSystem", type("boolean"));
        p.set("isRemote", type("boolean"));
        p.set("isUIEditable", type("boolean"));
        p.set("isUICreatable", type("boolean"));
        p.set("isUIReadOnly", type("boolean").put("description", "The opposite of isUIEditable (older clients)."));
        p.set("isSearchable", type("boolean"));
        p.set("isLabelSyncedWithName", type("boolean"));
        p.set("applicationId", nullable(string("uuid")).put("description", "Always null: no object comes from an application."));
        p.set("labelIdentifierFieldMetadataId", nullable(string("uuid")));
        p.set("imageIdentifierFieldMetadataId", nullable(string("uuid")));
        p.set("duplicateCriteria", array(array(string())).put("description",
                "Groups of fields; records equal on every field of a group are duplicates."));
        p.set("createdAt", string("date-time"));
        p.set("updatedAt", string("date-time"));
        p.set("fields", array(schemaRef(FIELD)));
        require(schema, List.of("id", "nameSingular", "namePlural", "labelSingular", "labelPlural", "isCustom", "isActive",
                "isSystem", "fields"));
        return schema;
    }

    private static ObjectNode fieldSchema() {
        ObjectNode schema = object().put("description", "A field of an object.");
        ObjectNode p = properties(schema);
        p.set("id", string("uuid"));
        p.set("universalIdentifier", string().put("description", "The id."));
        p.set("type", schemaRef(FIELD_TYPE));
        fieldDescription(p);
        p.set("isCustom", type("boolean"));
        p.set("isActive", type("boolean"));
        p.set("isSystem", type("boolean"));
        p.set("isUIEditable", type("boolean").put("description", "False for system fields."));
        p.set("isUIReadOnly", type("boolean").put("description", "The opposite of isUIEditable (older clients)."));
        fieldShape(p);
        p.set("morphId", nullable(string("uuid")).put("description", "Always null."));
        p.set("applicationId", nullable(string("uuid")).put("description", "Always null."));
        p.set("objectMetadataId", string("uuid"));
        p.set("relation", nullableRef(RELATION));
        p.set("createdAt", string("date-time"));
        p.set("updatedAt", string("date-time"));
        require(schema, List.of("id", "type", "name", "label", "isCustom", "isActive", "isSystem", "isNullable", "isUnique",
                "objectMetadataId"));
        return schema;
    }

    private static ObjectNode createObject() {
        ObjectNode schema = object().put("description", "A new custom object. The server adds its system fields "
                + "(id, name, createdAt, updatedAt, deletedAt, position, createdBy, updatedBy, searchVector).");
        ObjectNode p = properties(schema);
        objectNames(p);
        p.set("description", string());
        p.set("icon", string());
        p.set("isLabelSyncedWithName", type("boolean"));
        require(schema, List.of("nameSingular", "namePlural", "labelSingular", "labelPlural"));
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode updateObject() {
        ObjectNode schema = object().put("description", "Changes to an object; deactivate it (`isActive: false`) before deleting it.");
        ObjectNode p = properties(schema);
        objectNames(p);
        p.set("description", nullable(string()));
        p.set("icon", nullable(string()));
        p.set("isActive", type("boolean"));
        p.set("isLabelSyncedWithName", type("boolean"));
        p.set("labelIdentifierFieldMetadataId", string("uuid"));
        p.set("imageIdentifierFieldMetadataId", nullable(string("uuid")));
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode createField() {
        ObjectNode schema = object().put("description", "A new field. A relation also creates its inverse field on the target object.");
        ObjectNode p = properties(schema);
        p.set("objectMetadataId", string("uuid"));
        p.set("type", schemaRef(FIELD_TYPE));
        fieldDescription(p);
        fieldShape(p);
        p.set("relationCreationPayload", schemaRef(RELATION_PAYLOAD));
        require(schema, List.of("objectMetadataId", "type", "name", "label"));
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode updateField() {
        ObjectNode schema = object().put("description", "Changes to a field; its type cannot change.");
        ObjectNode p = properties(schema);
        fieldDescription(p);
        p.set("isActive", type("boolean"));
        fieldShape(p);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static void objectNames(ObjectNode p) {
        p.set("nameSingular", string().put("pattern", "^[a-z][a-zA-Z0-9]*$").put("description", "camelCase, e.g. pet."));
        p.set("namePlural", string().put("pattern", "^[a-z][a-zA-Z0-9]*$").put("description", "camelCase, e.g. pets; names the REST path."));
        p.set("labelSingular", string().put("minLength", 1));
        p.set("labelPlural", string().put("minLength", 1));
    }

    private static void fieldDescription(ObjectNode p) {
        p.set("name", string().put("pattern", "^[a-z][a-zA-Z0-9]*$").put("description", "camelCase; the JSON key of the field."));
        p.set("label", string().put("minLength", 1));
        p.set("description", nullable(string()));
        p.set("icon", nullable(string()));
    }

    private static void fieldShape(ObjectNode p) {
        p.set("isNullable", type("boolean"));
        p.set("isUnique", type("boolean"));
        p.set("defaultValue", Json.object().put("description", "Literals are single-quoted inside the string (\"'NEW'\"); "
                + "functions are bare (\"uuid\", \"now\"); composites are an object of sub-defaults."));
        p.set("options", nullable(array(schemaRef(OPTION))).put("description", "The options of a SELECT or MULTI_SELECT field."));
        p.set("settings", nullable(type("object")).put("description",
                "Type-specific settings, e.g. {\"dataType\": \"int\"} for NUMBER."));
        p.set("isLabelSyncedWithName", type("boolean"));
    }

    private static ObjectNode option() {
        ObjectNode schema = object();
        ObjectNode p = properties(schema);
        p.set("id", string("uuid"));
        p.set("value", string().put("pattern", "^[A-Z][A-Z0-9_]*$").put("description", "UPPER_SNAKE_CASE; the value stored and sent."));
        p.set("label", string());
        p.set("position", type("integer"));
        p.set("color", string().put("description", "red, purple, sky, turquoise, yellow, green, blue, gray, orange, pink, ..."));
        require(schema, List.of("value", "label"));
        return schema;
    }

    private static ObjectNode relation() {
        ObjectNode schema = object().put("description", "Both ends of a relation field.");
        ObjectNode p = properties(schema);
        p.set("type", schemaRef(RELATION_TYPE));
        p.set("sourceObjectMetadata", schemaRef(OBJECT_SUMMARY));
        p.set("targetObjectMetadata", schemaRef(OBJECT_SUMMARY));
        p.set("sourceFieldMetadata", schemaRef(FIELD_SUMMARY));
        p.set("targetFieldMetadata", schemaRef(FIELD_SUMMARY));
        require(schema, List.of("type", "sourceObjectMetadata", "targetObjectMetadata", "sourceFieldMetadata", "targetFieldMetadata"));
        return schema;
    }

    private static ObjectNode relationPayload() {
        ObjectNode schema = object().put("description", "For a RELATION field: the target and the inverse field to create there.");
        ObjectNode p = properties(schema);
        p.set("targetObjectMetadataId", string("uuid"));
        p.set("targetFieldLabel", string());
        p.set("targetFieldIcon", string());
        p.set("type", schemaRef(RELATION_TYPE));
        require(schema, List.of("targetObjectMetadataId", "targetFieldLabel", "type"));
        return schema;
    }

    private static ObjectNode summary(String... names) {
        ObjectNode schema = object();
        properties(schema).set("id", string("uuid"));
        for (String name : names) {
            properties(schema).set(name, string());
        }
        return schema;
    }

    private static ObjectNode picklist() {
        ObjectNode schema = object().put("description", "The options of one SELECT or MULTI_SELECT field.");
        ObjectNode p = properties(schema);
        p.set("objectName", string());
        p.set("fieldName", string());
        p.set("fieldMetadataId", string("uuid"));
        p.set("type", stringEnum(List.of(FieldKind.SELECT.name(), FieldKind.MULTI_SELECT.name())));
        p.set("options", array(schemaRef(OPTION)));
        require(schema, List.of("objectName", "fieldName", "type", "options"));
        return schema;
    }

    private static ObjectNode list(String item, String description) {
        ObjectNode schema = object().put("description", description);
        properties(schema).set("data", array(schemaRef(item)));
        properties(schema).set("pageInfo", schemaRef("PageInfo"));
        properties(schema).set("totalCount", type("integer"));
        require(schema, List.of("data", "pageInfo", "totalCount"));
        return schema;
    }

    private static ObjectNode picklistList() {
        ObjectNode schema = object().put("description", "Every picklist of the workspace.");
        properties(schema).set("data", array(schemaRef(PICKLIST)));
        properties(schema).set("totalCount", type("integer"));
        require(schema, List.of("data", "totalCount"));
        return schema;
    }
}
