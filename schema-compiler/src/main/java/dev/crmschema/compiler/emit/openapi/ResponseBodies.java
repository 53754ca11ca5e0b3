package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.array;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.object;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.properties;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.require;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.schemaRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.string;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.support.Json;
import java.util.List;

/**
 * The success bodies of the core operations, exactly as contract section 1.8 shows them, each with a
 * schema and an example built from the object's fields.
 */
final class ResponseBodies {
    /** A response body: its schema and one example of it. */
    record Body(ObjectNode schema, JsonNode example) {}

    private ResponseBodies() {}

    /** {@code {"data": {"companies": [...]}, "totalCount": n, "pageInfo": {...}}}. */
    static Body findMany(ObjectType object) {
        ObjectNode schema = object();
        properties(schema).set("data", dataSchema(object.namePlural(), array(record(object))));
        properties(schema).set("totalCount", type("integer").put("description", "Records the filter matches, on every page."));
        properties(schema).set("pageInfo", schemaRef("PageInfo"));
        require(schema, List.of("data", "totalCount", "pageInfo"));
        String first = ExampleValues.recordId(object.nameSingular());
        String second = ExampleValues.otherRecordId(object.nameSingular());
        ObjectNode example = Json.object();
        example.set("data", data(object.namePlural(), records(
                ExampleValues.record(object, first), ExampleValues.record(object, second))));
        example.put("totalCount", 2);
        example.set("pageInfo", pageInfo(first, second));
        return new Body(schema, example);
    }

    static Body findOne(ObjectType object) {
        return one(object, object.nameSingular(), ExampleValues.record(object, ExampleValues.recordId(object.nameSingular())));
    }

    static Body createOne(ObjectType object) {
        return one(object, Names.createOne(object), ExampleValues.record(object, ExampleValues.recordId(object.nameSingular())));
    }

    static Body createMany(ObjectType object) {
        return many(object, Names.createMany(object), records(
                ExampleValues.record(object, ExampleValues.recordId(object.nameSingular())),
                ExampleValues.record(object, ExampleValues.otherRecordId(object.nameSingular()))));
    }

    static Body updateOne(ObjectType object) {
        return one(object, Names.updateOne(object), updated(object, ExampleValues.recordId(object.nameSingular())));
    }

    static Body updateMany(ObjectType object) {
        return many(object, Names.updateMany(object), records(updated(object, ExampleValues.recordId(object.nameSingular()))));
    }

    static Body restoreOne(ObjectType object) {
        return one(object, Names.restoreOne(object), ExampleValues.record(object, ExampleValues.recordId(object.nameSingular())));
    }

    static Body restoreMany(ObjectType object) {
        return many(object, Names.restoreMany(object),
                records(ExampleValues.record(object, ExampleValues.recordId(object.nameSingular()))));
    }

    /** {@code {"data": {"deleteCompany": {"id": "..."}}}}, the same for a soft delete and a destroy. */
    static Body deleteOne(ObjectType object) {
        ObjectNode schema = object();
        properties(schema).set("data", dataSchema(Names.deleteOne(object), deletedRecord()));
        require(schema, List.of("data"));
        ObjectNode example = Json.object();
        example.set("data", data(Names.deleteOne(object), idOnly(ExampleValues.recordId(object.nameSingular()))));
        return new Body(schema, example);
    }

    static Body deleteMany(ObjectType object) {
        ObjectNode schema = object();
        properties(schema).set("data", dataSchema(Names.deleteMany(object), array(deletedRecord())));
        require(schema, List.of("data"));
        ObjectNode example = Json.object();
        example.set("data", data(Names.deleteMany(object), records(
                idOnly(ExampleValues.recordId(object.nameSingular())),
                idOnly(ExampleValues.otherRecordId(object.nameSingular())))));
        return new Body(schema, example);
    }

    /** {@code {"data": [{"totalCount": n, "pageInfo": {...}, "companyDuplicates": [...]}]}}, one entry per input. */
    static Body duplicates(ObjectType object) {
        ObjectNode entry = object();
        properties(entry).set("totalCount", type("integer"));
        properties(entry).set("pageInfo", schemaRef("PageInfo"));
        properties(entry).set(Names.duplicates(object), array(record(object)));
        require(entry, List.of("totalCount", "pageInfo", Names.duplicates(object)));
        ObjectNode schema = object();
        properties(schema).set("data", array(entry).put("description", "One entry per item of `data` or `ids`, in order."));
        require(schema, List.of("data"));
        String duplicate = ExampleValues.otherRecordId(object.nameSingular());
        ObjectNode exampleEntry = Json.object().put("totalCount", 1);
        exampleEntry.set("pageInfo", pageInfo(duplicate, duplicate));
        exampleEntry.set(Names.duplicates(object), records(ExampleValues.record(object, duplicate)));
        ObjectNode example = Json.object();
        example.set("data", records(exampleEntry));
        return new Body(schema, example);
    }

    private static Body one(ObjectType object, String key, ObjectNode recordExample) {
        ObjectNode schema = object();
        properties(schema).set("data", dataSchema(key, record(object)));
        require(schema, List.of("data"));
        ObjectNode example = Json.object();
        example.set("data", data(key, recordExample));
        return new Body(schema, example);
    }

    private static Body many(ObjectType object, String key, ArrayNode recordExamples) {
        ObjectNode schema = object();
        properties(schema).set("data", dataSchema(key, array(record(object))));
        require(schema, List.of("data"));
        ObjectNode example = Json.object();
        example.set("data", data(key, recordExamples));
        return new Body(schema, example);
    }

    private static ObjectNode record(ObjectType object) {
        return schemaRef(Names.recordSchema(object));
    }

    private static ObjectNode dataSchema(String key, ObjectNode value) {
        ObjectNode data = object();
        properties(data).set(key, value);
        require(data, List.of(key));
        return data;
    }

    private static ObjectNode deletedRecord() {
        ObjectNode schema = object();
        properties(schema).set("id", string("uuid"));
        require(schema, List.of("id"));
        return schema;
    }

    private static ObjectNode data(String key, JsonNode value) {
        ObjectNode data = Json.object();
        data.set(key, value);
        return data;
    }

    /** The example record after the example update body was applied to it. */
    private static ObjectNode updated(ObjectType object, String id) {
        ObjectNode record = ExampleValues.record(object, id);
        record.setAll(ExampleValues.updateBody(object));
        return record;
    }

    private static ObjectNode idOnly(String id) {
        return Json.object().put("id", id);
    }

    private static ObjectNode pageInfo(String first, String last) {
        return Json.object().put("hasNextPage", false).put("hasPreviousPage", false)
                .put("startCursor", ExampleValues.cursor(first)).put("endCursor", ExampleValues.cursor(last));
    }

    private static ArrayNode records(JsonNode... records) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (JsonNode record : records) {
            array.add(record);
        }
        return array;
    }
}
