package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.assertError;
import static dev.crmschema.runtime.server.Graphql.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.runtime.CrmServerConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API keys and roles through the GraphQL metadata API at {@code POST /metadata} (reference contract,
 * sections 3.2, 6.1 and 6.2): the token only in {@code generateApiKeyToken}'s answer, regeneration and
 * revocation effective on the next request on every server instance, role assignment enforced at once, {@code FORBIDDEN} without
 * the settings permission (nothing changed), and another workspace's keys and roles {@code NOT_FOUND}.
 */
@ExtendWith(SharedServer.class)
class MetadataGraphqlKeysTest {
    private static final String FAR_FUTURE = "2099-01-01T00:00:00Z";
    private static final String DENIED = "User does not have permission";
    private static final String KEY = "id name expiresAt revokedAt createdAt role { id standardId }";

    private static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    @Test
    void aKeyIsCreatedGivenATokenListedWithoutSecretsRegeneratedAndRevoked() {
        JsonNode created = data(server.acmeKey, "mutation($input: CreateApiKeyDTO!) { createApiKey(input: $input) { " + KEY + " } }",
                "input", map("name", "graphql lifecycle", "expiresAt", FAR_FUTURE)).path("createApiKey");
        String id = created.path("id").asText();
        assertEquals("graphql lifecycle", created.path("name").asText());
        assertEquals("admin", created.path("role").path("standardId").asText(), "a key created without a role is admin");
        assertTrue(created.path("revokedAt").isNull(), created.toString());
        assertEquals("2099-01-01", created.path("expiresAt").asText().substring(0, 10));

        String first = token(server.acmeKey, id);
        assertEquals(200, server.get(first, "/rest/companies").status());

        TestServer.Reply list = post(server.acmeKey, "{ apiKeys { id name revokedAt } }", Map.of());
        assertFalse(list.body().has("errors"), list.raw().body());
        assertTrue(ids(list.body().path("data").path("apiKeys")).contains(id), list.raw().body());
        assertFalse(list.raw().body().contains(secretOf(first)), "a list shows no secret: " + list.raw().body());
        List<String> keyFields = new ArrayList<>();
        data(server.acmeKey, "{ __type(name: \"ApiKey\") { fields { name } } }").path("__type").path("fields")
                .forEach(f -> keyFields.add(f.path("name").asText()));
        assertEquals(List.of("id", "name", "expiresAt", "revokedAt", "createdAt", "role"), keyFields, "no query can select a secret");

        JsonNode one = data(server.acmeKey, "query($id: UUID!) { apiKey(input: {id: $id}) { name } }", "id", id).path("apiKey");
        assertEquals("graphql lifecycle", one.path("name").asText());
        JsonNode renamed = data(server.acmeKey, "mutation($id: UUID!) { updateApiKey(input: {id: $id, name: \"renamed\", "
                + "expiresAt: \"2098-06-01T00:00:00Z\"}) { name expiresAt } }", "id", id).path("updateApiKey");
        assertEquals("renamed", renamed.path("name").asText());
        assertEquals("2098-06-01", renamed.path("expiresAt").asText().substring(0, 10));
        assertEquals(200, server.get(first, "/rest/companies").status(), "renaming keeps the token");

        // The second instance gets the test limit too: with the default one, the first instance's lease of calls
        // for this key would already exceed it.
        CrmServerConfiguration configuration = server.configuration();
        configuration.getLimits().setRateLimit(TestServer.TEST_RATE_LIMIT);
        try (TestServer.Instance other = server.startInstance(configuration)) {
            assertEquals(200, other.send(first, "GET", "/rest/companies", null).status());
            String second = token(server.acmeKey, id);
            assertFalse(second.equals(first));
            assertError(server.get(first, "/rest/companies"), 401, "UNAUTHENTICATED", "Token invalid.");
            // The other instance hears of the change by a database notification.
            assertError(TestServer.eventually(401, () -> other.send(first, "GET", "/rest/companies", null)), 401, "UNAUTHENTICATED",
                    "Token invalid.");
            assertEquals(200, server.get(second, "/rest/companies").status());
            assertEquals(200, other.send(second, "GET", "/rest/companies", null).status());

            JsonNode revoked = data(server.acmeKey, "mutation($id: UUID!) { revokeApiKey(input: {id: $id}) { id revokedAt } }", "id", id)
                    .path("revokeApiKey");
            assertFalse(revoked.path("revokedAt").isNull(), revoked.toString());
            assertError(server.get(second, "/rest/companies"), 401, "UNAUTHENTICATED", "This API Key is revoked");
            assertError(TestServer.eventually(401, () -> other.send(second, "GET", "/rest/companies", null)), 401, "UNAUTHENTICATED",
                    "This API Key is revoked");
            Graphql.single(post(second, "{ apiKeys { id } }", Map.of()), 401, "UNAUTHENTICATED", null, null);
        }
    }

    @Test
    void aKeyGivenTheReadOnlyRoleCanNoLongerWrite() {
        String readOnly = builtInRole(server.acmeKey, "read-only");
        JsonNode roles = data(server.acmeKey, "{ getRoles { id label standardId isEditable canReadAllObjectRecords "
                + "canUpdateAllObjectRecords permissionFlags { roleId flag } objectPermissions { objectMetadataId } "
                + "fieldPermissions { fieldMetadataId } } }").path("getRoles");
        JsonNode admin = roles.get(0);
        assertEquals("admin", admin.path("standardId").asText(), roles.toString());
        assertFalse(admin.path("isEditable").asBoolean());
        assertTrue(admin.path("permissionFlags").toString().contains("\"API_KEYS_AND_WEBHOOKS\""), admin.toString());
        assertEquals(admin.path("id").asText(), admin.path("permissionFlags").get(0).path("roleId").asText());

        String id = create(server.acmeKey, "to be read only", null);
        String token = token(server.acmeKey, id);
        assertEquals(201, server.send(token, "POST", "/rest/companies", Map.of("name", "Written by admin key")).status());

        JsonNode assigned = data(server.acmeKey, "mutation($key: UUID!, $role: UUID!) { assignRoleToApiKey(apiKeyId: $key, roleId: $role) }",
                "key", id, "role", readOnly);
        assertTrue(assigned.path("assignRoleToApiKey").asBoolean(), assigned.toString());
        assertEquals("read-only", data(server.acmeKey, "query($id: UUID!) { apiKey(input: {id: $id}) { role { standardId } } }", "id", id)
                .path("apiKey").path("role").path("standardId").asText());
        assertError(server.send(token, "POST", "/rest/companies", Map.of("name", "Refused")), 403, "ForbiddenException", DENIED);
        Graphql.single(server.graphql(token, "mutation { createCompany(data: {name: \"Refused\"}) { id } }", null), 200, "FORBIDDEN",
                null, DENIED);
        assertEquals(200, server.get(token, "/rest/companies").status(), "a read-only key still reads");
    }

    @Test
    void withoutTheSettingsPermissionEveryOperationIsForbiddenAndChangesNothing() {
        String readOnly = builtInRole(server.acmeKey, "read-only");
        String victim = create(server.acmeKey, "victim", null);
        String victimToken = token(server.acmeKey, victim);
        String noSettings = token(server.acmeKey, create(server.acmeKey, "no settings", readOnly));
        int keysBefore = data(server.acmeKey, "{ apiKeys { id } }").path("apiKeys").size();

        forbidden(noSettings, "{ apiKeys { id } }", Map.of());
        forbidden(noSettings, "query($id: UUID!) { apiKey(input: {id: $id}) { id } }", map("id", victim));
        forbidden(noSettings, "{ getRoles { id } }", Map.of());
        forbidden(noSettings, "mutation { createApiKey(input: {name: \"sneaky\", expiresAt: \"" + FAR_FUTURE + "\"}) { id } }", Map.of());
        forbidden(noSettings, "mutation($id: UUID!) { updateApiKey(input: {id: $id, name: \"hijacked\"}) { id } }", map("id", victim));
        forbidden(noSettings, "mutation($id: UUID!) { revokeApiKey(input: {id: $id}) { id } }", map("id", victim));
        forbidden(noSettings, "mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id) { token } }", map("id", victim));
        forbidden(noSettings, "mutation($id: UUID!, $role: UUID!) { assignRoleToApiKey(apiKeyId: $id, roleId: $role) }",
                map("id", victim, "role", readOnly));

        assertEquals(keysBefore, data(server.acmeKey, "{ apiKeys { id } }").path("apiKeys").size(), "a refused create added a key");
        JsonNode unchanged = data(server.acmeKey, "query($id: UUID!) { apiKey(input: {id: $id}) { name revokedAt role { standardId } } }",
                "id", victim).path("apiKey");
        assertEquals("victim", unchanged.path("name").asText());
        assertTrue(unchanged.path("revokedAt").isNull(), unchanged.toString());
        assertEquals("admin", unchanged.path("role").path("standardId").asText());
        assertEquals(200, server.get(victimToken, "/rest/companies").status(), "a refused regenerate or revoke kept the token working");

        // Each permission opens its own operations only.
        TestServer.Reply rolesOnly = server.send(server.acmeKey, "POST", "/rest/metadata/roles", Map.of("label", "Role manager (GraphQL)",
                "permissionFlags", List.of("ROLES")));
        assertEquals(201, rolesOnly.status(), rolesOnly.raw().body());
        String roleManager = token(server.acmeKey, create(server.acmeKey, "role manager", rolesOnly.body().path("id").asText()));
        assertTrue(data(roleManager, "{ getRoles { id } }").path("getRoles").size() >= 3);
        forbidden(roleManager, "{ apiKeys { id } }", Map.of());
    }

    @Test
    void anotherWorkspacesKeysAndRolesAreNotFound() {
        String shelterKey = create(server.shelterKey, "shelter graphql", null);
        String shelterToken = token(server.shelterKey, shelterKey);
        String shelterRole = builtInRole(server.shelterKey, "read-only");
        String acmeKey = create(server.acmeKey, "acme graphql", null);

        notFound("query($id: UUID!) { apiKey(input: {id: $id}) { id } }", map("id", shelterKey));
        notFound("mutation($id: UUID!) { updateApiKey(input: {id: $id, name: \"taken\"}) { id } }", map("id", shelterKey));
        notFound("mutation($id: UUID!) { revokeApiKey(input: {id: $id}) { id } }", map("id", shelterKey));
        notFound("mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id) { token } }", map("id", shelterKey));
        notFound("mutation($id: UUID!, $role: UUID!) { assignRoleToApiKey(apiKeyId: $id, roleId: $role) }",
                map("id", shelterKey, "role", builtInRole(server.acmeKey, "read-only")));
        notFound("mutation($id: UUID!, $role: UUID!) { assignRoleToApiKey(apiKeyId: $id, roleId: $role) }",
                map("id", acmeKey, "role", shelterRole));
        notFound("mutation($role: UUID!) { createApiKey(input: {name: \"x\", expiresAt: \"" + FAR_FUTURE + "\", roleId: $role}) { id } }",
                map("role", shelterRole));

        TestServer.Reply keys = post(server.acmeKey, "{ apiKeys { id } }", Map.of());
        assertFalse(keys.raw().body().contains(shelterKey), keys.raw().body());
        TestServer.Reply roles = post(server.acmeKey, "{ getRoles { id } }", Map.of());
        assertFalse(roles.raw().body().contains(shelterRole), roles.raw().body());

        JsonNode untouched = data(server.shelterKey, "query($id: UUID!) { apiKey(input: {id: $id}) { name revokedAt role { standardId } } }",
                "id", shelterKey).path("apiKey");
        assertEquals("shelter graphql", untouched.path("name").asText());
        assertTrue(untouched.path("revokedAt").isNull(), untouched.toString());
        assertEquals("admin", untouched.path("role").path("standardId").asText());
        assertEquals(200, server.get(shelterToken, "/rest/pets").status());
        assertFalse(data(server.shelterKey, "{ apiKeys { id } }").toString().contains(acmeKey));
    }

    @Test
    void updateRevokesWithRevokedAtAndATokenExpiresWhenItsKeyDoes() {
        String revokedByUpdate = create(server.acmeKey, "revoked by update", null);
        String token = token(server.acmeKey, revokedByUpdate);
        JsonNode updated = data(server.acmeKey, "mutation($id: UUID!) { updateApiKey(input: {id: $id, revokedAt: \"2020-01-01T00:00:00Z\"}) "
                + "{ revokedAt } }", "id", revokedByUpdate).path("updateApiKey");
        assertFalse(updated.path("revokedAt").isNull(), updated.toString());
        assertError(server.get(token, "/rest/companies"), 401, "UNAUTHENTICATED", "This API Key is revoked");

        String expiring = create(server.acmeKey, "expiring", null);
        String expired = data(server.acmeKey, "mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id, expiresAt: \"2001-01-01T00:00:00Z\") "
                + "{ token } }", "id", expiring).path("generateApiKeyToken").path("token").asText();
        assertError(server.get(expired, "/rest/companies"), 401, "UNAUTHENTICATED", "Token has expired.");
        assertEquals("2001-01-01", data(server.acmeKey, "query($id: UUID!) { apiKey(input: {id: $id}) { expiresAt } }", "id", expiring)
                .path("apiKey").path("expiresAt").asText().substring(0, 10));
    }

    @Test
    void badInputsAreRefusedClearly() {
        JsonNode badDate = Graphql.single(post(server.acmeKey, "mutation { createApiKey(input: {name: \"x\", expiresAt: \"soon\"}) { id } }",
                Map.of()), 200, "BAD_USER_INPUT", null, null);
        assertTrue(badDate.path("message").asText().contains("ISO 8601"), badDate.toString());
        Graphql.single(post(server.acmeKey, "mutation { createApiKey(input: {name: \" \", expiresAt: \"" + FAR_FUTURE + "\"}) { id } }",
                Map.of()), 200, "BAD_USER_INPUT", null, "name should not be empty");
        Graphql.single(post(server.acmeKey, "mutation { createApiKey(input: {name: \"x\", expiresAt: \"" + FAR_FUTURE + "\", secret: \"s\"}) "
                + "{ id } }", Map.of()), 200, "GRAPHQL_VALIDATION_FAILED", null, null);
        Graphql.single(post(server.acmeKey, "{ apiKey(input: {id: \"nope\"}) { id } }", Map.of()), 200, "GRAPHQL_VALIDATION_FAILED",
                null, null);
        Graphql.single(post(server.acmeKey, "{ apiKey(input: {id: \"00000000-0000-4000-8000-000000000000\"}) { id } }", Map.of()), 200,
                "NOT_FOUND", null, "API key not found");
    }

    private static String create(String key, String name, String roleId) {
        Map<String, Object> input = new LinkedHashMap<>(map("name", name, "expiresAt", FAR_FUTURE));
        if (roleId != null) {
            input.put("roleId", roleId);
        }
        return data(key, "mutation($input: CreateApiKeyDTO!) { createApiKey(input: $input) { id } }", "input", input)
                .path("createApiKey").path("id").asText();
    }

    private static String token(String key, String apiKeyId) {
        String token = data(key, "mutation($id: UUID!) { generateApiKeyToken(apiKeyId: $id) { token } }", "id", apiKeyId)
                .path("generateApiKeyToken").path("token").asText();
        assertTrue(token.startsWith("crm_"), token);
        return token;
    }

    private static String builtInRole(String key, String standardId) {
        for (JsonNode role : data(key, "{ getRoles { id standardId } }").path("getRoles")) {
            if (role.path("standardId").asText().equals(standardId)) {
                return role.path("id").asText();
            }
        }
        throw new AssertionError("no built-in role " + standardId);
    }

    private static void forbidden(String key, String query, Map<String, Object> variables) {
        Graphql.single(post(key, query, variables), 200, "FORBIDDEN", null, DENIED);
    }

    private static void notFound(String query, Map<String, Object> variables) {
        JsonNode error = Graphql.single(post(server.acmeKey, query, variables), 200, "NOT_FOUND", null, null);
        assertTrue(List.of("API key not found", "Role not found").contains(error.path("message").asText()), error.toString());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static TestServer.Reply post(String key, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return server.send(key, "POST", "/metadata", body);
    }

    private static JsonNode data(String key, String query, Object... variables) {
        TestServer.Reply reply = post(key, query, map(variables));
        assertEquals(200, reply.status(), reply.raw().body());
        assertFalse(reply.body().has("errors"), reply.raw().body());
        return reply.body().path("data");
    }

    private static String secretOf(String token) {
        return token.substring(token.length() - 43);
    }
}
