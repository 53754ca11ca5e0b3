package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST core API over HTTP against a real server and PostgreSQL, on two workspaces with different models. */
@ExtendWith(SharedServer.class)
class RestApiTest {
    private static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static TestServer.Reply createCompany(String name, int employees) {
        return server.send(server.acmeKey, "POST", "/rest/companies",
                Map.of("name", name, "employees", employees, "domainName", Map.of("primaryLinkUrl", "https://" + name.toLowerCase() + ".com/")));
    }

    @Test
    void createReadUpdateAndDestroyACompany() {
        TestServer.Reply created = createCompany("Lifecycle", 10);
        assertEquals(201, created.status(), created.raw().body());
        JsonNode company = created.body().path("data").path("createCompany");
        String id = company.path("id").asText();
        assertEquals("Lifecycle", company.path("name").asText());
        assertEquals("https://lifecycle.com", company.path("domainName").path("primaryLinkUrl").asText());
        assertEquals("API", company.path("createdBy").path("source").asText());
        assertEquals("acme tests", company.path("createdBy").path("name").asText());

        TestServer.Reply read = server.get(server.acmeKey, "/rest/companies/" + id);
        assertEquals(200, read.status());
        assertEquals("Lifecycle", read.body().path("data").path("company").path("name").asText());

        TestServer.Reply updated = server.send(server.acmeKey, "PATCH", "/rest/companies/" + id, Map.of("employees", 11));
        assertEquals(200, updated.status(), updated.raw().body());
        assertEquals(11, updated.body().path("data").path("updateCompany").path("employees").asInt());

        TestServer.Reply deleted = server.send(server.acmeKey, "DELETE", "/rest/companies/" + id, null);
        assertEquals(200, deleted.status());
        assertEquals(id, deleted.body().path("data").path("deleteCompany").path("id").asText());
        TestServer.Reply gone = server.get(server.acmeKey, "/rest/companies/" + id);
        assertEquals(404, gone.status());
        assertEquals("{\"statusCode\":404,\"error\":\"NotFoundException\",\"messages\":[\"Record not found\"],\"code\":\"RECORD_NOT_FOUND\"}",
                gone.raw().body());
    }

    @Test
    void listsFilterOrderAndPageWithCursors() {
        for (int i = 0; i < 5; i++) {
            assertEquals(201, createCompany("Paging" + i, 100 + i).status());
        }
        String filter = q("name[startsWith]:\"Paging\"");
        TestServer.Reply first = server.get(server.acmeKey, "/rest/companies?filter=" + filter + "&order_by=employees[DescNullsLast]&limit=2");
        assertEquals(200, first.status(), first.raw().body());
        assertEquals(5, first.body().path("totalCount").asInt());
        List<String> names = names(first.body().path("data").path("companies"));
        assertEquals(List.of("Paging4", "Paging3"), names);
        JsonNode pageInfo = first.body().path("pageInfo");
        assertTrue(pageInfo.path("hasNextPage").asBoolean());
        String end = pageInfo.path("endCursor").asText();

        TestServer.Reply second = server.get(server.acmeKey, "/rest/companies?filter=" + filter
                + "&order_by=employees[DescNullsLast]&limit=2&starting_after=" + q(end));
        assertEquals(List.of("Paging2", "Paging1"), names(second.body().path("data").path("companies")));

        TestServer.Reply back = server.get(server.acmeKey, "/rest/companies?filter=" + filter
                + "&order_by=employees[DescNullsLast]&limit=2&ending_before=" + q(second.body().path("pageInfo").path("startCursor").asText()));
        assertEquals(List.of("Paging4", "Paging3"), names(back.body().path("data").path("companies")));
    }

    @Test
    void batchCreateIsAllOrNothing() {
        List<Map<String, Object>> people = new ArrayList<>();
        people.add(Map.of("name", Map.of("firstName", "Batch", "lastName", "One"), "emails", Map.of("primaryEmail", "batch.one@example.com")));
        people.add(Map.of("name", Map.of("firstName", "Batch", "lastName", "Two"), "emails", Map.of("primaryEmail", "batch.one@example.com")));
        TestServer.Reply refused = server.send(server.acmeKey, "POST", "/rest/batch/people", people);
        assertEquals(400, refused.status(), refused.raw().body());
        assertTrue(refused.body().path("messages").get(0).asText().contains("A duplicate entry was detected"));
        assertEquals(0, server.get(server.acmeKey, "/rest/people?filter=" + q("name.firstName[eq]:\"Batch\"")).body().path("totalCount").asInt());

        people.remove(1);
        TestServer.Reply created = server.send(server.acmeKey, "POST", "/rest/batch/people", people);
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(1, created.body().path("data").path("createPeople").size());
    }

    @Test
    void depthOneExpandsRelationsBothWays() {
        String companyId = createCompany("Related", 5).body().path("data").path("createCompany").path("id").asText();
        TestServer.Reply person = server.send(server.acmeKey, "POST", "/rest/people",
                Map.of("name", Map.of("firstName", "Rel", "lastName", "Ated"), "companyId", companyId));
        assertEquals(201, person.status(), person.raw().body());
        String personId = person.body().path("data").path("createPerson").path("id").asText();

        JsonNode withCompany = server.get(server.acmeKey, "/rest/people/" + personId + "?depth=1").body();
        assertEquals("Related", withCompany.path("data").path("person").path("company").path("name").asText());
        JsonNode withPeople = server.get(server.acmeKey, "/rest/companies/" + companyId + "?depth=1").body();
        assertEquals(personId, withPeople.path("data").path("company").path("people").get(0).path("id").asText());
        JsonNode flat = server.get(server.acmeKey, "/rest/people/" + personId).body();
        assertFalse(flat.path("data").path("person").has("company"));
        assertEquals(companyId, flat.path("data").path("person").path("companyId").asText());
    }

    @Test
    void badRequestsGetTheContractsMessages() {
        assertMessage(server.get(server.acmeKey, "/rest/companies?limit=aaa"), 400, "limit 'aaa' is invalid. Should be an integer");
        assertMessage(server.get(server.acmeKey, "/rest/companies?depth=2"), 400, "'depth=2' parameter invalid. Allowed values are 0, 1");
        assertMessage(server.get(server.acmeKey, "/rest/person"), 400, "object 'person' not found. Did you mean 'people'?");
        assertMessage(server.get(server.acmeKey, "/rest/companies/malformed-uuid"), 400, "'malformed-uuid' is not a valid UUID");
        assertMessage(server.get(server.acmeKey, "/rest/companies?starting_after=invalid-cursor"), 400, "Invalid cursor: invalid-cursor");
        TestServer.Reply badFilter = server.get(server.acmeKey, "/rest/companies?filter=" + q("name[foo]:1"));
        assertEquals(400, badFilter.status());
        assertTrue(badFilter.body().path("messages").get(0).asText().contains("comparator foo not in eq, neq"));
        assertMessage(server.send(server.acmeKey, "DELETE", "/rest/companies", null), 400,
                "Filters are mandatory for bulk destroy operations. Please provide at least one filter to prevent accidental deletion of all records.");
        TestServer.Reply badJson = server.send(server.acmeKey, "POST", "/rest/companies", "{\"name\": ");
        assertEquals(400, badJson.status());
        assertEquals("BadRequestException", badJson.body().path("error").asText());
        TestServer.Reply badStage = server.send(server.acmeKey, "POST", "/rest/opportunities", Map.of("stage", "INVALID_ENUM_VALUE"));
        assertMessage(badStage, 400, "Invalid value 'INVALID_ENUM_VALUE' for field \"stage\"");
    }

    @Test
    void keysDecideTheWorkspaceAndBadKeysGet401() {
        assertMessage(server.get(null, "/rest/companies"), 401, "Missing authentication token");
        assertMessage(server.get("not-a-key", "/rest/companies"), 401, "Token invalid.");
        assertMessage(server.get(server.shelterKey, "/rest/companies?filter=" + q("name[eq]:\"nope\"")), 200, null);
        TestServer.Reply pets = server.get(server.shelterKey, "/rest/pets");
        assertEquals(200, pets.status(), pets.raw().body());
        assertMessage(server.get(server.acmeKey, "/rest/pets"), 400, "object 'pets' not found. eg: attachments");

        String secret = createCompany("Secret", 1).body().path("data").path("createCompany").path("id").asText();
        assertEquals(404, server.get(server.shelterKey, "/rest/companies/" + secret).status());
    }

    @Test
    void revokedAndExpiredKeysStopWorkingAtOnce() {
        var created = server.keys().create(server.acme.id(), "short-lived", java.time.OffsetDateTime.now().plusDays(1));
        assertEquals(200, server.get(created.token(), "/rest/companies?limit=1").status());
        server.keys().revoke(created.key().id());
        assertMessage(server.get(created.token(), "/rest/companies?limit=1"), 401, "This API Key is revoked");

        var expired = server.keys().create(server.acme.id(), "expired", java.time.OffsetDateTime.now().minusSeconds(1));
        assertMessage(server.get(expired.token(), "/rest/companies?limit=1"), 401, "Token has expired.");
    }

    @Test
    void everyFieldTypeRoundTripsThroughACustomObject() {
        String shelterId = server.send(server.shelterKey, "POST", "/rest/shelters", Map.of("name", "North"))
                .body().path("data").path("createShelter").path("id").asText();
        JsonNode pet = TestServer.json("""
                {"name": "Rex", "nickname": "Rexy", "weightKg": 12.5, "vaccinationCount": 3, "adoptionFee": 120.50,
                 "isAdopted": false, "arrivedAt": "2026-01-02T03:04:05.000Z", "birthday": "2020-05-06", "kennelOrder": 2,
                 "traits": {"likes": ["balls"]}, "tags": ["friendly", "loud"], "bio": {"markdown": "# Rex", "blocknote": null},
                 "species": "DOG", "colors": ["BLACK", "WHITE"], "friendliness": "RATING_4",
                 "monthlyCost": {"amountMicros": 45000000, "currencyCode": "EUR"},
                 "caretakerName": {"firstName": "Jo", "lastName": "Doe"},
                 "ownerEmails": {"primaryEmail": "rex@example.com", "additionalEmails": ["r@x.io"]},
                 "vetPhones": {"primaryPhoneNumber": "612345678", "primaryPhoneCountryCode": "FR", "primaryPhoneCallingCode": "+33", "additionalPhones": []},
                 "profileLinks": {"primaryLinkUrl": "https://rex.dog", "primaryLinkLabel": "site", "secondaryLinks": [{"url": "https://x.com/rex", "label": "x"}]},
                 "foundAt": {"addressCity": "Lyon", "addressLat": 45.76, "addressLng": 4.83},
                 "shelterId": "%s"}
                """.formatted(shelterId));
        TestServer.Reply created = server.send(server.shelterKey, "POST", "/rest/pets", pet);
        assertEquals(201, created.status(), created.raw().body());
        JsonNode rex = created.body().path("data").path("createPet");
        assertEquals(12.5, rex.path("weightKg").asDouble());
        assertEquals(3, rex.path("vaccinationCount").asInt());
        assertEquals("2026-01-02T03:04:05.000Z", rex.path("arrivedAt").asText());
        assertEquals("2020-05-06", rex.path("birthday").asText());
        assertEquals("balls", rex.path("traits").path("likes").get(0).asText());
        assertEquals("WHITE", rex.path("colors").get(1).asText());
        assertEquals(45000000L, rex.path("monthlyCost").path("amountMicros").asLong());
        assertEquals("r@x.io", rex.path("ownerEmails").path("additionalEmails").get(0).asText());
        assertEquals("Lyon", rex.path("foundAt").path("addressCity").asText());
        assertEquals("https://x.com/rex", rex.path("profileLinks").path("secondaryLinks").get(0).path("url").asText());

        TestServer.Reply found = server.get(server.shelterKey, "/rest/pets?filter="
                + q("and(colors[containsAny]:[WHITE],ownerEmails.primaryEmail[eq]:\"rex@example.com\",monthlyCost.amountMicros[gt]:1000000)"));
        assertEquals(200, found.status(), found.raw().body());
        assertEquals(1, found.body().path("totalCount").asInt());
        TestServer.Reply shelterWithPets = server.get(server.shelterKey, "/rest/shelters/" + shelterId + "?depth=1");
        assertEquals("Rex", shelterWithPets.body().path("data").path("shelter").path("pets").get(0).path("name").asText());
    }

    @Test
    void theWorkspacesOpenApiDocumentNeedsItsKey() {
        TestServer.Reply base = server.get(null, "/rest/open-api/core");
        assertEquals(200, base.status());
        assertTrue(base.body().path("paths").has("/open-api/core"));
        assertFalse(base.body().path("paths").has("/companies"));
        TestServer.Reply shelter = server.get(server.shelterKey, "/rest/open-api/core");
        assertTrue(shelter.body().path("paths").has("/pets"));
        TestServer.Reply acme = server.get(server.acmeKey, "/rest/open-api/core");
        assertFalse(acme.body().path("paths").has("/pets"));
        assertTrue(acme.body().path("paths").has("/companies"));
        assertEquals(200, server.get(server.acmeKey, "/rest/open-api/metadata").status());
        TestServer.Reply docs = server.send(null, "GET", "/docs/", null);
        assertEquals(200, docs.status());
        assertTrue(docs.raw().body().contains("swagger-ui"));
        assertEquals(200, server.send(null, "GET", "/docs/swagger-ui/swagger-ui-bundle.js", null).status());
    }

    private static void assertMessage(TestServer.Reply reply, int status, String message) {
        assertEquals(status, reply.status(), reply.raw().body());
        if (message != null) {
            assertNotNull(reply.body(), reply.raw().body());
            assertEquals(message, reply.body().path("messages").get(0).asText(), reply.raw().body());
            assertEquals(status, reply.body().path("statusCode").asInt());
        }
    }

    private static List<String> names(JsonNode records) {
        List<String> names = new ArrayList<>();
        records.forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
