package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.parameterRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.schemaRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.string;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.support.Json;
import java.util.Locale;

/**
 * The routes of the metadata REST API (contract section 3.1) in its "new format": single results are
 * bare objects, lists are {@code {"data": [...], "pageInfo": {...}, "totalCount": n}}.
 */
final class MetadataPaths {
    /** A request body: the name of its schema and an example. */
    private record Input(String schema, JsonNode example) {}

    private static final String LIMIT = "limit";
    private static final String STARTING_AFTER = "startingAfter";
    private static final String ENDING_BEFORE = "endingBefore";
    private static final String OBJECT_ID_OR_NAME = "idOrName";
    private static final String ID_PATH = "idPath";

    private MetadataPaths() {}

    static void addParametersTo(ObjectNode parameters) {
        ObjectNode limit = query("limit", "Items per page: " + RestContract.METADATA_PAGE_SIZE + " by default and at most.",
                type("integer").put("minimum", 0).put("maximum", RestContract.METADATA_PAGE_SIZE)
                        .put("default", RestContract.METADATA_PAGE_SIZE));
        parameters.set(LIMIT, limit);
        parameters.set(STARTING_AFTER, query("starting_after",
                "Items after the one with this id (`pageInfo.endCursor`); not together with `ending_before`.", string("uuid")));
        parameters.set(ENDING_BEFORE, query("ending_before",
                "Items before the one with this id (`pageInfo.startCursor`); not together with `starting_after`.", string("uuid")));
        parameters.set(OBJECT_ID_OR_NAME, path("idOrName", "The object's id (any case), or its singular or plural name.", string()));
        parameters.set(ID_PATH, path("id", "The field's id.", string("uuid")));
    }

    /**
     * Adds the routes; the sample object and field (answers of several operations) go once into
     * {@code examples}, under the names of their schemas.
     */
    static void addTo(ObjectNode paths, ObjectNode examples, Workspace workspace) {
        ObjectType object = MetadataExamples.sampleObject(workspace);
        Field field = MetadataExamples.sampleField(object);
        ObjectNode objectExample = MetadataExamples.object(workspace, object);
        ObjectNode fieldExample = MetadataExamples.field(workspace, object, field);
        examples.putObject(MetadataSchemas.OBJECT).put("summary", "The " + object.nameSingular() + " object")
                .set("value", objectExample);
        examples.putObject(MetadataSchemas.FIELD).put("summary", "The " + object.nameSingular() + "." + field.name() + " field")
                .set("value", fieldExample);

        ObjectNode objects = paths.putObject("/objects");
        objects.set("get", list("objects", "findManyObjects", "List objects", "Every object of the workspace, with its fields.",
                MetadataSchemas.OBJECT_LIST, listExample(objectExample)));
        objects.set("post", single("objects", "createOneObject", "Create an object", "The answer is the created object.",
                null, new Input(MetadataSchemas.CREATE_OBJECT, createObjectExample(object)), MetadataSchemas.OBJECT));
        ObjectNode oneObject = paths.putObject("/objects/{idOrName}");
        oneObject.set("get", single("objects", "findOneObject", "Get an object", "The object with its fields.",
                OBJECT_ID_OR_NAME, null, MetadataSchemas.OBJECT));
        oneObject.set("patch", single("objects", "updateOneObject", "Update an object", "The answer is the updated object.",
                OBJECT_ID_OR_NAME, new Input(MetadataSchemas.UPDATE_OBJECT, Json.object().put("labelPlural", object.labelPlural())),
                MetadataSchemas.OBJECT));
        oneObject.set("delete", single("objects", "deleteOneObject", "Delete an object",
                "Deletes a custom object and its records. Deactivate it first (`isActive: false`); the answer is the "
                        + "deleted object.", OBJECT_ID_OR_NAME, null, MetadataSchemas.OBJECT));

        ObjectNode fields = paths.putObject("/fields");
        fields.set("get", list("fields", "findManyFields", "List fields", "The fields of every object.",
                MetadataSchemas.FIELD_LIST, listExample(fieldExample)));
        fields.set("post", single("fields", "createOneField", "Create a field", "The answer is the created field.",
                null, new Input(MetadataSchemas.CREATE_FIELD, createFieldExample(object)), MetadataSchemas.FIELD));
        ObjectNode oneField = paths.putObject("/fields/{id}");
        oneField.set("get", single("fields", "findOneField", "Get a field", "The field.", ID_PATH, null, MetadataSchemas.FIELD));
        oneField.set("patch", single("fields", "updateOneField", "Update a field", "The answer is the updated field.",
                ID_PATH, new Input(MetadataSchemas.UPDATE_FIELD, Json.object().put("label", field.label())), MetadataSchemas.FIELD));
        oneField.set("delete", single("fields", "deleteOneField", "Delete a field",
                "Deletes a custom field; the answer is the deleted field.", ID_PATH, null, MetadataSchemas.FIELD));

        ObjectNode listPicklists = operation("picklists", "findManyPicklists", "List picklists",
                "The options of every SELECT and MULTI_SELECT field of the workspace, in one answer.");
        ObjectNode responses = listPicklists.putObject("responses");
        responses.putObject("200").put("description", "Every picklist.")
                .setAll(SchemaNodes.jsonContent(schemaRef(MetadataSchemas.PICKLIST_LIST), "example", "Every picklist",
                        MetadataExamples.picklists(workspace)));
        ErrorResponses.addRefsTo(responses, false);
        paths.putObject("/picklists").set("get", listPicklists);

        ObjectNode export = operation("files", "exportMetadataFiles", "Export the metadata files",
                "The workspace's model as the metadata files the Maven plugin reads (inactive parts included).");
        ObjectNode exportResponses = export.putObject("responses");
        exportResponses.putObject("200").put("description", "The files.")
                .setAll(SchemaNodes.jsonContent(schemaRef(MetadataSchemas.FILES), "example", "A workspace's files",
                        filesExample(workspace)));
        ErrorResponses.addRefsTo(exportResponses, false);
        paths.putObject("/export").set("get", export);
        ObjectNode importFiles = operation("files", "importMetadataFiles", "Import metadata files",
                "Replaces the workspace's model with the files (an edited export), as one change: it is validated, "
                        + "the records are migrated, and the API serves the new model once it answers. Objects and fields "
                        + "may be left out only when they are inactive; nothing is renamed.");
        importFiles.putObject("requestBody").put("required", true)
                .setAll(SchemaNodes.jsonContent(schemaRef(MetadataSchemas.FILES), "example", "Example", filesExample(workspace)));
        ObjectNode importResponses = importFiles.putObject("responses");
        importResponses.putObject("200").put("description", "The files now in use, at the new version.")
                .setAll(SchemaNodes.jsonContent(schemaRef(MetadataSchemas.FILES), "example", "The files", filesExample(workspace)));
        ErrorResponses.addRefsTo(importResponses, false);
        paths.putObject("/import").set("post", importFiles);
    }

    private static ObjectNode filesExample(Workspace workspace) {
        ObjectNode example = Json.object().put("workspace", workspace.name()).put("version", 1);
        example.putObject("files").put("workspace.yaml", "workspace:\n  name: " + workspace.name() + "\n");
        return example;
    }

    private static ObjectNode list(String tag, String operationId, String summary, String description, String schema,
            JsonNode example) {
        ObjectNode operation = operation(tag, operationId, summary, description);
        operation.putArray("parameters").add(parameterRef(LIMIT)).add(parameterRef(STARTING_AFTER)).add(parameterRef(ENDING_BEFORE));
        ObjectNode responses = operation.putObject("responses");
        responses.putObject("200").put("description", "A page of " + tag + ".")
                .setAll(SchemaNodes.jsonContent(schemaRef(schema), "example", "A page of " + tag, example));
        ErrorResponses.addRefsTo(responses, false);
        return operation;
    }

    /**
     * An operation on one item, answered by the bare item: by its path parameter (when given) and with a
     * body (when {@code input} is given); creating answers 201.
     */
    private static ObjectNode single(String tag, String operationId, String summary, String description,
            String pathParameter, Input input, String output) {
        ObjectNode operation = operation(tag, operationId, summary, description);
        if (pathParameter != null) {
            operation.putArray("parameters").add(parameterRef(pathParameter));
        }
        if (input != null) {
            operation.putObject("requestBody").put("required", true)
                    .setAll(SchemaNodes.jsonContent(schemaRef(input.schema()), "example", "Example", input.example()));
        }
        ObjectNode responses = operation.putObject("responses");
        responses.putObject(pathParameter == null ? "201" : "200").put("description", "The " + output.toLowerCase(Locale.ROOT) + ".")
                .setAll(SchemaNodes.jsonContentWithExampleRef(schemaRef(output), output));
        ErrorResponses.addRefsTo(responses, pathParameter != null);
        return operation;
    }

    private static ObjectNode operation(String tag, String operationId, String summary, String description) {
        ObjectNode operation = Json.object();
        operation.putArray("tags").add(tag);
        operation.put("summary", summary);
        operation.put("description", description);
        operation.put("operationId", operationId);
        return operation;
    }

    private static ObjectNode listExample(ObjectNode item) {
        ObjectNode example = Json.object();
        ArrayNode data = example.putArray("data");
        data.add(item);
        String id = item.get("id").asText();
        example.putObject("pageInfo").put("hasNextPage", false).put("hasPreviousPage", false)
                .put("startCursor", id).put("endCursor", id);
        example.put("totalCount", 1);
        return example;
    }

    private static ObjectNode createObjectExample(ObjectType object) {
        ObjectNode example = Json.object().put("nameSingular", object.nameSingular()).put("namePlural", object.namePlural())
                .put("labelSingular", object.labelSingular()).put("labelPlural", object.labelPlural());
        object.description().ifPresent(d -> example.put("description", d));
        object.icon().ifPresent(i -> example.put("icon", i));
        return example;
    }

    /** A new TEXT field, named so that it does not clash with a field the object already has. */
    private static ObjectNode createFieldExample(ObjectType object) {
        String name = "internalNotes";
        for (int n = 2; object.field(name).isPresent(); n++) {
            name = "internalNotes" + n;
        }
        return Json.object().put("objectMetadataId", MetadataExamples.objectId(object.nameSingular()))
                .put("type", "TEXT").put("name", name).put("label", "Internal notes")
                .put("description", "Notes for the team, never shown to customers").put("isNullable", true);
    }

    private static ObjectNode query(String name, String description, ObjectNode schema) {
        ObjectNode parameter = Json.object().put("name", name).put("in", "query").put("required", false);
        parameter.put("description", description);
        parameter.set("schema", schema);
        return parameter;
    }

    private static ObjectNode path(String name, String description, ObjectNode schema) {
        ObjectNode parameter = Json.object().put("name", name).put("in", "path").put("required", true);
        parameter.put("description", description);
        parameter.set("schema", schema);
        return parameter;
    }
}
