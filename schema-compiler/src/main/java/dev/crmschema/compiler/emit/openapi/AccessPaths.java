package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.array;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.nullable;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.object;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.parameterRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.properties;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.require;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.schemaRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.string;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.stringEnum;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.support.Json;
import java.util.List;

/**
 * The API key and role routes of the metadata REST API (contract sections 3.1, 6.1 and 6.2):
 * {@code /apiKeys} (list, get, create, update, regenerate, revoke, delete; the secret only in the answers of
 * create and regenerate) and {@code /roles} (list, get, create, update, delete custom roles with their object
 * and field permissions). Keys need the {@code API_KEYS_AND_WEBHOOKS} settings permission, roles {@code ROLES}.
 */
final class AccessPaths {
    /** A request body: its schema, an example, and whether it may be left out. */
    private record Input(String schema, JsonNode example, boolean required) {}

    static final String API_KEY = "ApiKey";
    static final String API_KEY_WITH_TOKEN = "ApiKeyWithToken";
    static final String API_KEY_LIST = "ApiKeyList";
    static final String CREATE_API_KEY = "CreateApiKeyInput";
    static final String UPDATE_API_KEY = "UpdateApiKeyInput";
    static final String REGENERATE_API_KEY = "RegenerateApiKeyInput";
    static final String ROLE = "Role";
    static final String ROLE_LIST = "RoleList";
    static final String ROLE_INPUT = "RoleInput";
    private static final String OBJECT_PERMISSION = "ObjectPermission";
    private static final String FIELD_PERMISSION = "FieldPermission";
    private static final String PERMISSION_FLAG = "PermissionFlag";
    private static final String ID = "accessId";

    /** The settings permission flags (twenty-shared PermissionFlagType), as the runtime knows them. */
    static final List<String> PERMISSION_FLAGS = List.of("API_KEYS_AND_WEBHOOKS", "WORKSPACE", "WORKSPACE_MEMBERS", "ROLES",
            "DATA_MODEL", "SECURITY", "WORKFLOWS");

    private static final String KEY_ID = "6f1c1b1e-3a52-4c5e-9d0a-1b2c3d4e5f60";
    private static final String ROLE_ID = "0b7d6c5a-4e3f-4a2b-8c1d-9e8f7a6b5c4d";
    private static final String EXPIRES = "2030-01-01T00:00:00Z";
    private static final String CREATED = "2026-01-01T00:00:00Z";

    private AccessPaths() {}

    static void addParametersTo(ObjectNode parameters) {
        ObjectNode id = Json.object().put("name", "id").put("in", "path").put("required", true)
                .put("description", "The API key's or role's id.");
        id.set("schema", string("uuid"));
        parameters.set(ID, id);
    }

    static void addSchemasTo(ObjectNode schemas) {
        schemas.set(API_KEY, apiKey(false));
        schemas.set(API_KEY_WITH_TOKEN, apiKey(true));
        schemas.set(API_KEY_LIST, list(API_KEY, "API keys of the workspace, never with their secrets."));
        schemas.set(CREATE_API_KEY, input("A new key.", List.of("name", "expiresAt"),
                "name", string(), "expiresAt", string("date-time"),
                "roleId", string("uuid").put("description", "The key's role; the built-in admin role when left out.")));
        schemas.set(UPDATE_API_KEY, input("Changes to a key.", List.of(), "name", string(),
                "roleId", string("uuid").put("description", "Another role of the workspace.")));
        schemas.set(REGENERATE_API_KEY, input("Optionally, a new expiry.", List.of(), "expiresAt", string("date-time")));
        schemas.set(PERMISSION_FLAG, stringEnum(PERMISSION_FLAGS).put("description",
                "A settings permission: DATA_MODEL changes objects and fields, API_KEYS_AND_WEBHOOKS manages keys, ROLES roles."));
        schemas.set(OBJECT_PERMISSION, objectPermission());
        schemas.set(FIELD_PERMISSION, fieldPermission());
        schemas.set(ROLE, role());
        schemas.set(ROLE_LIST, list(ROLE, "Roles of the workspace, the built-in ones first."));
        schemas.set(ROLE_INPUT, roleInput());
    }

    static void addTo(ObjectNode paths, Workspace workspace) {
        ObjectNode keys = paths.putObject("/apiKeys");
        keys.set("get", operation("apiKeys", "findManyApiKeys", "List API keys", "Every key of the workspace; never a secret.",
                null, null, "200", API_KEY_LIST, listOf(apiKeyExample(false)), true));
        keys.set("post", operation("apiKeys", "createOneApiKey", "Create an API key",
                "The answer carries the key's token in `token`: store it, it is never shown again.",
                null, new Input(CREATE_API_KEY, createKeyExample(), true), "201", API_KEY_WITH_TOKEN, apiKeyExample(true), false));
        ObjectNode key = paths.putObject("/apiKeys/{id}");
        key.set("get", operation("apiKeys", "findOneApiKey", "Get an API key", "The key, without its secret.",
                ID, null, "200", API_KEY, apiKeyExample(false), false));
        key.set("patch", operation("apiKeys", "updateOneApiKey", "Update an API key", "Renames the key or gives it another role.",
                ID, new Input(UPDATE_API_KEY, Json.object().put("name", "Zapier"), true), "200", API_KEY, apiKeyExample(false),
                false));
        key.set("delete", operation("apiKeys", "deleteOneApiKey", "Delete an API key",
                "The key stops working at once; the answer is the deleted key.", ID, null, "200", API_KEY, apiKeyExample(false),
                false));
        paths.putObject("/apiKeys/{id}/regenerate").set("post", operation("apiKeys", "regenerateApiKey", "Regenerate an API key",
                "A new secret (and optionally a new expiry) for the key, in `token`; the old token stops working at once, "
                        + "on every server.", ID, new Input(REGENERATE_API_KEY, Json.object().put("expiresAt", EXPIRES), false),
                "200", API_KEY_WITH_TOKEN, apiKeyExample(true), false));
        paths.putObject("/apiKeys/{id}/revoke").set("post", operation("apiKeys", "revokeApiKey", "Revoke an API key",
                "Sets `revokedAt`: the key is refused from its next request on, on every server.", ID, null, "200", API_KEY,
                apiKeyExample(false).put("revokedAt", CREATED).put("status", "revoked"), false));

        ObjectNode roles = paths.putObject("/roles");
        roles.set("get", operation("roles", "findManyRoles", "List roles",
                "Every role of the workspace with its permissions: the built-in Admin and Read-only roles, then custom ones.",
                null, null, "200", ROLE_LIST, listOf(roleExample(workspace)), true));
        roles.set("post", operation("roles", "createOneRole", "Create a role",
                "Role-wide flags left out are false; an object permission's flags left out are the role-wide ones.",
                null, new Input(ROLE_INPUT, roleInputExample(workspace), true), "201", ROLE, roleExample(workspace), false));
        ObjectNode role = paths.putObject("/roles/{id}");
        role.set("get", operation("roles", "findOneRole", "Get a role", "The role with its permissions.",
                ID, null, "200", ROLE, roleExample(workspace), false));
        role.set("patch", operation("roles", "updateOneRole", "Update a role",
                "What the body leaves out stays; a given permission list replaces the old one. Built-in roles cannot be "
                        + "changed. Keys with the role get the change on their next request.",
                ID, new Input(ROLE_INPUT, Json.object().put("label", "Sales"), true), "200", ROLE, roleExample(workspace), false));
        role.set("delete", operation("roles", "deleteOneRole", "Delete a role",
                "Deletes a custom role no key holds; the answer is the deleted role.", ID, null, "200", ROLE, roleExample(workspace),
                false));
    }

    private static ObjectNode operation(String tag, String operationId, String summary, String description, String pathParameter,
            Input input, String status, String output, JsonNode example, boolean paged) {
        ObjectNode operation = Json.object();
        operation.putArray("tags").add(tag);
        operation.put("summary", summary);
        operation.put("description", description);
        operation.put("operationId", operationId);
        if (pathParameter != null || paged) {
            ArrayNode parameters = operation.putArray("parameters");
            if (pathParameter != null) {
                parameters.add(parameterRef(pathParameter));
            }
            if (paged) {
                parameters.add(parameterRef("limit")).add(parameterRef("startingAfter")).add(parameterRef("endingBefore"));
            }
        }
        if (input != null) {
            operation.putObject("requestBody").put("required", input.required())
                    .setAll(SchemaNodes.jsonContent(schemaRef(input.schema()), "example", "Example", input.example()));
        }
        ObjectNode responses = operation.putObject("responses");
        responses.putObject(status).put("description", summary + ": the answer.")
                .setAll(SchemaNodes.jsonContent(schemaRef(output), "example", "Example", example));
        ErrorResponses.addRefsTo(responses, pathParameter != null);
        return operation;
    }

    private static ObjectNode apiKey(boolean withToken) {
        ObjectNode schema = object().put("description", withToken
                ? "An API key with its token, shown this once." : "An API key; its secret is never shown again.");
        ObjectNode p = properties(schema);
        p.set("id", string("uuid"));
        p.set("name", string());
        p.set("expiresAt", string("date-time"));
        p.set("revokedAt", nullable(string("date-time")));
        p.set("createdAt", string("date-time"));
        p.set("roleId", string("uuid"));
        p.set("status", stringEnum(List.of("active", "expired", "revoked")));
        if (withToken) {
            p.set("token", string().put("description", "Send it as `Authorization: Bearer <token>`."));
        }
        require(schema, withToken
                ? List.of("id", "name", "expiresAt", "roleId", "token")
                : List.of("id", "name", "expiresAt", "roleId"));
        return schema;
    }

    private static ObjectNode objectPermission() {
        ObjectNode schema = object().put("description", "What the role may do with one object's records.");
        ObjectNode p = properties(schema);
        p.set("objectMetadataId", string("uuid"));
        for (String flag : List.of("canReadObjectRecords", "canUpdateObjectRecords", "canSoftDeleteObjectRecords",
                "canDestroyObjectRecords")) {
            p.set(flag, type("boolean"));
        }
        require(schema, List.of("objectMetadataId"));
        return schema;
    }

    private static ObjectNode fieldPermission() {
        ObjectNode schema = object().put("description",
                "Whether the role may read or update one field; null means as the object allows. An unreadable field is left "
                        + "out of every answer and refused in fields, filter and order_by; writing a non-updatable one is refused.");
        ObjectNode p = properties(schema);
        p.set("objectMetadataId", string("uuid"));
        p.set("fieldMetadataId", string("uuid"));
        p.set("canReadFieldValue", nullable(type("boolean")));
        p.set("canUpdateFieldValue", nullable(type("boolean")));
        require(schema, List.of("fieldMetadataId"));
        return schema;
    }

    private static ObjectNode role() {
        ObjectNode schema = object().put("description", "A role: role-wide record permissions, settings permissions, and object "
                + "and field permissions that override them.");
        ObjectNode p = properties(schema);
        p.set("id", string("uuid"));
        p.set("label", string());
        p.set("description", nullable(string()));
        p.set("standardId", nullable(string()).put("description", "admin or read-only for the built-in roles, else null."));
        p.set("isEditable", type("boolean"));
        roleFlags(p);
        p.set("createdAt", string("date-time"));
        p.set("updatedAt", string("date-time"));
        require(schema, List.of("id", "label", "canReadAllObjectRecords", "canUpdateAllObjectRecords",
                "canSoftDeleteAllObjectRecords", "canDestroyAllObjectRecords", "permissionFlags", "objectPermissions",
                "fieldPermissions"));
        return schema;
    }

    private static ObjectNode roleInput() {
        ObjectNode schema = object().put("description", "A role to create (label required) or the changes to a role.");
        ObjectNode p = properties(schema);
        p.set("label", string());
        p.set("description", nullable(string()));
        roleFlags(p);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static void roleFlags(ObjectNode p) {
        for (String flag : List.of("canReadAllObjectRecords", "canUpdateAllObjectRecords", "canSoftDeleteAllObjectRecords",
                "canDestroyAllObjectRecords")) {
            p.set(flag, type("boolean"));
        }
        p.set("permissionFlags", array(schemaRef(PERMISSION_FLAG)));
        p.set("objectPermissions", array(schemaRef(OBJECT_PERMISSION)));
        p.set("fieldPermissions", array(schemaRef(FIELD_PERMISSION)));
    }

    private static ObjectNode input(String description, List<String> required, Object... namesAndSchemas) {
        ObjectNode schema = object().put("description", description);
        ObjectNode p = properties(schema);
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            p.set((String) namesAndSchemas[i], (ObjectNode) namesAndSchemas[i + 1]);
        }
        if (!required.isEmpty()) {
            require(schema, required);
        }
        schema.put("additionalProperties", false);
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

    private static ObjectNode apiKeyExample(boolean withToken) {
        ObjectNode key = Json.object().put("id", KEY_ID).put("name", "Zapier").put("expiresAt", EXPIRES).putNull("revokedAt")
                .put("createdAt", CREATED).put("roleId", ROLE_ID).put("status", "active");
        if (withToken) {
            key.put("token", "crm_" + KEY_ID.replace("-", "") + "_" + "x".repeat(43));
        }
        return key;
    }

    private static ObjectNode createKeyExample() {
        return Json.object().put("name", "Zapier").put("expiresAt", EXPIRES).put("roleId", ROLE_ID);
    }

    private static ObjectNode roleInputExample(Workspace workspace) {
        ObjectNode role = Json.object().put("label", "Sales").put("description", "Reads everything, edits the sample object")
                .put("canReadAllObjectRecords", true);
        addPermissionExamples(role, workspace);
        return role;
    }

    private static ObjectNode roleExample(Workspace workspace) {
        ObjectNode role = Json.object().put("id", ROLE_ID).put("label", "Sales")
                .put("description", "Reads everything, edits the sample object").putNull("standardId").put("isEditable", true)
                .put("canReadAllObjectRecords", true).put("canUpdateAllObjectRecords", false)
                .put("canSoftDeleteAllObjectRecords", false).put("canDestroyAllObjectRecords", false);
        role.putArray("permissionFlags");
        addPermissionExamples(role, workspace);
        role.put("createdAt", CREATED).put("updatedAt", CREATED);
        return role;
    }

    /** One object permission and one field permission on the document's sample object. */
    private static void addPermissionExamples(ObjectNode role, Workspace workspace) {
        ObjectType object = MetadataExamples.sampleObject(workspace);
        Field field = MetadataExamples.sampleField(object);
        role.putArray("objectPermissions").addObject().put("objectMetadataId", MetadataExamples.objectId(object.nameSingular()))
                .put("canReadObjectRecords", true).put("canUpdateObjectRecords", true)
                .put("canSoftDeleteObjectRecords", false).put("canDestroyObjectRecords", false);
        role.putArray("fieldPermissions").addObject().put("objectMetadataId", MetadataExamples.objectId(object.nameSingular()))
                .put("fieldMetadataId", MetadataExamples.fieldId(object.nameSingular(), field.name()))
                .put("canReadFieldValue", true).put("canUpdateFieldValue", false);
    }

    private static ObjectNode listOf(ObjectNode item) {
        ObjectNode example = Json.object();
        example.putArray("data").add(item);
        String id = item.get("id").asText();
        example.putObject("pageInfo").put("hasNextPage", false).put("hasPreviousPage", false)
                .put("startCursor", id).put("endCursor", id);
        example.put("totalCount", 1);
        return example;
    }
}
