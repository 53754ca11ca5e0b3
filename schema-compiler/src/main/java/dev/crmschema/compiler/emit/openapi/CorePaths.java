package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.array;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.parameterRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.schemaRef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.support.Json;

/**
 * The routes of one object (contract section 1.2), by its plural name: find, create, update, delete and
 * restore, one by one and in bulk, find duplicates, and group-by and merge ({@link GroupByAndMergePaths}).
 */
final class CorePaths {
    private CorePaths() {}

    static void addTo(ObjectNode paths, ObjectType object) {
        String plural = "/" + object.namePlural();
        ObjectNode collection = paths.putObject(plural);
        collection.set("get", findMany(object));
        collection.set("post", createOne(object));
        collection.set("patch", updateMany(object));
        collection.set("delete", deleteMany(object));
        ObjectNode single = paths.putObject(plural + "/{id}");
        single.set("get", findOne(object));
        single.set("patch", updateOne(object));
        single.set("delete", deleteOne(object));
        paths.putObject("/batch/" + object.namePlural()).set("post", createMany(object));
        paths.putObject(plural + "/duplicates").set("post", duplicates(object));
        paths.putObject(plural + "/restore").set("patch", restoreMany(object));
        paths.putObject(plural + "/{id}/restore").set("patch", restoreOne(object));
        paths.putObject(plural + "/" + Names.GROUP_BY_SEGMENT).set("get", GroupByAndMergePaths.groupBy(object));
        paths.putObject(plural + "/" + Names.MERGE_SEGMENT).set("patch", GroupByAndMergePaths.merge(object));
    }

    private static ObjectNode findMany(ObjectType object) {
        ObjectNode operation = operation(object, Names.findManyOperation(object), "Find many " + object.labelPlural(),
                "Returns a page of " + object.namePlural() + " matching `filter`, in `order_by` order, with the total count "
                        + "and the cursors of the page.");
        parameters(operation, CoreParameters.FILTER, CoreParameters.ORDER_BY, CoreParameters.LIMIT, CoreParameters.DEPTH,
                CoreParameters.STARTING_AFTER, CoreParameters.ENDING_BEFORE, CoreParameters.FIELDS);
        success(operation, "200", "A page of " + object.namePlural() + ".", ResponseBodies.findMany(object), false);
        return operation;
    }

    private static ObjectNode findOne(ObjectType object) {
        ObjectNode operation = operation(object, Names.findOneOperation(object), "Find one " + object.labelSingular(),
                "Returns the " + object.nameSingular() + " with this id.");
        parameters(operation, CoreParameters.ID_PATH, CoreParameters.DEPTH, CoreParameters.FIELDS);
        success(operation, "200", "The " + object.nameSingular() + ".", ResponseBodies.findOne(object), true);
        return operation;
    }

    private static ObjectNode createOne(ObjectType object) {
        ObjectNode operation = operation(object, Names.createOneOperation(object), "Create one " + object.labelSingular(),
                "Creates a " + object.nameSingular() + "; with `upsert=true` a matching record is updated instead.");
        parameters(operation, CoreParameters.UPSERT, CoreParameters.DEPTH, CoreParameters.FIELDS);
        requestBody(operation, schemaRef(Names.createSchema(object)), "A new " + object.nameSingular() + ".",
                ExampleValues.createBody(object));
        success(operation, "201", "The created " + object.nameSingular() + ".", ResponseBodies.createOne(object), false);
        return operation;
    }

    private static ObjectNode createMany(ObjectType object) {
        ObjectNode operation = operation(object, Names.createManyOperation(object), "Create many " + object.labelPlural(),
                "Creates up to " + RestContract.MAX_BATCH_RECORDS + " " + object.namePlural()
                        + " in one request, all or none; with `upsert=true` matching records are updated instead.");
        parameters(operation, CoreParameters.UPSERT, CoreParameters.DEPTH, CoreParameters.FIELDS);
        ObjectNode body = array(schemaRef(Names.createSchema(object)))
                .put("minItems", 1).put("maxItems", RestContract.MAX_BATCH_RECORDS);
        ArrayNode example = JsonNodeFactory.instance.arrayNode();
        example.add(ExampleValues.createBody(object));
        requestBody(operation, body, "New " + object.namePlural() + ".", example);
        success(operation, "201", "The created " + object.namePlural() + ", in input order.", ResponseBodies.createMany(object), false);
        return operation;
    }

    private static ObjectNode updateOne(ObjectType object) {
        ObjectNode operation = operation(object, Names.updateOneOperation(object), "Update one " + object.labelSingular(),
                "Changes the keys sent and leaves every other field as it is.");
        parameters(operation, CoreParameters.ID_PATH, CoreParameters.DEPTH, CoreParameters.FIELDS);
        requestBody(operation, schemaRef(Names.updateSchema(object)), "Changed fields.", ExampleValues.updateBody(object));
        success(operation, "200", "The updated " + object.nameSingular() + ".", ResponseBodies.updateOne(object), true);
        return operation;
    }

    private static ObjectNode updateMany(ObjectType object) {
        ObjectNode operation = operation(object, Names.updateManyOperation(object), "Update many " + object.labelPlural(),
                "Applies the same changes to every " + object.nameSingular() + " matching `filter` (at most "
                        + RestContract.MAX_AFFECTED_RECORDS + "; if more match, nothing changes).");
        parameters(operation, CoreParameters.BULK_FILTER, CoreParameters.DEPTH, CoreParameters.FIELDS);
        requestBody(operation, schemaRef(Names.updateSchema(object)), "Changed fields.", ExampleValues.updateBody(object));
        success(operation, "200", "The updated " + object.namePlural() + ".", ResponseBodies.updateMany(object), false);
        return operation;
    }

    private static ObjectNode deleteOne(ObjectType object) {
        ObjectNode operation = operation(object, Names.deleteOneOperation(object), "Delete one " + object.labelSingular(),
                "Destroys the " + object.nameSingular() + " for good, or soft-deletes it with `soft_delete=true`.");
        parameters(operation, CoreParameters.ID_PATH, CoreParameters.SOFT_DELETE);
        success(operation, "200", "The id of the deleted " + object.nameSingular() + ".", ResponseBodies.deleteOne(object), true);
        return operation;
    }

    private static ObjectNode deleteMany(ObjectType object) {
        ObjectNode operation = operation(object, Names.deleteManyOperation(object), "Delete many " + object.labelPlural(),
                "Destroys every " + object.nameSingular() + " matching `filter`, or soft-deletes them with "
                        + "`soft_delete=true` (at most " + RestContract.MAX_AFFECTED_RECORDS + "; if more match, nothing changes).");
        parameters(operation, CoreParameters.BULK_FILTER, CoreParameters.SOFT_DELETE);
        success(operation, "200", "The ids of the deleted " + object.namePlural() + ".", ResponseBodies.deleteMany(object), false);
        return operation;
    }

    private static ObjectNode restoreOne(ObjectType object) {
        ObjectNode operation = operation(object, Names.restoreOneOperation(object), "Restore one " + object.labelSingular(),
                "Brings back a soft-deleted " + object.nameSingular() + ".");
        parameters(operation, CoreParameters.ID_PATH, CoreParameters.DEPTH, CoreParameters.FIELDS);
        success(operation, "200", "The restored " + object.nameSingular() + ".", ResponseBodies.restoreOne(object), true);
        return operation;
    }

    private static ObjectNode restoreMany(ObjectType object) {
        ObjectNode operation = operation(object, Names.restoreManyOperation(object), "Restore many " + object.labelPlural(),
                "Brings back every soft-deleted " + object.nameSingular() + " matching `filter` (at most "
                        + RestContract.MAX_AFFECTED_RECORDS + ").");
        parameters(operation, CoreParameters.BULK_FILTER, CoreParameters.DEPTH, CoreParameters.FIELDS);
        success(operation, "200", "The restored " + object.namePlural() + ".", ResponseBodies.restoreMany(object), false);
        return operation;
    }

    private static ObjectNode duplicates(ObjectType object) {
        ObjectNode operation = operation(object, Names.findDuplicatesOperation(object),
                "Find " + object.labelSingular() + " duplicates",
                "For each record given by `ids` or described by `data`, returns the existing " + object.namePlural()
                        + " that look like it" + duplicateCriteria(object) + ". Send exactly one of `ids` and `data`.");
        parameters(operation, CoreParameters.DEPTH, CoreParameters.FIELDS);
        ObjectNode body = SchemaNodes.object().put("minProperties", 1).put("maxProperties", 1);
        SchemaNodes.properties(body).set("ids", array(SchemaNodes.string("uuid"))
                .put("description", "Records to find duplicates of; each record itself is left out of its answer."));
        SchemaNodes.properties(body).set("data", array(schemaRef(Names.updateSchema(object)))
                .put("minItems", 1).put("description", "Partial records to find duplicates of."));
        body.put("additionalProperties", false);
        ObjectNode example = Json.object();
        example.putArray("ids").add(ExampleValues.recordId(object.nameSingular()));
        requestBody(operation, body, "Records to look for.", example);
        success(operation, "200", "The duplicates of each input.", ResponseBodies.duplicates(object), false);
        return operation;
    }

    private static String duplicateCriteria(ObjectType object) {
        if (object.duplicateCriteria().isEmpty()) {
            return "";
        }
        return " (same " + String.join(", or same ", object.duplicateCriteria().stream()
                .map(group -> String.join(" and ", group.stream().map(f -> "`" + f + "`").toList())).toList()) + ")";
    }

    static ObjectNode operation(ObjectType object, String operationId, String summary, String description) {
        ObjectNode operation = Json.object();
        operation.putArray("tags").add(object.namePlural());
        operation.put("summary", summary);
        operation.put("description", object.description().map(d -> "**" + object.labelSingular() + "**: " + d + "\n\n").orElse("")
                + description);
        operation.put("operationId", operationId);
        return operation;
    }

    static void parameters(ObjectNode operation, String... names) {
        ArrayNode parameters = operation.putArray("parameters");
        for (String name : names) {
            parameters.add(parameterRef(name));
        }
    }

    static void requestBody(ObjectNode operation, ObjectNode schema, String summary, JsonNode example) {
        ObjectNode body = operation.putObject("requestBody");
        body.put("required", true);
        body.setAll(SchemaNodes.jsonContent(schema, "example", summary, example));
    }

    static void success(ObjectNode operation, String status, String description, ResponseBodies.Body body, boolean byId) {
        ObjectNode responses = operation.putObject("responses");
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        response.setAll(SchemaNodes.jsonContent(body.schema(), "example", description, body.example()));
        ErrorResponses.addRefsTo(responses, byId);
    }
}
