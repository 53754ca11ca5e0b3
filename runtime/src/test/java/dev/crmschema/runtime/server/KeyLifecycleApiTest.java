package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.assertBadRequest;
import static dev.crmschema.runtime.server.Api.assertBadRequestContaining;
import static dev.crmschema.runtime.server.Api.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The key and role lifecycle through the REST metadata API ({@code /rest/metadata/apiKeys},
 * {@code /rest/metadata/roles}; reference contract, sections 3.1 and 6.1-6.3): secrets shown once and
 * never listed, regeneration and revocation effective on the next request on every server instance,
 * deletion, built-in roles protected, and another workspace's keys and roles invisible.
 */
@ExtendWith(SharedServer.class)
class KeyLifecycleApiTest {
    private static final String FAR_FUTURE = "2099-01-01T00:00:00Z";

    private static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    @Test
    void aKeyIsCreatedListedRenamedRegeneratedRevokedAndDeleted() {
        JsonNode created = ok(201, admin("POST", "/rest/metadata/apiKeys", Map.of("name", "lifecycle", "expiresAt", FAR_FUTURE)));
        String id = created.path("id").asText();
        String token = created.path("token").asText();
        assertEquals("lifecycle", created.path("name").asText());
        assertEquals(builtInRole("admin"), created.path("roleId").asText(), "a key created without a role is admin");
        assertEquals("active", created.path("status").asText());
        assertEquals(200, server.get(token, "/rest/companies").status());

        TestServer.Reply list = admin("GET", "/rest/metadata/apiKeys", null);
        JsonNode listed = ok(200, list);
        assertTrue(listed.path("totalCount").asInt() >= 2, list.raw().body());
        assertTrue(list.raw().body().contains(id), list.raw().body());
        assertFalse(list.raw().body().contains("token"), "a list shows no secret: " + list.raw().body());
        assertFalse(list.raw().body().contains(secretOf(token)), "a list shows no secret");
        JsonNode one = ok(200, admin("GET", "/rest/metadata/apiKeys/" + id, null));
        assertFalse(one.has("token"), one.toString());
        assertEquals(FAR_FUTURE.replace("T00:00:00Z", ""), one.path("expiresAt").asText().substring(0, 10));

        assertEquals("renamed", ok(200, admin("PATCH", "/rest/metadata/apiKeys/" + id, Map.of("name", "renamed"))).path("name").asText());

        JsonNode regenerated = ok(200, admin("POST", "/rest/metadata/apiKeys/" + id + "/regenerate", null));
        String newToken = regenerated.path("token").asText();
        assertEquals(id, regenerated.path("id").asText());
        assertFalse(newToken.equals(token));
        try (TestServer.Instance other = server.startInstance(server.configuration())) {
            assertError(server.get(token, "/rest/companies"), 401, "UNAUTHENTICATED", "Token invalid.");
            assertError(other.send(token, "GET", "/rest/companies", null), 401, "UNAUTHENTICATED", "Token invalid.");
            assertEquals(200, other.send(newToken, "GET", "/rest/companies", null).status());

            JsonNode revoked = ok(200, admin("POST", "/rest/metadata/apiKeys/" + id + "/revoke", null));
            assertFalse(revoked.path("revokedAt").isNull(), revoked.toString());
            assertEquals("revoked", revoked.path("status").asText());
            assertError(server.get(newToken, "/rest/companies"), 401, "UNAUTHENTICATED", "This API Key is revoked");
            assertError(TestServer.eventually(401, () -> other.send(newToken, "GET", "/rest/companies", null)), 401, "UNAUTHENTICATED",
                    "This API Key is revoked");
        }

        assertEquals(id, ok(200, admin("DELETE", "/rest/metadata/apiKeys/" + id, null)).path("id").asText());
        assertError(admin("GET", "/rest/metadata/apiKeys/" + id, null), 404, "NotFoundException", "API key not found");
        assertError(server.get(newToken, "/rest/companies"), 401, "UNAUTHENTICATED", "Token invalid.");
    }

    @Test
    void anExpiredKeyIsRefusedAndBadInputsAreRefusedClearly() {
        JsonNode expired = ok(201, admin("POST", "/rest/metadata/apiKeys", Map.of("name", "expired", "expiresAt", "2001-01-01T00:00:00Z")));
        assertEquals("expired", expired.path("status").asText());
        assertError(server.get(expired.path("token").asText(), "/rest/companies"), 401, "UNAUTHENTICATED", "Token has expired.");

        assertBadRequest(admin("POST", "/rest/metadata/apiKeys", Map.of("name", "no expiry")), "expiresAt should not be empty");
        assertBadRequestContaining(admin("POST", "/rest/metadata/apiKeys", Map.of("name", "x", "expiresAt", "soon")), "ISO 8601");
        assertBadRequest(admin("POST", "/rest/metadata/apiKeys", Map.of("name", "x", "expiresAt", FAR_FUTURE, "secret", "mine")),
                "property secret should not exist");
        String shelterAdmin = builtInRole(server.shelterKey, "admin");
        assertBadRequestContaining(admin("POST", "/rest/metadata/apiKeys", Map.of("name", "x", "expiresAt", FAR_FUTURE,
                "roleId", shelterAdmin)), "does not exist in this workspace");
        assertBadRequest(admin("GET", "/rest/metadata/apiKeys/nope", null), "'nope' is not a valid UUID");
    }

    @Test
    void anotherWorkspacesKeysAndRolesAreInvisible() {
        String shelterKeyId = ok(201, server.send(server.shelterKey, "POST", "/rest/metadata/apiKeys",
                Map.of("name", "shelter only", "expiresAt", FAR_FUTURE))).path("id").asText();
        String shelterRole = builtInRole(server.shelterKey, "read-only");
        assertError(admin("GET", "/rest/metadata/apiKeys/" + shelterKeyId, null), 404, "NotFoundException", "API key not found");
        assertError(admin("POST", "/rest/metadata/apiKeys/" + shelterKeyId + "/revoke", null), 404, "NotFoundException",
                "API key not found");
        assertError(admin("DELETE", "/rest/metadata/apiKeys/" + shelterKeyId, null), 404, "NotFoundException", "API key not found");
        assertError(admin("GET", "/rest/metadata/roles/" + shelterRole, null), 404, "NotFoundException", "Role not found");
        assertFalse(admin("GET", "/rest/metadata/apiKeys", null).raw().body().contains(shelterKeyId));
        assertEquals(200, server.send(server.shelterKey, "GET", "/rest/metadata/apiKeys/" + shelterKeyId, null).status());
    }

    @Test
    void customRolesAreManagedAndBuiltInOnesProtected() {
        JsonNode roles = ok(200, admin("GET", "/rest/metadata/roles", null));
        assertEquals("admin", roles.path("data").get(0).path("standardId").asText(), roles.toString());
        String admin = builtInRole("admin");
        String readOnly = builtInRole("read-only");
        assertBadRequest(admin("DELETE", "/rest/metadata/roles/" + admin, null), "Built-in role 'Admin' cannot be deleted");
        assertBadRequest(admin("PATCH", "/rest/metadata/roles/" + readOnly, Map.of("canUpdateAllObjectRecords", true)),
                "Built-in role 'Read-only' cannot be changed");

        JsonNode created = ok(201, admin("POST", "/rest/metadata/roles", Map.of("label", "Auditor", "description", "reads companies",
                "canReadAllObjectRecords", true, "permissionFlags", List.of("DATA_MODEL"))));
        String id = created.path("id").asText();
        assertTrue(created.path("isEditable").asBoolean());
        assertEquals(List.of("DATA_MODEL"), List.of(created.path("permissionFlags").get(0).asText()));
        assertFalse(created.path("canUpdateAllObjectRecords").asBoolean());
        assertBadRequest(admin("POST", "/rest/metadata/roles", Map.of("label", "Auditor")),
                "A role with this label already exists, or a permission is given twice");
        assertBadRequestContaining(admin("POST", "/rest/metadata/roles", Map.of("label", "Bad", "permissionFlags", List.of("GOD_MODE"))),
                "unknown flag 'GOD_MODE'");
        assertBadRequestContaining(admin("POST", "/rest/metadata/roles", Map.of("label", "Bad",
                "objectPermissions", List.of(Map.of("objectMetadataId", "00000000-0000-4000-8000-000000000000")))),
                "is not an object of this workspace");

        JsonNode updated = ok(200, admin("PATCH", "/rest/metadata/roles/" + id, Map.of("label", "Auditors")));
        assertEquals("Auditors", updated.path("label").asText());
        assertEquals("reads companies", updated.path("description").asText(), "what the update leaves out stays");

        String keyId = ok(201, admin("POST", "/rest/metadata/apiKeys", Map.of("name", "auditor", "expiresAt", FAR_FUTURE, "roleId", id)))
                .path("id").asText();
        assertBadRequestContaining(admin("DELETE", "/rest/metadata/roles/" + id, null), "is assigned to 1 API key(s)");
        assertEquals(readOnly, ok(200, admin("PATCH", "/rest/metadata/apiKeys/" + keyId, Map.of("roleId", readOnly)))
                .path("roleId").asText());
        assertEquals(id, ok(200, admin("DELETE", "/rest/metadata/roles/" + id, null)).path("id").asText());
        assertError(admin("GET", "/rest/metadata/roles/" + id, null), 404, "NotFoundException", "Role not found");
    }

    private static TestServer.Reply admin(String method, String path, Object body) {
        return server.send(server.acmeKey, method, path, body);
    }

    private static JsonNode ok(int status, TestServer.Reply reply) {
        assertEquals(status, reply.status(), reply.raw().body());
        return reply.body();
    }

    private static String builtInRole(String standardId) {
        return builtInRole(server.acmeKey, standardId);
    }

    private static String builtInRole(String key, String standardId) {
        for (JsonNode role : ok(200, server.send(key, "GET", "/rest/metadata/roles", null)).path("data")) {
            if (role.path("standardId").asText().equals(standardId)) {
                return role.path("id").asText();
            }
        }
        throw new AssertionError("no built-in role " + standardId);
    }

    private static String secretOf(String token) {
        return token.substring(token.length() - 43);
    }
}
