package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.assertBadRequest;
import static dev.crmschema.runtime.server.Api.assertBadRequestContaining;
import static dev.crmschema.runtime.server.Api.assertError;
import static dev.crmschema.runtime.server.Api.body;
import static dev.crmschema.runtime.server.Api.data;
import static dev.crmschema.runtime.server.Api.query;
import static dev.crmschema.runtime.server.Api.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every write route of the REST core API over HTTP (reference contract, sections 1.2, 1.6, 1.8, 1.9 and
 * 8): create, batch create and its limit, upsert, update one and many, destroy and soft delete one and
 * many, restore, duplicates, the PUT alias and the 200-record limit of bulk operations. Records are
 * people and companies of the standard model, named after the test that made them.
 */
@ExtendWith(SharedServer.class)
class RecordWritesApiTest {
    private static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    private static TestServer.Reply send(String method, String path, Object body) {
        return server.send(server.acmeKey, method, path, body);
    }

    private static Map<String, Object> person(String first, String last, String email) {
        return body("name", Map.of("firstName", first, "lastName", last), "emails", body("primaryEmail", email));
    }

    private static String createPerson(String first, String last, String email) {
        return data(send("POST", "/rest/people", person(first, last, email)), 201, "createPerson").path("id").asText();
    }

    private static int count(String plural, String filter) {
        TestServer.Reply reply = server.get(server.acmeKey, "/rest/" + plural + query("filter", filter));
        assertEquals(200, reply.status(), reply.raw().body());
        return reply.body().path("totalCount").asInt();
    }

    @Test
    void createOneAnswers201WithTheRecordAndTheKeyAsCreator() {
        TestServer.Reply created = send("POST", "/rest/people", person("Create", "One", "create.one@example.com"));
        JsonNode person = data(created, 201, "createPerson");
        assertEquals("Create", person.path("name").path("firstName").asText());
        assertEquals("create.one@example.com", person.path("emails").path("primaryEmail").asText());
        JsonNode createdBy = person.path("createdBy");
        assertEquals("API", createdBy.path("source").asText());
        assertEquals("acme tests", createdBy.path("name").asText());
        assertTrue(createdBy.path("workspaceMemberId").isNull());
        assertFalse(person.path("createdAt").isNull());
        assertTrue(person.path("deletedAt").isNull());

        Map<String, Object> explicit = person("Create", "Explicit", "create.explicit@example.com");
        explicit.put("createdBy", Map.of("source", "EMAIL"));
        assertEquals("EMAIL", data(send("POST", "/rest/people", explicit), 201, "createPerson").path("createdBy").path("source").asText());

        String id = UUID.randomUUID().toString();
        Map<String, Object> withId = person("Create", "WithId", "create.withid@example.com");
        withId.put("id", id);
        JsonNode projected = data(send("POST", "/rest/people?fields=id", withId), 201, "createPerson");
        assertEquals(Map.of("id", id), Map.of("id", projected.path("id").asText()));
        assertEquals(1, projected.size(), projected.toString());
        assertEquals("WithId", data(server.get(server.acmeKey, "/rest/people/" + id), 200, "person").path("name").path("lastName").asText());

        String companyId = data(send("POST", "/rest/companies", Map.of("name", "Create Co")), 201, "createCompany").path("id").asText();
        Map<String, Object> employed = person("Create", "Employed", "create.employed@example.com");
        employed.put("companyId", companyId);
        JsonNode deep = data(send("POST", "/rest/people?depth=1", employed), 201, "createPerson");
        assertEquals("Create Co", deep.path("company").path("name").asText());
    }

    @Test
    void batchCreateTakesAtMost60RecordsAndWritesNothingBeyond() {
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            people.add(person("Batch61", "N" + i, "batch61." + i + "@example.com"));
        }
        assertBadRequest(send("POST", "/rest/batch/people", people), "A batch create takes at most 60 records per request, got 61");
        assertEquals(0, count("people", "name.firstName[eq]:\"Batch61\""));

        people.remove(60);
        JsonNode created = data(send("POST", "/rest/batch/people", people), 201, "createPeople");
        assertEquals(60, created.size());
        assertEquals("N0", created.get(0).path("name").path("lastName").asText());
        assertEquals("N59", created.get(59).path("name").path("lastName").asText());
        assertEquals(60, count("people", "name.firstName[eq]:\"Batch61\""));

        assertBadRequest(send("POST", "/rest/batch/people", person("Batch", "NotAnArray", "x@example.com")),
                "A batch create body must be a JSON array of records");
        assertBadRequestContaining(send("POST", "/rest/batch/people", List.of(person("BatchBad", "A", "bad.a@example.com"),
                Map.of("stage", "x"))), "Record at index 1: ");
        assertEquals(0, count("people", "name.firstName[eq]:\"BatchBad\""));
        JsonNode projected = data(send("POST", "/rest/batch/people?fields=id", List.of(person("BatchFields", "A", "batch.fields@example.com"))),
                201, "createPeople");
        assertEquals(1, projected.get(0).size());
    }

    @Test
    void upsertMatchesOnIdAndOnUniqueFieldsOrInserts() {
        String id = createPerson("Upsert", "Original", "upsert.original@example.com");

        Map<String, Object> byId = body("id", id, "jobTitle", "matched by id");
        JsonNode updated = data(send("POST", "/rest/people?upsert=true", byId), 201, "createPerson");
        assertEquals(id, updated.path("id").asText());
        assertEquals("matched by id", updated.path("jobTitle").asText());
        assertEquals("Original", updated.path("name").path("lastName").asText(), "fields not sent are kept");

        Map<String, Object> byEmail = body("emails", Map.of("primaryEmail", "upsert.original@example.com"), "city", "Lyon");
        JsonNode matched = data(send("POST", "/rest/people?upsert=true", byEmail), 201, "createPerson");
        assertEquals(id, matched.path("id").asText());
        assertEquals("Lyon", matched.path("city").asText());
        assertEquals("matched by id", matched.path("jobTitle").asText());

        JsonNode inserted = data(send("POST", "/rest/people?upsert=true", person("Upsert", "New", "upsert.new@example.com")), 201,
                "createPerson");
        assertFalse(inserted.path("id").asText().equals(id));
        assertEquals(2, count("people", "name.firstName[eq]:\"Upsert\""));

        String companyId = data(send("POST", "/rest/companies",
                Map.of("name", "Upsert Co", "domainName", Map.of("primaryLinkUrl", "https://upsert.example.com"))), 201, "createCompany")
                .path("id").asText();
        JsonNode batch = data(send("POST", "/rest/batch/companies?upsert=true", List.of(
                Map.of("domainName", Map.of("primaryLinkUrl", "https://upsert.example.com/"), "employees", 7),
                Map.of("name", "Upsert Co 2", "domainName", Map.of("primaryLinkUrl", "https://upsert2.example.com")))), 201,
                "createCompanies");
        assertEquals(companyId, batch.get(0).path("id").asText(), "the trailing slash is normalised before matching");
        assertEquals(7, batch.get(0).path("employees").asInt());
        assertEquals("Upsert Co", batch.get(0).path("name").asText());
        assertFalse(batch.get(1).path("id").asText().equals(companyId));

        // One input matching two different records is a conflict, and nothing changes.
        String other = createPerson("Upsert", "Other", "upsert.other@example.com");
        TestServer.Reply conflict = send("POST", "/rest/people?upsert=true",
                body("id", other, "emails", Map.of("primaryEmail", "upsert.original@example.com"), "city", "Nowhere"));
        assertError(conflict, 400, "BadRequestException", "Several existing records match one upserted record on its id or unique fields");
        assertEquals("UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT", conflict.body().path("code").asText());
        assertEquals(0, count("people", "city[eq]:\"Nowhere\""));

        assertBadRequest(send("POST", "/rest/people?upsert=maybe", byId), "'upsert=maybe' parameter invalid. Allowed values are true, false");
    }

    @Test
    void createWithoutUpsertRefusesDuplicates() {
        String id = createPerson("Duplicate", "Entry", "duplicate.entry@example.com");
        Map<String, Object> sameId = person("Duplicate", "Again", "duplicate.again@example.com");
        sameId.put("id", id);
        assertBadRequestContaining(send("POST", "/rest/people", sameId), "A duplicate entry was detected");
        assertBadRequestContaining(send("POST", "/rest/people", person("Duplicate", "Email", "duplicate.entry@example.com")),
                "A duplicate entry was detected");
        assertEquals(1, count("people", "name.firstName[eq]:\"Duplicate\""));
    }

    @Test
    void updateOneChangesOnlyWhatIsSentAndPutIsAnAlias() {
        String id = createPerson("Update", "One", "update.one@example.com");
        JsonNode updated = data(send("PATCH", "/rest/people/" + id, Map.of("name", Map.of("firstName", "Updated"), "city", "Paris")),
                200, "updatePerson");
        assertEquals("Updated", updated.path("name").path("firstName").asText());
        assertEquals("One", updated.path("name").path("lastName").asText(), "a composite may be sent in part");
        assertEquals("Paris", updated.path("city").asText());
        assertEquals("update.one@example.com", updated.path("emails").path("primaryEmail").asText());
        assertTrue(updated.path("updatedAt").asText().compareTo(updated.path("createdAt").asText()) >= 0);

        JsonNode put = data(send("PUT", "/rest/people/" + id, Map.of("emails", Map.of("additionalEmails", List.of("u1@example.com")))),
                200, "updatePerson");
        assertEquals("u1@example.com", put.path("emails").path("additionalEmails").get(0).asText());
        assertEquals("update.one@example.com", put.path("emails").path("primaryEmail").asText());

        JsonNode cleared = data(send("PATCH", "/rest/people/" + id + "?fields=city", body("city", null)), 200, "updatePerson");
        assertTrue(cleared.path("city").isNull());
        assertEquals(2, cleared.size());

        assertError(send("PATCH", "/rest/people/" + UUID.randomUUID(), Map.of("city", "x")), 404, "NotFoundException", "Record not found");
        assertBadRequest(send("PATCH", "/rest/people/" + id, Map.of("id", UUID.randomUUID().toString())), "Field \"id\" cannot be updated");
        assertBadRequest(send("PATCH", "/rest/people/" + id, null), "A JSON request body is required");
    }

    @Test
    void updateManyUpdatesEveryMatchingRecord() {
        createPerson("UpdateMany", "A", "update.many.a@example.com");
        createPerson("UpdateMany", "B", "update.many.b@example.com");
        createPerson("UpdateManyNot", "C", "update.many.c@example.com");
        JsonNode updated = data(send("PATCH", "/rest/people" + query("filter", "name.firstName[eq]:\"UpdateMany\""),
                Map.of("jobTitle", "Bulk")), 200, "updatePeople");
        assertEquals(2, updated.size());
        assertEquals(List.of("Bulk", "Bulk"), texts(updated, "jobTitle"));
        assertEquals(2, count("people", "jobTitle[eq]:\"Bulk\""));

        JsonNode viaPut = data(send("PUT", "/rest/people" + query("filter", "name.firstName[eq]:\"UpdateMany\"", "fields", "jobTitle"),
                Map.of("jobTitle", "Bulk2")), 200, "updatePeople");
        assertEquals(List.of("Bulk2", "Bulk2"), texts(viaPut, "jobTitle"));
        JsonNode none = data(send("PATCH", "/rest/people" + query("filter", "name.firstName[eq]:\"Nobody\""), Map.of("jobTitle", "x")),
                200, "updatePeople");
        assertEquals(0, none.size());
        assertBadRequest(send("PATCH", "/rest/people", Map.of("jobTitle", "Everyone")),
                "Filters are mandatory for bulk update operations. Please provide at least one filter to prevent accidental updates of all records.");
        assertEquals(0, count("people", "jobTitle[eq]:\"Everyone\""));
    }

    @Test
    void deleteOneDestroysByDefaultAndSoftDeletesOnRequest() {
        String destroyed = createPerson("DeleteOne", "Destroyed", "delete.one.destroyed@example.com");
        TestServer.Reply reply = send("DELETE", "/rest/people/" + destroyed, null);
        assertEquals(200, reply.status());
        assertEquals("{\"data\":{\"deletePerson\":{\"id\":\"" + destroyed + "\"}}}", reply.raw().body());
        assertEquals(404, server.get(server.acmeKey, "/rest/people/" + destroyed).status());
        assertEquals(0, count("people", "deletedAt[is]:NOT_NULL,id[eq]:\"" + destroyed + "\""), "destroyed for good");
        assertError(send("DELETE", "/rest/people/" + destroyed, null), 404, "NotFoundException", "Record not found");

        String soft = createPerson("DeleteOne", "Soft", "delete.one.soft@example.com");
        TestServer.Reply softReply = send("DELETE", "/rest/people/" + soft + "?soft_delete=true", null);
        assertEquals("{\"data\":{\"deletePerson\":{\"id\":\"" + soft + "\"}}}", softReply.raw().body());
        assertEquals(404, server.get(server.acmeKey, "/rest/people/" + soft).status());
        assertEquals(1, count("people", "deletedAt[is]:NOT_NULL,id[eq]:\"" + soft + "\""));
        assertEquals(404, send("DELETE", "/rest/people/" + soft + "?soft_delete=true", null).status(), "already deleted");
        assertEquals(200, send("DELETE", "/rest/people/" + soft + "?soft_delete=false", null).status(), "a soft-deleted record can be destroyed");
        assertEquals(0, count("people", "deletedAt[is]:NOT_NULL,id[eq]:\"" + soft + "\""));
    }

    @Test
    void deleteManyDestroysOrSoftDeletesTheMatchingRecords() {
        for (String last : List.of("A", "B", "C")) {
            createPerson("DeleteMany", last, "delete.many." + last + "@example.com");
        }
        JsonNode soft = data(send("DELETE", "/rest/people" + query("filter", "name.firstName[eq]:\"DeleteMany\",name.lastName[neq]:\"C\"",
                "soft_delete", "true"), null), 200, "deletePeople");
        assertEquals(2, soft.size());
        assertEquals(1, soft.get(0).size(), "only ids");
        assertEquals(1, count("people", "name.firstName[eq]:\"DeleteMany\""));
        assertEquals(2, count("people", "name.firstName[eq]:\"DeleteMany\",deletedAt[is]:NOT_NULL"));

        // Destroying matches soft-deleted records too: it is how the trash is emptied.
        JsonNode destroyed = data(send("DELETE", "/rest/people" + query("filter", "name.firstName[eq]:\"DeleteMany\""), null), 200,
                "deletePeople");
        assertEquals(3, destroyed.size());
        assertEquals(0, count("people", "name.firstName[eq]:\"DeleteMany\",or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)"));

        assertBadRequest(send("DELETE", "/rest/people", null), "Filters are mandatory for bulk destroy operations. Please provide at "
                + "least one filter to prevent accidental deletion of all records.");
        assertBadRequest(send("DELETE", "/rest/people?filter=", null), "Filters are mandatory for bulk destroy operations. Please provide at "
                + "least one filter to prevent accidental deletion of all records.");
        assertBadRequest(send("DELETE", "/rest/people?soft_delete=true&filter=%20", null), "Filters are mandatory for bulk delete "
                + "operations. Please provide at least one filter to prevent accidental deletion of all records.");
    }

    @Test
    void restoreOneAndManyBringSoftDeletedRecordsBack() {
        String one = createPerson("Restore", "One", "restore.one@example.com");
        String two = createPerson("Restore", "Two", "restore.two@example.com");
        String three = createPerson("Restore", "Three", "restore.three@example.com");
        data(send("DELETE", "/rest/people" + query("filter", "name.firstName[eq]:\"Restore\"", "soft_delete", "true"), null), 200,
                "deletePeople");
        assertEquals(0, count("people", "name.firstName[eq]:\"Restore\""));

        JsonNode restored = data(send("PATCH", "/rest/people/" + one + "/restore", null), 200, "restorePerson");
        assertEquals("One", restored.path("name").path("lastName").asText());
        assertTrue(restored.path("deletedAt").isNull());
        assertEquals(200, server.get(server.acmeKey, "/rest/people/" + one).status());

        JsonNode viaPut = data(send("PUT", "/rest/people/" + two + "/restore?fields=id", null), 200, "restorePerson");
        assertEquals(1, viaPut.size());
        assertEquals(two, viaPut.path("id").asText());

        JsonNode many = data(send("PATCH", "/rest/people/restore" + query("filter", "name.firstName[eq]:\"Restore\"", "fields", "id"), null),
                200, "restorePeople");
        assertEquals(List.of(three), texts(many, "id"), "only soft-deleted records are restored");
        assertEquals(3, count("people", "name.firstName[eq]:\"Restore\""));
        JsonNode again = data(send("PUT", "/rest/people/restore" + query("filter", "name.firstName[eq]:\"Restore\""), null), 200,
                "restorePeople");
        assertEquals(0, again.size());

        assertBadRequest(send("PATCH", "/rest/people/restore", null), "Filters are mandatory for bulk restore operations. Please provide "
                + "at least one filter to prevent accidental restoration of all records.");
        assertError(send("PATCH", "/rest/people/" + UUID.randomUUID() + "/restore", null), 404, "NotFoundException", "Record not found");
    }

    @Test
    void duplicatesByDataAndByIds() {
        String first = createPerson("Dupe", "Twin", "dupe.twin.1@example.com");
        String second = createPerson("Dupe", "Twin", "dupe.twin.2@example.com");
        String byEmail = createPerson("Dupe", "Other", "dupe.shared@example.com");

        TestServer.Reply byData = send("POST", "/rest/people/duplicates", Map.of("data", List.of(
                Map.of("name", Map.of("firstName", "Dupe", "lastName", "Twin")),
                Map.of("emails", Map.of("primaryEmail", "dupe.shared@example.com")),
                Map.of("city", "no criterion"))));
        assertEquals(200, byData.status(), byData.raw().body());
        JsonNode results = byData.body().path("data");
        assertEquals(3, results.size());
        assertEquals(2, results.get(0).path("totalCount").asInt());
        assertEquals(new TreeSet<>(List.of(first, second)), new TreeSet<>(texts(results.get(0).path("personDuplicates"), "id")));
        assertFalse(results.get(0).path("pageInfo").path("hasNextPage").asBoolean());
        assertEquals(List.of(byEmail), texts(results.get(1).path("personDuplicates"), "id"));
        assertEquals(0, results.get(2).path("totalCount").asInt());

        TestServer.Reply byIds = send("POST", "/rest/people/duplicates?fields=id", Map.of("ids", List.of(first, byEmail)));
        JsonNode idResults = byIds.body().path("data");
        assertEquals(List.of(second), texts(idResults.get(0).path("personDuplicates"), "id"), "the record itself is excluded");
        assertEquals(1, idResults.get(0).path("personDuplicates").get(0).size());
        assertEquals(0, idResults.get(1).path("totalCount").asInt());

        TestServer.Reply emptyIds = send("POST", "/rest/people/duplicates", Map.of("ids", List.of()));
        assertEquals(200, emptyIds.status());
        assertEquals("{\"data\":[]}", emptyIds.raw().body());
        assertBadRequest(send("POST", "/rest/people/duplicates", Map.of("data", List.of())),
                "The \"data\" condition can not be empty when \"ids\" input not provided");
        assertBadRequest(send("POST", "/rest/people/duplicates", Map.of()),
                "The \"data\" condition can not be empty when \"ids\" input not provided");
        assertBadRequest(send("POST", "/rest/people/duplicates", Map.of("data", List.of(Map.of("city", "x")), "ids", List.of(first))),
                "You cannot provide both \"data\" and \"ids\" arguments");
        assertBadRequest(send("POST", "/rest/people/duplicates", Map.of("ids", List.of("not-a-uuid"))), "'not-a-uuid' is not a valid UUID");
    }

    @Test
    void bulkOperationsTouchAtMost200RecordsAndOtherwiseNothing() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            batch.add(Map.of("name", "Limit %03d".formatted(i), "employees", 1));
            if (batch.size() == 60 || i == 200) {
                data(send("POST", "/rest/batch/companies", batch), 201, "createCompanies");
                batch.clear();
            }
        }
        String all = query("filter", "name[startsWith]:\"Limit \"");
        assertError(send("PATCH", "/rest/companies" + all, Map.of("employees", 2)), 400, "BadRequestException",
                "Cannot update more than 200 records at once");
        assertEquals(0, count("companies", "name[startsWith]:\"Limit \",employees[eq]:2"));
        assertBadRequest(send("DELETE", "/rest/companies" + all, null), "Cannot destroy more than 200 records at once");
        assertBadRequest(send("DELETE", "/rest/companies" + all + "&soft_delete=true", null), "Cannot delete more than 200 records at once");
        assertEquals(201, count("companies", "name[startsWith]:\"Limit \""));

        String twoHundred = query("filter", "name[startsWith]:\"Limit \",name[neq]:\"Limit 200\"");
        assertEquals(200, data(send("DELETE", "/rest/companies" + twoHundred + "&soft_delete=true", null), 200, "deleteCompanies").size());
        data(send("DELETE", "/rest/companies" + query("filter", "name[eq]:\"Limit 200\"", "soft_delete", "true"), null), 200,
                "deleteCompanies");
        assertBadRequest(send("PATCH", "/rest/companies/restore" + all, null), "Cannot restore more than 200 records at once");
        assertEquals(201, count("companies", "name[startsWith]:\"Limit \",deletedAt[is]:NOT_NULL"));
        assertEquals(200, data(send("DELETE", "/rest/companies" + twoHundred, null), 200, "deleteCompanies").size());
        assertEquals(1, count("companies", "name[startsWith]:\"Limit \",deletedAt[is]:NOT_NULL"));
    }
}
