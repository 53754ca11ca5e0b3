package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Graphql.map;
import static dev.crmschema.runtime.server.Graphql.nodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.introspection.IntrospectionQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core GraphQL API over HTTP against a real server and PostgreSQL, on the standard workspace
 * {@code acme}: queries and their argument rules, filters, relations, aggregates, mutations, errors,
 * keys, limits, introspection and the GraphiQL page. Each test works on records with its own name prefix.
 */
class GraphqlApiTest {
    private static final String COMPANY_FIELDS = "id name employees domainName { primaryLinkUrl } deletedAt";

    private static TestServer server;
    private static Graphql acme;

    @BeforeAll
    static void start() {
        server = new TestServer();
        acme = new Graphql(server, server.acmeKey);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Creates companies named {@code prefix + i} with {@code 100 + i} employees; returns their ids. */
    private static List<String> companies(String prefix, int count) {
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            data.add(map("name", prefix + i, "employees", 100 + i,
                    "domainName", map("primaryLinkUrl", "https://" + prefix.toLowerCase() + i + ".com")));
        }
        JsonNode created = acme.data("mutation($data: [CompanyCreateInput!]!) { createCompanies(data: $data) { id } }", "data", data);
        List<String> ids = new ArrayList<>();
        created.path("createCompanies").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static Map<String, Object> startsWith(String prefix) {
        return map("name", map("startsWith", prefix));
    }

    private static final String PAGE = """
            query($filter: CompanyFilterInput, $orderBy: [CompanyOrderByInput], $first: Int, $last: Int, $after: String, $before: String) {
              companies(filter: $filter, orderBy: $orderBy, first: $first, last: $last, after: $after, before: $before) {
                totalCount
                edges { cursor node { name } }
                pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
              }
            }""";

    @Test
    void companiesAreFilteredOrderedAndPagedWithCursors() {
        companies("Paging", 5);
        List<Map<String, Object>> byEmployees = List.of(map("employees", "DescNullsLast"));
        JsonNode first = acme.data(PAGE, "filter", startsWith("Paging"), "orderBy", byEmployees, "first", 2).path("companies");
        assertEquals(5, first.path("totalCount").asInt());
        assertEquals(List.of("Paging4", "Paging3"), nodes(first, "name"));
        assertTrue(first.path("pageInfo").path("hasNextPage").asBoolean());
        assertFalse(first.path("pageInfo").path("hasPreviousPage").asBoolean());
        assertEquals(first.path("edges").get(1).path("cursor").asText(), first.path("pageInfo").path("endCursor").asText());

        JsonNode second = acme.data(PAGE, "filter", startsWith("Paging"), "orderBy", byEmployees, "first", 2,
                "after", first.path("pageInfo").path("endCursor").asText()).path("companies");
        assertEquals(List.of("Paging2", "Paging1"), nodes(second, "name"));
        assertTrue(second.path("pageInfo").path("hasPreviousPage").asBoolean());
        assertTrue(second.path("pageInfo").path("hasNextPage").asBoolean());

        JsonNode back = acme.data(PAGE, "filter", startsWith("Paging"), "orderBy", byEmployees, "last", 2,
                "before", second.path("pageInfo").path("startCursor").asText()).path("companies");
        assertEquals(List.of("Paging4", "Paging3"), nodes(back, "name"));
        assertFalse(back.path("pageInfo").path("hasPreviousPage").asBoolean());
        assertTrue(back.path("pageInfo").path("hasNextPage").asBoolean());

        JsonNode tail = acme.data(PAGE, "filter", startsWith("Paging"), "orderBy", byEmployees, "last", 2).path("companies");
        assertEquals(List.of("Paging1", "Paging0"), nodes(tail, "name"));
        assertTrue(tail.path("pageInfo").path("hasPreviousPage").asBoolean());
        assertFalse(tail.path("pageInfo").path("hasNextPage").asBoolean());

        // Without orderBy the order is by id, and without first/last the page holds every match.
        JsonNode all = acme.data(PAGE, "filter", startsWith("Paging")).path("companies");
        assertEquals(5, all.path("edges").size());
        JsonNode byComposite = acme.data(PAGE, "filter", startsWith("Paging"),
                "orderBy", List.of(map("domainName", map("primaryLinkUrl", "DescNullsLast"))), "first", 1).path("companies");
        assertEquals(List.of("Paging4"), nodes(byComposite, "name"));
    }

    @Test
    void pagingArgumentsFollowTheContractsRules() {
        String query = "query($first: Int, $last: Int, $after: String, $before: String, $offset: Int) "
                + "{ companies(first: $first, last: $last, after: $after, before: $before, offset: $offset) { totalCount } }";
        acme.error("BAD_USER_INPUT", "ARGS_CONFLICT", "Cannot provide both first and last", query, "first", 1, "last", 1);
        acme.error("BAD_USER_INPUT", "ARGS_CONFLICT", "Cannot provide both before and after", query, "before", "x", "after", "y");
        acme.error("BAD_USER_INPUT", "ARGS_CONFLICT", "Cannot provide both before and first", query, "before", "x", "first", 1);
        acme.error("BAD_USER_INPUT", "ARGS_CONFLICT", "Cannot provide both after and last", query, "after", "x", "last", 1);
        acme.error("BAD_USER_INPUT", "INVALID_ARGS_FIRST", "First argument must be non-negative", query, "first", -1);
        acme.error("BAD_USER_INPUT", "INVALID_ARGS_LAST", "Last argument must be non-negative", query, "last", -2);
        acme.error("BAD_USER_INPUT", "INVALID_CURSOR", "Invalid cursor: not-a-cursor", query, "after", "not-a-cursor");
        acme.error("BAD_USER_INPUT", "INVALID_QUERY_INPUT", null, query, "offset", 5);
        TestServer.Reply refused = acme.post(query, "first", 1, "last", 1);
        assertTrue(refused.body().path("data").path("companies").isNull(), refused.raw().body());
        assertEquals("companies", refused.body().path("errors").get(0).path("path").get(0).asText());
        JsonNode none = acme.data("{ companies(first: 0) { edges { cursor } pageInfo { startCursor } } }").path("companies");
        assertEquals(0, none.path("edges").size());
        assertTrue(none.path("pageInfo").path("startCursor").isNull());
    }

    @Test
    void filtersTakeTheContractsOperators() {
        companies("Filter", 4);
        acme.data("mutation { createCompany(data: {name: \"FilterNoEmployees\"}) { id } }");
        String query = "query($filter: CompanyFilterInput) { companies(filter: $filter, orderBy: [{name: AscNullsFirst}]) { totalCount edges { node { name } } } }";
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"name\":{\"eq\":\"Filter1\"}}", List.of("Filter1"));
        cases.put("{\"and\":[{\"name\":{\"startsWith\":\"Filter\"}},{\"name\":{\"neq\":\"Filter1\"}},{\"employees\":{\"is\":\"NOT_NULL\"}}]}",
                List.of("Filter0", "Filter2", "Filter3"));
        cases.put("{\"name\":{\"in\":[\"Filter0\",\"Filter3\",\"Nope\"]}}", List.of("Filter0", "Filter3"));
        cases.put("{\"or\":[{\"name\":{\"eq\":\"Filter0\"}},{\"employees\":{\"gte\":103}}],\"name\":{\"like\":\"Filter%\"}}",
                List.of("Filter0", "Filter3"));
        cases.put("{\"name\":{\"ilike\":\"filternoemp%\"}}", List.of("FilterNoEmployees"));
        cases.put("{\"name\":{\"startsWith\":\"Filter\"},\"employees\":{\"is\":\"NULL\"}}", List.of("FilterNoEmployees"));
        cases.put("{\"name\":{\"startsWith\":\"Filter\",\"endsWith\":\"2\"}}", List.of("Filter2"));
        cases.put("{\"name\":{\"startsWith\":\"Filter\"},\"not\":{\"employees\":{\"lt\":102}}}", List.of("Filter2", "Filter3"));
        cases.put("{\"domainName\":{\"primaryLinkUrl\":{\"ilike\":\"%FILTER1.com\"}}}", List.of("Filter1"));
        cases.put("{\"name\":{\"startsWith\":\"Filter\"},\"employees\":{\"gt\":101,\"lte\":102}}", List.of("Filter2"));
        for (Map.Entry<String, List<String>> filter : cases.entrySet()) {
            JsonNode companies = acme.data(query, "filter", TestServer.json(filter.getKey())).path("companies");
            assertEquals(filter.getValue(), nodes(companies, "name"), filter.getKey());
            assertEquals(filter.getValue().size(), companies.path("totalCount").asInt(), filter.getKey());
        }
        acme.error("BAD_USER_INPUT", null, "Operator \"regex\" is not supported", query, "filter", map("name", map("regex", "F.*")));
        // GraphQL's enum filter also takes containsAny on single-valued enums (contract 2.4): the same as in.
        assertEquals(acme.data("{ opportunities(filter: {stage: {in: [NEW, MEETING]}}) { totalCount } }").toString(),
                acme.data("{ opportunities(filter: {stage: {containsAny: [NEW, MEETING]}}) { totalCount } }").toString());
        acme.error("BAD_USER_INPUT", "INVALID_ARGS_FILTER", null, "{ opportunities(filter: {stage: {isEmptyArray: true}}) { totalCount } }");
    }

    @Test
    void findOneAnswersTheFirstMatchOrNull() {
        String id = companies("FindOne", 2).get(1);
        JsonNode found = acme.data("query($id: UUID) { company(filter: {id: {eq: $id}}) { id name } }", "id", id);
        assertEquals("FindOne1", found.path("company").path("name").asText());
        assertTrue(acme.data("{ company(filter: {name: {eq: \"Nobody at all\"}}) { id } }").path("company").isNull());
        acme.error("BAD_USER_INPUT", "INVALID_QUERY_INPUT", "Missing filter argument", "{ company(filter: {}) { id } }");
        acme.error("GRAPHQL_VALIDATION_FAILED", null, null, "{ company { id } }");
        // graphql-java's location maps iterate in an order that changes between JVMs; ours is always line, column.
        TestServer.Reply invalid = acme.post("{ company { id } }");
        assertTrue(invalid.raw().body().contains("\"locations\":[{\"line\":1,\"column\":3}]"), invalid.raw().body());
    }

    @Test
    void relationsNestBothWaysWithTheirOwnArguments() {
        String companyId = companies("Nested", 1).get(0);
        List<Object> people = new ArrayList<>();
        for (String first : List.of("Ann", "Bob", "Cid")) {
            people.add(map("name", map("firstName", first, "lastName", "Nested"), "city", first.equals("Bob") ? "Paris" : "Lyon",
                    "companyId", companyId));
        }
        JsonNode created = acme.data("mutation($data: [PersonCreateInput!]!) { createPeople(data: $data) { id company { name } } }",
                "data", people);
        assertEquals("Nested0", created.path("createPeople").get(0).path("company").path("name").asText());
        String cidId = created.path("createPeople").get(2).path("id").asText();
        acme.data("mutation($id: UUID!) { deletePerson(id: $id) { id } }", "id", cidId);

        String query = """
                query($id: UUID) {
                  company(filter: {id: {eq: $id}}) {
                    name
                    people(orderBy: [{name: {firstName: DescNullsLast}}], first: 1) {
                      totalCount
                      edges { node { name { firstName } city company { name people { totalCount } } } }
                      pageInfo { hasNextPage hasPreviousPage endCursor }
                    }
                    lyon: people(filter: {city: {eq: "Lyon"}}) { totalCount edges { node { name { firstName } } } }
                    tail: people(orderBy: [{name: {firstName: DescNullsLast}}], last: 1) {
                      edges { node { name { firstName } } } pageInfo { hasNextPage hasPreviousPage }
                    }
                    opportunities { totalCount edges { node { id } } }
                    accountOwner { id }
                  }
                }""";
        JsonNode company = acme.data(query, "id", companyId).path("company");
        // Run again, the query's parsed document is known up front: relation fields still load.
        assertEquals(company, acme.data(query, "id", companyId).path("company"));
        JsonNode top = company.path("people");
        assertEquals(2, top.path("totalCount").asInt(), "the soft-deleted person is hidden");
        assertEquals("Bob", top.path("edges").get(0).path("node").path("name").path("firstName").asText());
        assertEquals("Nested0", top.path("edges").get(0).path("node").path("company").path("name").asText());
        assertEquals(2, top.path("edges").get(0).path("node").path("company").path("people").path("totalCount").asInt());
        assertTrue(top.path("pageInfo").path("hasNextPage").asBoolean());
        assertEquals(1, company.path("lyon").path("totalCount").asInt());
        assertEquals("Ann", company.path("lyon").path("edges").get(0).path("node").path("name").path("firstName").asText());
        JsonNode tail = company.path("tail");
        assertEquals("Ann", tail.path("edges").get(0).path("node").path("name").path("firstName").asText());
        assertTrue(tail.path("pageInfo").path("hasPreviousPage").asBoolean());
        assertFalse(tail.path("pageInfo").path("hasNextPage").asBoolean());
        assertEquals(0, company.path("opportunities").path("totalCount").asInt());
        assertTrue(company.path("accountOwner").isNull());

        // The next page of a nested connection, with the cursor it handed out.
        JsonNode next = acme.data("query($id: UUID, $after: String) { company(filter: {id: {eq: $id}}) { "
                + "people(orderBy: [{name: {firstName: DescNullsLast}}], first: 1, after: $after) { edges { node { city } } "
                + "pageInfo { hasNextPage hasPreviousPage } } } }", "id", companyId, "after", top.path("pageInfo").path("endCursor").asText());
        JsonNode nextPeople = next.path("company").path("people");
        assertEquals(List.of("Lyon"), nodes(nextPeople, "city"));
        assertFalse(nextPeople.path("pageInfo").path("hasNextPage").asBoolean());
        assertTrue(nextPeople.path("pageInfo").path("hasPreviousPage").asBoolean());
    }

    @Test
    void relationsAreReadWithTheirRecords() {
        List<String> companyIds = companies("Along", 2);
        List<Object> people = new ArrayList<>();
        for (String first : List.of("Ann", "Bob", "Cid")) {
            Map<String, Object> person = new LinkedHashMap<>(map("name", map("firstName", first, "lastName", "Along")));
            if (!first.equals("Cid")) {
                person.put("companyId", companyIds.get(first.equals("Ann") ? 0 : 1));
            }
            people.add(person);
        }
        String annId = acme.data("mutation($data: [PersonCreateInput!]!) { createPeople(data: $data) { id } }", "data", people)
                .path("createPeople").get(0).path("id").asText();
        acme.data("mutation($id: UUID!) { deleteCompany(id: $id) { id } }", "id", companyIds.get(1));

        // Two aliases selecting different fields, and the company's own relation in turn.
        String list = "{ people(filter: {name: {lastName: {eq: \"Along\"}}}, orderBy: [{name: {firstName: AscNullsFirst}}]) "
                + "{ edges { node { name { firstName } company { name accountOwner { id } } employer: company { id employees } } } } }";
        JsonNode edges = acme.data(list).path("people").path("edges");
        JsonNode ann = edges.get(0).path("node");
        assertEquals("Along0", ann.path("company").path("name").asText());
        assertTrue(ann.path("company").has("accountOwner") && ann.path("company").path("accountOwner").isNull(), ann.toString());
        assertEquals(companyIds.get(0), ann.path("employer").path("id").asText());
        assertEquals(100, ann.path("employer").path("employees").asInt());
        assertFalse(ann.path("employer").has("name"), ann.toString());
        assertTrue(edges.get(1).path("node").path("company").isNull(), "Bob's company is soft-deleted: " + edges);
        assertTrue(edges.get(2).path("node").path("employer").isNull(), "Cid has no company: " + edges);
        // With a directive graphql-java completes every field itself: the same answer.
        assertEquals(edges, acme.data(list.replace("employer: company", "employer: company @include(if: true)"))
                .path("people").path("edges"));

        // A connection without arguments is read along too, under both its names; with arguments it is not.
        String deeId = acme.data("mutation($data: PersonCreateInput!) { createPerson(data: $data) { id } }", "data",
                map("name", map("firstName", "Dee", "lastName", "Along"), "companyId", companyIds.get(0))).path("createPerson").path("id").asText();
        acme.data("mutation($id: UUID!) { deletePerson(id: $id) { id } }", "id", deeId);
        String one = "query($id: UUID) { person(filter: {id: {eq: $id}}) { company { name people { totalCount "
                + "edges { node { name { firstName } company { name } } } } staff: people { edges { node { id } } } } } }";
        JsonNode company = acme.data(one, "id", annId).path("person").path("company");
        assertEquals("Along0", company.path("name").asText());
        assertEquals(1, company.path("people").path("totalCount").asInt(), "Dee is soft-deleted: " + company);
        assertEquals("Along0", company.path("people").path("edges").get(0).path("node").path("company").path("name").asText());
        assertEquals(annId, company.path("staff").path("edges").get(0).path("node").path("id").asText());
        JsonNode withArguments = acme.data(one.replace("staff: people {", "staff: people(first: 0) {"), "id", annId)
                .path("person").path("company");
        assertEquals(company.path("people"), withArguments.path("people"));
        assertEquals(0, withArguments.path("staff").path("edges").size(), withArguments.toString());
    }

    @Test
    void connectionsComputeTheSelectedAggregates() {
        acme.data("""
                mutation { createCompanies(data: [
                  {name: "AggA", employees: 10, idealCustomerProfile: true, annualRecurringRevenue: {amountMicros: 1000000, currencyCode: "EUR"}},
                  {name: "AggB", employees: 30, annualRecurringRevenue: {amountMicros: 3000000, currencyCode: "EUR"}},
                  {name: "AggC", employees: 30},
                  {name: "AggD"}
                ]) { id } }""");
        JsonNode companies = acme.data("""
                { companies(filter: {name: {startsWith: "Agg"}}, first: 1) {
                    totalCount
                    countEmptyEmployees countNotEmptyEmployees countUniqueValuesEmployees
                    percentageEmptyEmployees percentageNotEmptyEmployees
                    minEmployees maxEmployees avgEmployees sumEmployees
                    sumAnnualRecurringRevenueAmountMicros minAnnualRecurringRevenueAmountMicros avgAnnualRecurringRevenueAmountMicros
                    countEmptyAnnualRecurringRevenue
                    countTrueIdealCustomerProfile countFalseIdealCustomerProfile
                    countUniqueValuesName countEmptyDomainName
                    minCreatedAt maxCreatedAt
                    edges { node { name } }
                } }""").path("companies");
        assertEquals(4, companies.path("totalCount").asInt());
        assertEquals(1, companies.path("edges").size());
        assertEquals(1, companies.path("countEmptyEmployees").asInt());
        assertEquals(3, companies.path("countNotEmptyEmployees").asInt());
        assertEquals(2, companies.path("countUniqueValuesEmployees").asInt());
        assertEquals(0.25, companies.path("percentageEmptyEmployees").asDouble(), 1e-9);
        assertEquals(0.75, companies.path("percentageNotEmptyEmployees").asDouble(), 1e-9);
        assertEquals(10.0, companies.path("minEmployees").asDouble());
        assertEquals(30.0, companies.path("maxEmployees").asDouble());
        assertEquals(70.0 / 3, companies.path("avgEmployees").asDouble(), 1e-9);
        assertEquals(70.0, companies.path("sumEmployees").asDouble());
        assertEquals(4000000.0, companies.path("sumAnnualRecurringRevenueAmountMicros").asDouble());
        assertEquals(1000000.0, companies.path("minAnnualRecurringRevenueAmountMicros").asDouble());
        assertEquals(2000000.0, companies.path("avgAnnualRecurringRevenueAmountMicros").asDouble());
        assertEquals(2, companies.path("countEmptyAnnualRecurringRevenue").asInt());
        assertEquals(1, companies.path("countTrueIdealCustomerProfile").asInt());
        assertEquals(3, companies.path("countFalseIdealCustomerProfile").asInt());
        assertEquals(4, companies.path("countUniqueValuesName").asInt());
        assertEquals(4, companies.path("countEmptyDomainName").asInt());
        assertTrue(companies.path("minCreatedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                companies.toString());

        JsonNode none = acme.data("{ companies(filter: {name: {eq: \"AggNone\"}}) { totalCount countEmptyName percentageEmptyName maxEmployees } }")
                .path("companies");
        assertEquals(0, none.path("totalCount").asInt());
        assertEquals(0, none.path("countEmptyName").asInt());
        assertTrue(none.path("percentageEmptyName").isNull());
        assertTrue(none.path("maxEmployees").isNull());
    }

    @Test
    void mutationsCreateUpdateDeleteRestoreAndDestroy() {
        JsonNode created = acme.data("mutation { createCompany(data: {name: \"MutOne\", employees: 1}) { id name employees createdBy { source name } } }")
                .path("createCompany");
        String id = created.path("id").asText();
        assertEquals("API", created.path("createdBy").path("source").asText());
        assertEquals("acme tests", created.path("createdBy").path("name").asText());

        JsonNode updated = acme.data("mutation($id: UUID!) { updateCompany(id: $id, data: {employees: 2, domainName: {primaryLinkUrl: \"https://mut.one/\"}}) { "
                + COMPANY_FIELDS + " } }", "id", id).path("updateCompany");
        assertEquals(2, updated.path("employees").asInt());
        assertEquals("https://mut.one", updated.path("domainName").path("primaryLinkUrl").asText());

        JsonNode upserted = acme.data("mutation($data: [CompanyCreateInput!]!) { createCompanies(data: $data, upsert: true) { id name employees } }",
                "data", List.of(map("id", id, "name", "MutOne", "employees", 3), map("name", "MutTwo"))).path("createCompanies");
        assertEquals(id, upserted.get(0).path("id").asText());
        assertEquals(3, upserted.get(0).path("employees").asInt());
        assertEquals("MutTwo", upserted.get(1).path("name").asText());

        JsonNode many = acme.data("mutation { updateCompanies(data: {employees: 7}, filter: {name: {startsWith: \"Mut\"}}) { name employees } }")
                .path("updateCompanies");
        assertEquals(2, many.size());
        many.forEach(c -> assertEquals(7, c.path("employees").asInt()));

        JsonNode deleted = acme.data("mutation($id: UUID!) { deleteCompany(id: $id) { id deletedAt } }", "id", id).path("deleteCompany");
        assertFalse(deleted.path("deletedAt").isNull());
        assertEquals(List.of("MutTwo"), nodes(acme.data("{ companies(filter: {name: {startsWith: \"Mut\"}}) { edges { node { name } } } }")
                .path("companies"), "name"));
        assertEquals(List.of("MutOne"), nodes(acme.data("{ companies(filter: {name: {startsWith: \"Mut\"}, not: {deletedAt: {is: NULL}}}) "
                + "{ edges { node { name } } } }").path("companies"), "name"));
        assertTrue(acme.data("query($id: UUID) { company(filter: {id: {eq: $id}}) { id } }", "id", id).path("company").isNull());

        JsonNode restored = acme.data("mutation($id: UUID!) { restoreCompany(id: $id) { name deletedAt } }", "id", id).path("restoreCompany");
        assertTrue(restored.path("deletedAt").isNull());

        assertEquals(2, acme.data("mutation { deleteCompanies(filter: {name: {startsWith: \"Mut\"}}) { id } }").path("deleteCompanies").size());
        assertEquals(2, acme.data("mutation { restoreCompanies(filter: {name: {startsWith: \"Mut\"}}) { id } }").path("restoreCompanies").size());
        assertEquals("MutOne", acme.data("mutation($id: UUID!) { destroyCompany(id: $id) { name } }", "id", id)
                .path("destroyCompany").path("name").asText());
        acme.error("NOT_FOUND", "RECORD_NOT_FOUND", "Record not found", "mutation($id: UUID!) { updateCompany(id: $id, data: {employees: 1}) { id } }",
                "id", id);
        JsonNode destroyed = acme.data("mutation { destroyCompanies(filter: {name: {eq: \"MutTwo\"}}) { name } }").path("destroyCompanies");
        assertEquals("MutTwo", destroyed.get(0).path("name").asText());
        assertEquals(0, acme.data("{ companies(filter: {name: {startsWith: \"Mut\"}, or: [{deletedAt: {is: NULL}}, {deletedAt: {is: NOT_NULL}}]}) "
                + "{ totalCount } }").path("companies").path("totalCount").asInt());
    }

    @Test
    void bulkMutationsRefuseAnEmptyFilterAndChangeNothing() {
        companies("Guard", 1);
        for (String mutation : List.of("updateCompanies(data: {employees: 1}, filter: %s)", "deleteCompanies(filter: %s)",
                "destroyCompanies(filter: %s)", "restoreCompanies(filter: %s)")) {
            for (String empty : List.of("{}", "{and: []}")) {
                acme.error("BAD_USER_INPUT", "INVALID_QUERY_INPUT", "A non-empty filter is required",
                        "mutation { " + mutation.formatted(empty) + " { id } }");
            }
        }
        JsonNode guard = acme.data("{ companies(filter: {name: {eq: \"Guard0\"}}) { edges { node { employees deletedAt } } } }");
        assertEquals(100, guard.path("companies").path("edges").get(0).path("node").path("employees").asInt());
    }

    @Test
    void aMutationIsOneTransactionAndBatchesHaveALimit() {
        TestServer.Reply refused = acme.post("mutation($data: [PersonCreateInput!]!) { createPeople(data: $data) { id } }", "data", List.of(
                map("name", map("firstName", "Atomic"), "emails", map("primaryEmail", "atomic@example.com")),
                map("name", map("firstName", "Atomic"), "emails", map("primaryEmail", "atomic@example.com"))));
        Graphql.single(refused, 200, "BAD_USER_INPUT", null, "A duplicate entry was detected");
        assertEquals(0, acme.data("{ people(filter: {name: {firstName: {eq: \"Atomic\"}}}) { totalCount } }")
                .path("people").path("totalCount").asInt());

        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            tooMany.add(map("name", "Batch" + i));
        }
        acme.error("BAD_USER_INPUT", null, "A batch create takes at most 60 records per request, got 61",
                "mutation($data: [CompanyCreateInput!]!) { createCompanies(data: $data) { id } }", "data", tooMany);
        assertEquals(60, acme.data("mutation($data: [CompanyCreateInput!]!) { createCompanies(data: $data) { id } }",
                "data", tooMany.subList(0, 60)).path("createCompanies").size());
    }

    @Test
    void duplicatesAreFoundByDataOrById() {
        List<String> ids = companies("Twin", 1);
        acme.data("mutation { createCompany(data: {name: \"Twin0\"}) { id } }");
        JsonNode byData = acme.data("{ companyDuplicates(data: [{name: \"Twin0\"}, {name: \"Nobody\"}]) { totalCount edges { node { name } } } }")
                .path("companyDuplicates");
        assertEquals(2, byData.size());
        assertEquals(2, byData.get(0).path("totalCount").asInt());
        assertEquals(0, byData.get(1).path("totalCount").asInt());
        JsonNode byId = acme.data("query($ids: [UUID]) { companyDuplicates(ids: $ids) { totalCount edges { node { id name } } } }", "ids", ids)
                .path("companyDuplicates");
        assertEquals(1, byId.get(0).path("totalCount").asInt());
        assertFalse(byId.get(0).path("edges").get(0).path("node").path("id").asText().equals(ids.get(0)));
        acme.error("BAD_USER_INPUT", null, "You cannot provide both \"data\" and \"ids\" arguments",
                "query($ids: [UUID]) { companyDuplicates(ids: $ids, data: [{name: \"x\"}]) { totalCount } }", "ids", ids);
        acme.error("BAD_USER_INPUT", null, "The \"data\" condition can not be empty when \"ids\" input not provided",
                "{ companyDuplicates(data: []) { totalCount } }");
    }

    @Test
    void errorsUseTheGraphqlEnvelopeWithTheContractsCodes() {
        acme.error("GRAPHQL_PARSE_FAILED", null, null, "{ companies { ");
        acme.error("GRAPHQL_VALIDATION_FAILED", null, null, "{ companies { edges { node { nope } } } }");
        acme.error("GRAPHQL_VALIDATION_FAILED", null, null, "{ company(filter: {id: {eq: \"not-a-uuid\"}}) { id } }");
        acme.error("GRAPHQL_VALIDATION_FAILED", null, null, "query($id: UUID!) { deleteCompany(id: $id) { id } }", "id", "not-a-uuid");
        acme.error("GRAPHQL_VALIDATION_FAILED", null, null, "{ pets { totalCount } }");
        Graphql.single(server.send(server.acmeKey, "POST", "/graphql", "{\"query\": "), 400, "BAD_USER_INPUT", null,
                "The request body is not valid JSON");
        Graphql.single(server.send(server.acmeKey, "POST", "/graphql", Map.of("variables", Map.of())), 400, "BAD_USER_INPUT", null,
                "The request body must be a JSON object with a \"query\" string");
    }

    @Test
    void missingOrBadKeysGet401WithUnauthenticated() {
        String query = "{ companies { totalCount } }";
        Graphql.single(server.graphql(null, query, null), 401, "UNAUTHENTICATED", null, "Missing authentication token");
        Graphql.single(server.graphql("not-a-key", query, null), 401, "UNAUTHENTICATED", null, "Token invalid.");
        var revoked = server.keys().create(server.acme.id(), "revoked", java.time.OffsetDateTime.now().plusDays(1));
        server.keys().revoke(revoked.key().id());
        Graphql.single(server.graphql(revoked.token(), query, null), 401, "UNAUTHENTICATED", null, "This API Key is revoked");
        Graphql.single(server.graphql(null, IntrospectionQuery.INTROSPECTION_QUERY, null), 401, "UNAUTHENTICATED", null, null);
    }

    @Test
    void tooDeepOrTooComplexQueriesAreRefusedBeforeTheyRun() {
        // companies > edges > node, then (people > edges > node > company) three times, then id: 16 fields deep.
        String nested = "id";
        for (int i = 0; i < 3; i++) {
            nested = "people { edges { node { company { " + nested + " } } } }";
        }
        TestServer.Reply deep = acme.post("{ companies { edges { node { " + nested + " } } } }");
        JsonNode error = Graphql.single(deep, 200, "BAD_USER_INPUT", "TOO_COMPLEX_QUERY", "The query is 16 fields deep; at most 15 are allowed");
        assertTrue(error.path("path").isMissingNode());
        assertFalse(deep.body().has("data") && !deep.body().path("data").isNull(), deep.raw().body());

        StringBuilder wide = new StringBuilder("{ companies { ");
        for (int i = 0; i < 2000; i++) {
            wide.append("c").append(i).append(": totalCount ");
        }
        Graphql.single(acme.post(wide.append("} }").toString()), 200, "BAD_USER_INPUT", "TOO_COMPLEX_QUERY",
                "The query selects 2001 fields; at most 2000 are allowed (query complexity)");
    }

    @Test
    void aQuerySentAgainIsCheckedAgainstTheLimitsAndAnswersAlike() {
        // The second request of each query text reuses its parsed and validated document.
        String nested = "id";
        for (int i = 0; i < 3; i++) {
            nested = "people { edges { node { company { " + nested + " } } } }";
        }
        String deep = "{ companies { edges { node { " + nested + " } } } }";
        for (int round = 0; round < 2; round++) {
            Graphql.single(acme.post(deep), 200, "BAD_USER_INPUT", "TOO_COMPLEX_QUERY", "The query is 16 fields deep; at most 15 are allowed");
            acme.error("GRAPHQL_VALIDATION_FAILED", null, null, "{ companies { edges { node { nope } } } }");
        }
        String byName = "query($name: String) { companies(filter: {name: {eq: $name}}) { totalCount } }";
        JsonNode first = acme.data(byName, "name", "no such company " + UUID.randomUUID());
        String existing = acme.data("{ companies(first: 1) { edges { node { name } } } }")
                .path("companies").path("edges").path(0).path("node").path("name").asText();
        JsonNode second = acme.data(byName, "name", existing);
        assertEquals(0, first.path("companies").path("totalCount").asInt());
        assertTrue(second.path("companies").path("totalCount").asInt() >= 1, second.toString());

        // With @include, one query text is as deep as its variables make it, every time it is sent.
        String maybeDeep = "query($deep: Boolean!) { companies { edges { node { id ... @include(if: $deep) { "
                + nested + " } } } } }";
        for (int round = 0; round < 2; round++) {
            acme.data(maybeDeep, "deep", false);
            acme.error("BAD_USER_INPUT", "TOO_COMPLEX_QUERY", "The query is 16 fields deep; at most 15 are allowed", maybeDeep, "deep", true);
        }
    }

    @Test
    void fieldsSelectedThroughFragmentsAndDirectivesAreReadAndAnswered() {
        String id = acme.data("mutation { createCompany(data: {name: \"Fragment Co\", employees: 42, "
                + "domainName: {primaryLinkUrl: \"https://fragment.example\"}}) { id } }").path("createCompany").path("id").asText();
        String query = """
                query($id: UUID!, $withName: Boolean!, $skipEmployees: Boolean!) {
                  companies(filter: {id: {eq: $id}}) {
                    ...Counted
                    edges { node { ...Dated ... on Company { domainName { primaryLinkUrl } }
                      ... @include(if: $withName) { name } employees @skip(if: $skipEmployees) } }
                  }
                  company(filter: {id: {eq: $id}}) { ...Dated name @include(if: $withName) }
                }
                fragment Counted on CompanyConnection { totalCount }
                fragment Dated on Company { createdAt }""";

        JsonNode all = acme.data(query, "id", id, "withName", true, "skipEmployees", false);
        assertEquals(1, all.path("companies").path("totalCount").asInt());
        JsonNode node = all.path("companies").path("edges").path(0).path("node");
        assertEquals("Fragment Co", node.path("name").asText());
        assertEquals(42, node.path("employees").asInt());
        assertEquals("https://fragment.example", node.path("domainName").path("primaryLinkUrl").asText());
        assertTrue(node.path("createdAt").isTextual(), node.toString());
        assertEquals("Fragment Co", all.path("company").path("name").asText());
        assertEquals(node.path("createdAt"), all.path("company").path("createdAt"));

        JsonNode some = acme.data(query, "id", id, "withName", false, "skipEmployees", true);
        JsonNode narrow = some.path("companies").path("edges").path(0).path("node");
        assertFalse(narrow.has("name") || narrow.has("employees"), narrow.toString());
        assertEquals("https://fragment.example", narrow.path("domainName").path("primaryLinkUrl").asText());
        assertFalse(some.path("company").has("name"));
    }

    @Test
    void theStandardIntrospectionQueryDescribesTheCallersWorkspace() {
        JsonNode schema = acme.data(IntrospectionQuery.INTROSPECTION_QUERY).path("__schema");
        List<String> types = new ArrayList<>();
        schema.path("types").forEach(t -> types.add(t.path("name").asText()));
        assertTrue(types.containsAll(List.of("Company", "CompanyConnection", "CompanyFilterInput", "OrderByDirection", "PageInfo")), types.toString());
        assertFalse(types.contains("Pet"));
        assertEquals("Query", schema.path("queryType").path("name").asText());
        JsonNode shelter = new Graphql(server, server.shelterKey).data(IntrospectionQuery.INTROSPECTION_QUERY).path("__schema");
        assertTrue(shelter.path("types").toString().contains("\"PetConnection\""));
    }

    @Test
    void graphiqlAndItsAssetsAreServedFromTheJar() {
        for (String page : List.of("/graphql", "/graphiql/")) {
            TestServer.Reply reply = server.send(null, "GET", page, null);
            assertEquals(200, reply.status(), page);
            assertTrue(reply.header("Content-Type").startsWith("text/html"), page);
            assertTrue(reply.raw().body().contains("/graphiql/vendor/graphiql/graphiql.min.js"), page);
        }
        for (String asset : List.of("/graphiql/vendor/graphiql/graphiql.min.js", "/graphiql/vendor/graphiql/graphiql.min.css",
                "/graphiql/vendor/react/react.production.min.js", "/graphiql/vendor/react-dom/react-dom.production.min.js",
                "/graphiql/playground.js")) {
            TestServer.Reply reply = server.send(null, "GET", asset, null);
            assertEquals(200, reply.status(), asset);
            assertTrue(reply.raw().body().length() > 100, asset);
        }
    }

    @Test
    void otherMethodsOnTheGraphqlRouteGet405WithTheMethodsItAllows() {
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            TestServer.Reply reply = server.send(server.acmeKey, method, "/graphql", Map.of("query", "{ companies { totalCount } }"));
            assertEquals(405, reply.status(), method);
            assertEquals("GET, HEAD, POST, OPTIONS", reply.header("Allow"), method);
            assertEquals("MethodNotAllowedException", reply.body().path("error").asText(), reply.raw().body());
        }
    }
}
