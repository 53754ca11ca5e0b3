package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.assertBadRequest;
import static dev.crmschema.runtime.server.Api.assertError;
import static dev.crmschema.runtime.server.Api.data;
import static dev.crmschema.runtime.server.Api.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.runtime.auth.ApiKeyStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API key decides the workspace: a key of workspace {@code acme} never reads or changes a record of
 * workspace {@code shelter}, whichever route it tries with the other workspace's ids, and a missing,
 * malformed, unknown, expired or revoked key gets 401 with the contract's body on every route
 * (reference contract, sections 1.1 and 6.3; the 401 instead of the reference's 403).
 */
@ExtendWith(SharedServer.class)
class WorkspaceIsolationTest {
    private static TestServer server;
    private static String shelterCompany;
    private static String shelterDeletedCompany;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
        shelterCompany = data(server.send(server.shelterKey, "POST", "/rest/companies", Map.of("name", "Isolated Co", "employees", 5)),
                201, "createCompany").path("id").asText();
        shelterDeletedCompany = data(server.send(server.shelterKey, "POST", "/rest/companies", Map.of("name", "Isolated Deleted Co")),
                201, "createCompany").path("id").asText();
        assertEquals(200, server.send(server.shelterKey, "DELETE", "/rest/companies/" + shelterDeletedCompany + "?soft_delete=true", null)
                .status());
    }

    private static TestServer.Reply asAcme(String method, String path, Object body) {
        return server.send(server.acmeKey, method, path, body);
    }

    @Test
    void acmesKeyCannotReachShelterRecordsOnAnyRoute() {
        String byId = "/rest/companies/" + shelterCompany;
        String byFilter = query("filter", "id[eq]:\"" + shelterCompany + "\"");
        String deletedFilter = query("filter", "id[eq]:\"" + shelterDeletedCompany + "\"");

        assertError(asAcme("GET", byId, null), 404, "NotFoundException", "Record not found");
        assertEquals(0, data(asAcme("GET", "/rest/companies" + byFilter, null), 200, "companies").size());
        assertEquals(0, data(asAcme("GET", "/rest/companies" + query("filter", "name[eq]:\"Isolated Co\""), null), 200, "companies").size());
        assertError(asAcme("PATCH", byId, Map.of("employees", 99)), 404, "NotFoundException", "Record not found");
        assertError(asAcme("PUT", byId, Map.of("employees", 99)), 404, "NotFoundException", "Record not found");
        assertEquals(0, data(asAcme("PATCH", "/rest/companies" + byFilter, Map.of("employees", 99)), 200, "updateCompanies").size());
        assertError(asAcme("DELETE", byId + "?soft_delete=true", null), 404, "NotFoundException", "Record not found");
        assertError(asAcme("DELETE", byId, null), 404, "NotFoundException", "Record not found");
        assertEquals(0, data(asAcme("DELETE", "/rest/companies" + byFilter, null), 200, "deleteCompanies").size());
        assertEquals(0, data(asAcme("DELETE", "/rest/companies" + byFilter + "&soft_delete=true", null), 200, "deleteCompanies").size());
        assertError(asAcme("PATCH", "/rest/companies/" + shelterDeletedCompany + "/restore", null), 404, "NotFoundException",
                "Record not found");
        assertEquals(0, data(asAcme("PATCH", "/rest/companies/restore" + deletedFilter, null), 200, "restoreCompanies").size());
        assertEquals(0, data(asAcme("GET", "/rest/companies" + query("filter", "id[eq]:\"" + shelterDeletedCompany + "\",deletedAt[is]:NOT_NULL"),
                null), 200, "companies").size());

        TestServer.Reply duplicates = asAcme("POST", "/rest/companies/duplicates", Map.of("ids", List.of(shelterCompany)));
        assertEquals(0, duplicates.body().path("data").get(0).path("totalCount").asInt());
        TestServer.Reply byData = asAcme("POST", "/rest/companies/duplicates", Map.of("data", List.of(Map.of("name", "Isolated Co"))));
        assertEquals(0, byData.body().path("data").get(0).path("totalCount").asInt());

        // A record of acme cannot point at a record of shelter: the reference is checked in acme's schema.
        assertBadRequest(asAcme("POST", "/rest/people", Map.of("companyId", shelterCompany)), "A related record does not exist");
        // An upsert on shelter's id writes into acme only.
        data(asAcme("POST", "/rest/companies?upsert=true", Map.of("id", shelterCompany, "name", "Acme's own")), 201, "createCompany");
        assertEquals("Acme's own", data(asAcme("GET", byId, null), 200, "company").path("name").asText());

        JsonNode untouched = data(server.get(server.shelterKey, byId), 200, "company");
        assertEquals("Isolated Co", untouched.path("name").asText());
        assertEquals(5, untouched.path("employees").asInt());
        JsonNode stillDeleted = data(server.get(server.shelterKey, "/rest/companies" + query("filter",
                "id[eq]:\"" + shelterDeletedCompany + "\",deletedAt[is]:NOT_NULL")), 200, "companies");
        assertEquals(1, stillDeleted.size());
        assertEquals(1, data(server.get(server.shelterKey, "/rest/companies" + query("filter", "name[startsWith]:\"Isolated\"")), 200,
                "companies").size());
    }

    @Test
    void shelterSeesItsOwnObjectsAndAcmeDoesNot() {
        assertEquals(200, server.get(server.shelterKey, "/rest/pets").status());
        assertBadRequest(server.get(server.acmeKey, "/rest/pets"), "object 'pets' not found. eg: attachments");
        assertBadRequest(server.send(server.acmeKey, "POST", "/rest/batch/pets", List.of()), "object 'pets' not found. eg: attachments");
        String acmeCompany = data(asAcme("POST", "/rest/companies", Map.of("name", "Acme Private")), 201, "createCompany").path("id").asText();
        assertError(server.get(server.shelterKey, "/rest/companies/" + acmeCompany), 404, "NotFoundException", "Record not found");
        assertError(server.send(server.shelterKey, "DELETE", "/rest/companies/" + acmeCompany, null), 404, "NotFoundException",
                "Record not found");
        assertEquals(200, server.get(server.acmeKey, "/rest/companies/" + acmeCompany).status());
    }

    @Test
    void badKeysGet401WithTheContractsBodyOnEveryRoute() {
        ApiKeyStore keys = server.keys();
        ApiKeyStore.Created revoked = keys.create(server.acme.id(), "revoked", OffsetDateTime.now().plusDays(1));
        keys.revoke(revoked.key().id());
        ApiKeyStore.Created expired = keys.create(server.acme.id(), "expired", OffsetDateTime.now().minusSeconds(1));
        String unknown = "crm_" + UUID.randomUUID().toString().replace("-", "") + "_" + "A".repeat(43);
        String wrongSecret = server.acmeKey.substring(0, server.acmeKey.length() - 43) + "B".repeat(43);

        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("", "Missing authentication token");
        headers.put("Bearer ", "Missing authentication token");
        headers.put("Bearer not-a-key", "Token invalid.");
        headers.put("Basic dXNlcjpwYXNz", "Token invalid.");
        headers.put(server.acmeKey, "Token invalid.");
        headers.put("Bearer " + unknown, "Token invalid.");
        headers.put("Bearer " + wrongSecret, "Token invalid.");
        headers.put("Bearer " + expired.token(), "Token has expired.");
        headers.put("Bearer " + revoked.token(), "This API Key is revoked");

        String id = UUID.randomUUID().toString();
        List<String[]> routes = List.of(
                new String[] {"GET", "/rest/companies"}, new String[] {"GET", "/rest/companies/" + id},
                new String[] {"POST", "/rest/companies"}, new String[] {"POST", "/rest/batch/companies"},
                new String[] {"PATCH", "/rest/companies/" + id}, new String[] {"PUT", "/rest/companies?filter=name%5Beq%5D%3Ax"},
                new String[] {"DELETE", "/rest/companies/" + id}, new String[] {"DELETE", "/rest/companies?filter=name%5Beq%5D%3Ax"},
                new String[] {"PATCH", "/rest/companies/" + id + "/restore"}, new String[] {"PATCH", "/rest/companies/restore?filter=x"},
                new String[] {"POST", "/rest/companies/duplicates"}, new String[] {"GET", "/rest/nope"},
                new String[] {"GET", "/rest/companies/malformed-uuid"}, new String[] {"GET", "/rest/companies?limit=aaa"});
        for (Map.Entry<String, String> header : headers.entrySet()) {
            for (String[] route : routes) {
                TestServer.Reply reply = send(route[0], route[1], header.getKey());
                assertError(reply, 401, "UNAUTHENTICATED", header.getValue());
                assertEquals("{\"statusCode\":401,\"error\":\"UNAUTHENTICATED\",\"messages\":[\"" + header.getValue() + "\"]}",
                        reply.raw().body(), route[0] + " " + route[1] + " with '" + header.getKey() + "'");
            }
        }
        // A key in the query string is not a credential.
        assertError(server.get(null, "/rest/companies?token=" + server.acmeKey), 401, "UNAUTHENTICATED", "Missing authentication token");
        assertEquals(200, send("GET", "/rest/companies?limit=1", "bearer " + server.acmeKey).status(), "the scheme is case-insensitive");
    }

    @Test
    void aKeyStopsAtItsExpiryAndAtItsRevocation() throws InterruptedException {
        ApiKeyStore keys = server.keys();
        ApiKeyStore.Created shortLived = keys.create(server.acme.id(), "short-lived", OffsetDateTime.now().plusSeconds(2));
        assertEquals(200, server.get(shortLived.token(), "/rest/companies?limit=1").status());
        while (OffsetDateTime.now().isBefore(shortLived.key().expiresAt())) {
            Thread.sleep(100);
        }
        assertError(server.get(shortLived.token(), "/rest/companies?limit=1"), 401, "UNAUTHENTICATED", "Token has expired.");

        ApiKeyStore.Created revoked = keys.create(server.acme.id(), "revoked later", OffsetDateTime.now().plusDays(1));
        assertEquals(200, server.get(revoked.token(), "/rest/companies?limit=1").status());
        assertTrue(keys.revoke(revoked.key().id()));
        assertError(server.get(revoked.token(), "/rest/companies?limit=1"), 401, "UNAUTHENTICATED", "This API Key is revoked");
        assertEquals(200, server.get(server.acmeKey, "/rest/companies?limit=1").status(), "other keys keep working");
    }

    /** A request with the Authorization header exactly as given ({@code ""}: no header at all). */
    private static TestServer.Reply send(String method, String path, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, method.equals("GET") || method.equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestServer.Reply(response.statusCode(), TestServer.json(response.body()), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
