package dev.crmschema.compiler.emit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.support.Json;
import java.util.List;

/** Small builders for JSON Schema 2020-12 nodes and OpenAPI references, so the builders read like the spec. */
final class SchemaNodes {
    private SchemaNodes() {}

    static ObjectNode type(String type) {
        return Json.object().put("type", type);
    }

    static ObjectNode string() {
        return type("string");
    }

    static ObjectNode string(String format) {
        return string().put("format", format);
    }

    static ObjectNode stringEnum(List<String> values) {
        ObjectNode schema = string();
        ArrayNode allowed = schema.putArray("enum");
        values.forEach(allowed::add);
        return schema;
    }

    static ObjectNode array(ObjectNode items) {
        ObjectNode schema = type("array");
        schema.set("items", items);
        return schema;
    }

    static ObjectNode object() {
        return type("object");
    }

    /** The properties of an object schema, created on first use so that keys added before it come first. */
    static ObjectNode properties(ObjectNode objectSchema) {
        return objectSchema.withObjectProperty("properties");
    }

    static void require(ObjectNode objectSchema, List<String> names) {
        if (!names.isEmpty()) {
            ArrayNode required = objectSchema.putArray("required");
            names.forEach(required::add);
        }
    }

    /**
     * Lets a schema also accept {@code null}, the 2020-12 way: {@code "type": ["string", "null"]}; an enum
     * must list null itself, or the enum keyword would still reject it.
     */
    static ObjectNode nullable(ObjectNode schema) {
        String type = schema.path("type").asText();
        ArrayNode types = schema.putArray("type");
        types.add(type).add("null");
        if (schema.has("enum")) {
            ((ArrayNode) schema.get("enum")).addNull();
        }
        return schema;
    }

    /** A reference that also may be null: {@code $ref} cannot carry a type, so it goes in a oneOf. */
    static ObjectNode nullableRef(String schemaName) {
        ObjectNode schema = Json.object();
        ArrayNode oneOf = schema.putArray("oneOf");
        oneOf.add(schemaRef(schemaName));
        oneOf.add(type("null"));
        return schema;
    }

    static ObjectNode schemaRef(String schemaName) {
        return Json.object().put("$ref", "#/components/schemas/" + schemaName);
    }

    static ObjectNode parameterRef(String parameterName) {
        return Json.object().put("$ref", "#/components/parameters/" + parameterName);
    }

    static ObjectNode responseRef(String responseName) {
        return Json.object().put("$ref", "#/components/responses/" + responseName);
    }

    /** Like {@link #jsonContent}, with an example kept once in {@code #/components/examples}. */
    static ObjectNode jsonContentWithExampleRef(ObjectNode schema, String exampleName) {
        ObjectNode content = Json.object();
        ObjectNode media = content.putObject("content").putObject("application/json");
        media.set("schema", schema);
        media.putObject("examples").putObject(exampleName).put("$ref", "#/components/examples/" + exampleName);
        return content;
    }

    /** {@code {"content": {"application/json": {"schema": ..., "examples": {name: {summary, value}}}}}}. */
    static ObjectNode jsonContent(ObjectNode schema, String exampleName, String exampleSummary, JsonNode exampleValue) {
        ObjectNode content = Json.object();
        ObjectNode media = content.putObject("content").putObject("application/json");
        media.set("schema", schema);
        ObjectNode example = media.putObject("examples").putObject(exampleName);
        example.put("summary", exampleSummary);
        example.set("value", exampleValue);
        return content;
    }
}
