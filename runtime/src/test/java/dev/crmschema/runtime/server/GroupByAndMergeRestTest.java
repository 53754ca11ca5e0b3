package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.assertBadRequest;
import static dev.crmschema.runtime.server.Api.assertBadRequestContaining;
import static dev.crmschema.runtime.server.Api.assertError;
import static dev.crmschema.runtime.server.Api.body;
import static dev.crmschema.runtime.server.Api.data;
import static dev.crmschema.runtime.server.Api.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /rest/{plural}/groupBy} and {@code PATCH /rest/{plural}/merge} over HTTP, on both workspaces. */
@ExtendWith(SharedServer.class)
class GroupByAndMergeRestTest {
    private static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    private static String create(String key, String plural, Map<String, Object> record) {
        return data(server.send(key, "POST", "/rest/" + plural, record), 201,
                "create" + Character.toUpperCase(plural.charAt(0)) + singular(plural).substring(1)).path("id").asText();
    }

    private static String singular(String plural) {
        return switch (plural) {
            case "companies" -> "company";
            case "people" -> "person";
            case "opportunities" -> "opportunity";
            default -> plural.substring(0, plural.length() - 1);
        };
    }

    private static List<List<String>> dimensions(JsonNode groups) {
        List<List<String>> values = new ArrayList<>();
        for (JsonNode group : groups) {
            List<String> row = new ArrayList<>();
            group.path("groupByDimensionValues").forEach(v -> row.add(v.isNull() ? null : v.asText()));
            values.add(row);
        }
        return values;
    }

    @Test
    void groupsOpportunitiesByWeekdayAndStageWithAggregatesAndSamples() {
        String company = create(server.acmeKey, "companies", Map.of("name", "Grouped " + UUID.randomUUID()));
        // 2025-01-01 and 2025-01-08 are Wednesdays, 2025-01-02 a Thursday.
        create(server.acmeKey, "opportunities", body("name", "A", "companyId", company, "stage", "NEW",
                "closeDate", "2025-01-01T10:00:00Z", "amount", Map.of("amountMicros", 1_000_000, "currencyCode", "USD")));
        create(server.acmeKey, "opportunities", body("name", "B", "companyId", company, "stage", "NEW",
                "closeDate", "2025-01-08T10:00:00Z", "amount", Map.of("amountMicros", 3_000_000, "currencyCode", "USD")));
        create(server.acmeKey, "opportunities", body("name", "C", "companyId", company, "stage", "MEETING",
                "closeDate", "2025-01-02T10:00:00Z", "amount", Map.of("amountMicros", 5_000_000, "currencyCode", "USD")));
        create(server.acmeKey, "opportunities", body("name", "D", "companyId", company, "stage", "NEW"));

        TestServer.Reply reply = server.get(server.acmeKey, "/rest/opportunities/groupBy" + query(
                "group_by", "[{\"closeDate\":{\"granularity\":\"DAY_OF_THE_WEEK\"}},{\"stage\":true}]",
                "aggregate", "[\"maxAmountAmountMicros\",\"totalCount\"]",
                "filter", "companyId[eq]:\"" + company + "\"",
                "include_records_sample", "true",
                "order_by_for_records", "name[DescNullsLast]"));
        assertEquals(200, reply.status(), reply.raw().body());
        JsonNode groups = reply.body();
        assertTrue(groups.isArray(), reply.raw().body());
        List<String> noDay = new ArrayList<>();
        noDay.add(null);
        noDay.add("NEW");
        assertEquals(List.of(List.of("Wednesday", "NEW"), List.of("Thursday", "MEETING"), noDay), dimensions(groups));
        assertEquals(2, groups.get(0).path("totalCount").asInt());
        assertEquals(3_000_000, groups.get(0).path("maxAmountAmountMicros").asLong());
        assertEquals(List.of("B", "A"), Api.texts(groups.get(0).path("records"), "name"));
        assertEquals(1, groups.get(1).path("totalCount").asInt());
        assertTrue(groups.get(2).path("maxAmountAmountMicros").isNull());

        TestServer.Reply periods = server.get(server.acmeKey, "/rest/opportunities/groupBy" + query(
                "group_by", "[{\"closeDate\":{\"granularity\":\"WEEK\",\"timeZone\":\"Europe/Paris\"}}]",
                "filter", "and(companyId[eq]:\"" + company + "\",closeDate[is]:NOT_NULL)", "limit", "1"));
        assertEquals(200, periods.status(), periods.raw().body());
        assertEquals(List.of(List.of("2024-12-30")), dimensions(periods.body()));
        assertEquals(2, periods.body().get(0).path("totalCount").asInt());
        assertFalse(periods.body().get(0).has("records"));
    }

    @Test
    void refusesBadGroupByInput() {
        String path = "/rest/opportunities/groupBy";
        assertBadRequest(server.get(server.acmeKey, path),
                "'group_by' parameter is required. eg: group_by=[{\"stage\":true},{\"closeDate\":{\"granularity\":\"DAY\"}}]");
        assertBadRequestContaining(server.get(server.acmeKey, path + query("group_by", "{stage")), "it is not JSON");
        assertBadRequestContaining(server.get(server.acmeKey, path + query("group_by", "[{\"stage\":{\"granularity\":\"DAY\"}}]")),
                "only dates take a granularity");
        assertBadRequestContaining(server.get(server.acmeKey, path + query("group_by", "[{\"closeDate\":{\"granularity\":\"DECADE\"}}]")),
                "granularity of 'closeDate' must be one of DAY, WEEK");
        assertBadRequestContaining(server.get(server.acmeKey, path + query("group_by",
                "[{\"closeDate\":{\"granularity\":\"DAY\",\"timeZone\":\"Mars/Olympus\"}}]")), "time zone 'Mars/Olympus' is invalid");
        assertBadRequestContaining(server.get(server.acmeKey, path + query("group_by", "[{\"amount\":true}]")),
                "'amount' is composite");
        assertBadRequestContaining(server.get(server.acmeKey, path + query("group_by", "[{\"stag\":true}]")), "field 'stag' does not exist");
        assertBadRequestContaining(server.get(server.acmeKey, path + query("group_by", "[{\"stage\":true}]", "aggregate", "[\"maxStage\"]")),
                "'maxStage' is not an aggregate of 'opportunity'");
        assertBadRequestContaining(server.get(server.acmeKey, path + query("group_by", "[{\"stage\":true}]", "limit", "x")),
                "limit 'x' is invalid");
        assertBadRequestContaining(server.get(server.acmeKey, path + query("group_by", "[{\"stage\":true}]", "filter", "stage[xx]:1")),
                "comparator xx not in");
    }

    @Test
    void mergesPeopleIntoThePriorityRecordAndMovesTheirRelations() {
        String company = create(server.acmeKey, "companies", Map.of("name", "Merge Co " + UUID.randomUUID()));
        String kept = create(server.acmeKey, "people", body("name", Map.of("firstName", "Ada", "lastName", "Kept"),
                "emails", Map.of("primaryEmail", "ada-" + company + "@example.com"), "jobTitle", "CEO"));
        String merged = create(server.acmeKey, "people", body("name", Map.of("firstName", "Ada", "lastName", "Merged"),
                "emails", Map.of("primaryEmail", "other-" + company + "@example.com"), "city", "Paris", "jobTitle", "CTO",
                "companyId", company));
        String opportunity = create(server.acmeKey, "opportunities", body("name", "Merged deal", "pointOfContactId", merged));

        JsonNode result = data(server.send(server.acmeKey, "PATCH", "/rest/people/merge",
                body("ids", List.of(kept, merged), "conflictPriorityIndex", 0)), 200, "mergePerson");
        assertEquals(kept, result.path("id").asText());
        assertEquals("Kept", result.path("name").path("lastName").asText());
        assertEquals("CEO", result.path("jobTitle").asText());
        assertEquals("Paris", result.path("city").asText());
        assertEquals(company, result.path("companyId").asText());
        assertEquals("ada-" + company + "@example.com", result.path("emails").path("primaryEmail").asText());
        assertEquals("other-" + company + "@example.com", result.path("emails").path("additionalEmails").get(0).asText());

        assertError(server.get(server.acmeKey, "/rest/people/" + merged), 404, "NotFoundException", "Record not found");
        assertEquals(kept, data(server.get(server.acmeKey, "/rest/opportunities/" + opportunity), 200, "opportunity")
                .path("pointOfContactId").asText());
    }

    @Test
    void aDryRunPreviewsTheMergeAndChangesNothing() {
        String first = create(server.acmeKey, "companies", Map.of("name", "Dry " + UUID.randomUUID()));
        String second = create(server.acmeKey, "companies", Map.of("name", "Dry other " + UUID.randomUUID(), "employees", 42));
        JsonNode preview = data(server.send(server.acmeKey, "PATCH", "/rest/companies/merge",
                body("ids", List.of(first, second), "conflictPriorityIndex", 0, "dryRun", true)), 200, "mergeCompany");
        assertNotEquals(first, preview.path("id").asText());
        assertNotEquals(second, preview.path("id").asText());
        assertEquals(42, preview.path("employees").asInt());

        assertTrue(data(server.get(server.acmeKey, "/rest/companies/" + first), 200, "company").path("employees").isNull());
        assertEquals(42, data(server.get(server.acmeKey, "/rest/companies/" + second), 200, "company").path("employees").asInt());
    }

    @Test
    void refusesBadMergeInput() {
        String one = create(server.acmeKey, "companies", Map.of("name", "Lonely " + UUID.randomUUID()));
        String path = "/rest/companies/merge";
        assertBadRequest(server.send(server.acmeKey, "PATCH", path, body("ids", List.of(one), "conflictPriorityIndex", 0)),
                "\"ids\" must hold between 2 and 9 record ids, got 1");
        assertBadRequest(server.send(server.acmeKey, "PATCH", path, body("ids", List.of(one, one), "conflictPriorityIndex", 0)),
                "\"ids\" lists '" + one + "' more than once");
        assertBadRequest(server.send(server.acmeKey, "PATCH", path,
                body("ids", List.of(one, UUID.randomUUID().toString()), "conflictPriorityIndex", 2)),
                "\"conflictPriorityIndex\" must be between 0 and 1, got 2");
        assertBadRequest(server.send(server.acmeKey, "PATCH", path, body("ids", List.of(one, "nope"), "conflictPriorityIndex", 0)),
                "'nope' is not a valid UUID");
        assertBadRequestContaining(server.send(server.acmeKey, "PATCH", path, body("ids", List.of(one, one))),
                "\"ids\" lists");
        assertBadRequestContaining(server.send(server.acmeKey, "PATCH", path,
                body("ids", List.of(one, UUID.randomUUID().toString()))), "\"conflictPriorityIndex\" must be an integer");
        assertError(server.send(server.acmeKey, "PATCH", path,
                body("ids", List.of(one, UUID.randomUUID().toString()), "conflictPriorityIndex", 0)), 404, "NotFoundException",
                "Record not found");
        // Nothing happened to the existing record.
        assertEquals(200, server.get(server.acmeKey, "/rest/companies/" + one).status());
    }

    @Test
    void groupsAndMergesRecordsOfACustomModel() {
        String shelter = create(server.shelterKey, "shelters", Map.of("name", "Merge shelter " + UUID.randomUUID()));
        String rex = create(server.shelterKey, "pets", body("name", "Rex", "shelterId", shelter, "species", "DOG",
                "tags", List.of("calm"), "colors", List.of("BLACK"), "adoptionFee", 100));
        String rex2 = create(server.shelterKey, "pets", body("name", "Rex bis", "shelterId", shelter, "species", "DOG",
                "tags", List.of("calm", "old"), "colors", List.of("WHITE"), "adoptionFee", 50, "nickname", "Rexy"));
        create(server.shelterKey, "pets", body("name", "Tom", "shelterId", shelter, "species", "CAT", "adoptionFee", 70));
        String visit = create(server.shelterKey, "visits", body("petId", rex2, "findings", "healthy"));

        TestServer.Reply groups = server.get(server.shelterKey, "/rest/pets/groupBy" + query(
                "group_by", "[{\"species\":true}]", "aggregate", "[\"sumAdoptionFee\",\"countUniqueValuesName\"]",
                "filter", "shelterId[eq]:\"" + shelter + "\""));
        assertEquals(200, groups.status(), groups.raw().body());
        assertEquals(List.of(List.of("DOG"), List.of("CAT")), dimensions(groups.body()));
        assertEquals(150, groups.body().get(0).path("sumAdoptionFee").asInt());
        assertEquals(2, groups.body().get(0).path("countUniqueValuesName").asInt());

        JsonNode pet = data(server.send(server.shelterKey, "PATCH", "/rest/pets/merge",
                body("ids", List.of(rex2, rex), "conflictPriorityIndex", 1)), 200, "mergePet");
        assertEquals(rex, pet.path("id").asText());
        assertEquals("Rex", pet.path("name").asText());
        assertEquals("Rexy", pet.path("nickname").asText());
        List<String> tags = new ArrayList<>();
        pet.path("tags").forEach(tag -> tags.add(tag.asText()));
        assertEquals(List.of("calm", "old"), tags);
        assertEquals(2, pet.path("colors").size());
        assertEquals(rex, data(server.get(server.shelterKey, "/rest/visits/" + visit), 200, "visit").path("petId").asText());
        assertEquals(404, server.get(server.shelterKey, "/rest/pets/" + rex2).status());
    }
}
