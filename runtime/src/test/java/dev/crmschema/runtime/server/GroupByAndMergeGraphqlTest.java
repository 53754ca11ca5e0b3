package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Graphql.map;
import static dev.crmschema.runtime.server.Graphql.nodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code {plural}GroupBy} and {@code merge{Plural}} over HTTP, on the standard and the custom workspace. */
@ExtendWith(SharedServer.class)
class GroupByAndMergeGraphqlTest {
    private static Graphql acme;
    private static Graphql shelter;

    @BeforeAll
    static void start(TestServer server) {
        acme = new Graphql(server, server.acmeKey);
        shelter = new Graphql(server, server.shelterKey);
    }

    private static String create(Graphql api, String mutation, String inputType, Object data) {
        return api.data("mutation($data: " + inputType + "!) { " + mutation + "(data: $data) { id } }", "data", data)
                .path(mutation).path("id").asText();
    }

    private static List<String> dimensions(JsonNode group) {
        List<String> values = new ArrayList<>();
        group.path("groupByDimensionValues").forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }

    private static final String GROUPS = """
            query($groupBy: [OpportunityGroupByInput!]!, $filter: OpportunityFilterInput, $orderBy: [OpportunityOrderByWithGroupByInput],
                  $records: [OpportunityOrderByInput], $limit: Int) {
              opportunitiesGroupBy(groupBy: $groupBy, filter: $filter, orderBy: $orderBy, orderByForRecords: $records, limit: $limit) {
                groupByDimensionValues totalCount sumAmountAmountMicros countNotEmptyCloseDate
                edges { node { name stage } }
                pageInfo { hasNextPage }
              }
            }""";

    @Test
    void groupsOpportunitiesWithAggregatesOrderAndRecords() {
        String company = create(acme, "createCompany", "CompanyCreateInput", map("name", "GQL groups " + UUID.randomUUID()));
        for (Object[] row : new Object[][] {{"b", "NEW", 2_000_000, "2025-03-03T08:00:00Z"}, {"a", "NEW", 1_000_000, null},
                {"c", "MEETING", 7_000_000, "2025-04-01T08:00:00Z"}}) {
            create(acme, "createOpportunity", "OpportunityCreateInput", map("name", row[0], "stage", row[1], "companyId", company,
                    "closeDate", row[3], "amount", map("amountMicros", row[2], "currencyCode", "EUR")));
        }
        Object filter = map("companyId", map("eq", company));
        JsonNode groups = acme.data(GROUPS, "groupBy", List.of(map("stage", true)), "filter", filter,
                "orderBy", List.of(map("aggregate", map("totalCount", "DescNullsLast"))),
                "records", List.of(map("name", "AscNullsFirst"))).path("opportunitiesGroupBy");
        assertEquals(2, groups.size(), groups.toString());
        assertEquals(List.of("NEW"), dimensions(groups.get(0)));
        assertEquals(2, groups.get(0).path("totalCount").asInt());
        assertEquals(3_000_000, groups.get(0).path("sumAmountAmountMicros").asLong());
        assertEquals(1, groups.get(0).path("countNotEmptyCloseDate").asInt());
        assertEquals(List.of("a", "b"), nodes(groups.get(0), "name"));
        assertEquals(List.of("MEETING"), dimensions(groups.get(1)));

        JsonNode months = acme.data(GROUPS, "groupBy", List.of(map("closeDate", map("granularity", "MONTH"))), "filter", filter,
                "orderBy", List.of(map("closeDate", "DescNullsFirst")), "limit", 2).path("opportunitiesGroupBy");
        List<List<String>> values = new ArrayList<>();
        months.forEach(group -> values.add(dimensions(group)));
        List<String> none = new ArrayList<>();
        none.add(null);
        assertEquals(List.of(none, List.of("2025-04-01")), values);
    }

    @Test
    void refusesBadGroupByArguments() {
        acme.error("BAD_USER_INPUT", "INVALID_GROUP_BY_QUERY_PARAM", null, GROUPS, "groupBy", List.of());
        acme.error("BAD_USER_INPUT", "INVALID_QUERY_INPUT", "Invalid orderBy on 'name': groups can only be ordered by a value "
                + "they are grouped by, or by an aggregate", GROUPS, "groupBy", List.of(map("stage", true)),
                "orderBy", List.of(map("name", "AscNullsFirst")));
        acme.error("BAD_USER_INPUT", "INVALID_QUERY_INPUT", "Invalid limit: it must be non-negative", GROUPS,
                "groupBy", List.of(map("stage", true)), "limit", -1);
        acme.error("BAD_USER_INPUT", "INVALID_TIMEZONE", null, GROUPS,
                "groupBy", List.of(map("closeDate", map("granularity", "DAY", "timeZone", "Nowhere/Land"))));
        acme.error("GRAPHQL_VALIDATION_FAILED", null, null, GROUPS, "groupBy", List.of(map("closeDate", map("granularity", "DECADE"))));
    }

    private static final String MERGE = """
            mutation($ids: [UUID!]!, $index: Int!, $dryRun: Boolean) {
              mergeCompanies(ids: $ids, conflictPriorityIndex: $index, dryRun: $dryRun) { id name employees people { totalCount } }
            }""";

    @Test
    void mergesCompaniesAndPreviewsADryRun() {
        String kept = create(acme, "createCompany", "CompanyCreateInput", map("name", "Kept " + UUID.randomUUID()));
        String gone = create(acme, "createCompany", "CompanyCreateInput", map("name", "Gone " + UUID.randomUUID(), "employees", 7));
        create(acme, "createPerson", "PersonCreateInput", map("city", "Lyon", "companyId", gone));

        JsonNode preview = acme.data(MERGE, "ids", List.of(kept, gone), "index", 0, "dryRun", true).path("mergeCompanies");
        assertNotEquals(kept, preview.path("id").asText());
        assertEquals(7, preview.path("employees").asInt());
        String read = "query($id: UUID) { company(filter: {id: {eq: $id}}) { id employees people { totalCount } } }";
        assertTrue(acme.data(read, "id", kept).path("company").path("employees").isNull());
        assertEquals(1, acme.data(read, "id", gone).path("company").path("people").path("totalCount").asInt());

        JsonNode merged = acme.data(MERGE, "ids", List.of(kept, gone), "index", 0).path("mergeCompanies");
        assertEquals(kept, merged.path("id").asText());
        assertEquals(7, merged.path("employees").asInt());
        assertEquals(1, merged.path("people").path("totalCount").asInt());
        assertTrue(acme.data(read, "id", gone).path("company").isNull());

        acme.error("BAD_USER_INPUT", "INVALID_QUERY_INPUT", "\"ids\" must hold between 2 and 9 record ids, got 1", MERGE,
                "ids", List.of(kept), "index", 0);
        acme.error("NOT_FOUND", "RECORD_NOT_FOUND", "Record not found", MERGE, "ids", List.of(kept, gone), "index", 0);
    }

    @Test
    void groupsAndMergesPetsOfTheCustomWorkspace() {
        String home = create(shelter, "createShelter", "ShelterCreateInput", map("name", "GQL shelter " + UUID.randomUUID()));
        String first = create(shelter, "createPet", "PetCreateInput", map("name", "Mia", "shelterId", home,
                "foundAt", map("addressCity", "Lyon"), "species", "CAT"));
        String second = create(shelter, "createPet", "PetCreateInput", map("name", "Mia 2", "shelterId", home,
                "foundAt", map("addressCity", "Lyon"), "species", "CAT", "weightKg", 4.5, "tags", List.of("shy")));
        create(shelter, "createPet", "PetCreateInput", map("name", "Bo", "shelterId", home, "species", "DOG"));

        JsonNode groups = shelter.data("""
                query($filter: PetFilterInput) {
                  petsGroupBy(groupBy: [{foundAt: {addressCity: true}}, {species: true}], filter: $filter) {
                    groupByDimensionValues totalCount avgWeightKg
                  }
                }""", "filter", map("shelterId", map("eq", home))).path("petsGroupBy");
        assertEquals(2, groups.size(), groups.toString());
        assertEquals(List.of("Lyon", "CAT"), dimensions(groups.get(0)));
        assertEquals(2, groups.get(0).path("totalCount").asInt());
        assertEquals(4.5, groups.get(0).path("avgWeightKg").asDouble());

        JsonNode pet = shelter.data("mutation($ids: [UUID!]!) { mergePets(ids: $ids, conflictPriorityIndex: 0) { id weightKg tags } }",
                "ids", List.of(first, second)).path("mergePets");
        assertEquals(first, pet.path("id").asText());
        assertEquals(4.5, pet.path("weightKg").asDouble());
        assertEquals("shy", pet.path("tags").get(0).asText());
    }
}
