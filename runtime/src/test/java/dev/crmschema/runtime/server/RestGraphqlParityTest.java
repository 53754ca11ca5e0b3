package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same reads through REST and GraphQL return the same records, counts, page flags and cursors,
 * and cursors from one API page the other: both run on the same request model and record store.
 * GraphQL selects every field REST returns at depth 0, so records compare whole.
 */
class RestGraphqlParityTest {
    private static TestServer server;
    private static Workspace acmeModel;
    private static Workspace shelterModel;

    @BeforeAll
    static void start() {
        server = new TestServer();
        acmeModel = SchemaCompiler.check(TestServer.renamed("standard", "acme")).workspace().orElseThrow();
        shelterModel = SchemaCompiler.check(TestServer.renamed("showcase", "shelter")).workspace().orElseThrow();
        seed();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void seed() {
        for (int i = 0; i < 7; i++) {
            Map<String, Object> company = new java.util.LinkedHashMap<>();
            company.put("name", "Par" + (char) ('A' + i % 4) + i);
            if (i % 3 != 0) {
                company.put("employees", 10 * (i % 4));
                company.put("domainName", Map.of("primaryLinkUrl", "https://par" + (6 - i) + ".com"));
            }
            company.put("annualRecurringRevenue", Map.of("amountMicros", 1000000L * i, "currencyCode", i % 2 == 0 ? "EUR" : "USD"));
            company.put("idealCustomerProfile", i % 2 == 0);
            JsonNode created = server.send(server.acmeKey, "POST", "/rest/companies", company).body().path("data").path("createCompany");
            server.send(server.acmeKey, "POST", "/rest/batch/people", List.of(
                    Map.of("name", Map.of("firstName", "P" + i, "lastName", "Par"), "city", i % 2 == 0 ? "Lyon" : "Paris",
                            "companyId", created.path("id").asText()),
                    Map.of("name", Map.of("firstName", "Q" + i, "lastName", "Par"), "companyId", created.path("id").asText())));
        }
        String shelterId = server.send(server.shelterKey, "POST", "/rest/shelters", Map.of("name", "Parity"))
                .body().path("data").path("createShelter").path("id").asText();
        for (int i = 0; i < 5; i++) {
            server.send(server.shelterKey, "POST", "/rest/pets", Map.of("name", "ParPet" + i, "shelterId", shelterId,
                    "weightKg", new BigDecimal(i + ".5"), "species", i % 2 == 0 ? "DOG" : "CAT",
                    "colors", i % 3 == 0 ? List.of("BLACK") : List.of("WHITE", "GINGER"), "birthday", "2020-01-0" + (i + 1),
                    "monthlyCost", Map.of("amountMicros", 2500000L * i, "currencyCode", "EUR"), "traits", Map.of("n", i),
                    "tags", List.of("t" + i), "friendliness", "RATING_" + (i % 5 + 1)));
        }
        // A soft-deleted record must be hidden from both APIs alike.
        String deleted = server.get(server.acmeKey, "/rest/companies?filter=" + q("name[eq]:\"ParA0\"")).body()
                .path("data").path("companies").get(0).path("id").asText();
        server.send(server.acmeKey, "DELETE", "/rest/companies/" + deleted + "?soft_delete=true", null);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One list read written for both APIs. */
    private record Scenario(String key, Workspace model, String object, String rest, String graphql) {}

    private static List<Scenario> scenarios() {
        return List.of(
                new Scenario(server.acmeKey, acmeModel, "company", "filter=" + q("name[startsWith]:\"Par\"") + "&order_by="
                        + q("employees[DescNullsLast],name") + "&limit=3",
                        "filter: {name: {startsWith: \"Par\"}}, orderBy: [{employees: DescNullsLast}, {name: AscNullsFirst}], first: 3"),
                new Scenario(server.acmeKey, acmeModel, "company", "filter=" + q("or(name[like]:\"ParB%\",and(idealCustomerProfile[eq]:true,"
                        + "annualRecurringRevenue.currencyCode[eq]:\"EUR\"),not(employees[is]:NOT_NULL))") + "&order_by="
                        + q("domainName.primaryLinkUrl[AscNullsLast]") + "&limit=10",
                        "filter: {or: [{name: {like: \"ParB%\"}}, {and: [{idealCustomerProfile: {eq: true}}, "
                                + "{annualRecurringRevenue: {currencyCode: {eq: \"EUR\"}}}]}, {not: {employees: {is: NOT_NULL}}}]}, "
                                + "orderBy: [{domainName: {primaryLinkUrl: AscNullsLast}}], first: 10"),
                new Scenario(server.acmeKey, acmeModel, "company", "filter=" + q("name[startsWith]:\"Par\",deletedAt[is]:NOT_NULL"),
                        "filter: {name: {startsWith: \"Par\"}, deletedAt: {is: NOT_NULL}}, first: 60"),
                new Scenario(server.acmeKey, acmeModel, "person", "filter=" + q("name.lastName[eq]:\"Par\",city[in]:[\"Lyon\",\"Paris\"]")
                        + "&order_by=" + q("city[DescNullsFirst],name.firstName[AscNullsLast]") + "&limit=4",
                        "filter: {name: {lastName: {eq: \"Par\"}}, city: {in: [\"Lyon\", \"Paris\"]}}, "
                                + "orderBy: [{city: DescNullsFirst}, {name: {firstName: AscNullsLast}}], first: 4"),
                new Scenario(server.shelterKey, shelterModel, "pet", "filter=" + q("colors[containsAny]:[GINGER],species[in]:[CAT,DOG],"
                        + "monthlyCost.amountMicros[gte]:2500000") + "&order_by=" + q("weightKg[DescNullsFirst]") + "&limit=2",
                        "filter: {colors: {containsAny: [GINGER]}, species: {in: [CAT, DOG]}, monthlyCost: {amountMicros: {gte: 2500000}}}, "
                                + "orderBy: [{weightKg: DescNullsFirst}], first: 2"),
                new Scenario(server.shelterKey, shelterModel, "pet", "filter=" + q("name[startsWith]:\"ParPet\",birthday[gte]:\"2020-01-02\"")
                        + "&order_by=" + q("friendliness[DescNullsLast]") + "&limit=10",
                        "filter: {name: {startsWith: \"ParPet\"}, birthday: {gte: \"2020-01-02\"}}, orderBy: [{friendliness: DescNullsLast}], first: 10"));
    }

    @Test
    void listsReturnTheSameRecordsCountsFlagsAndCursors() {
        for (Scenario scenario : scenarios()) {
            ObjectType object = scenario.model().require(scenario.object());
            JsonNode rest = server.get(scenario.key(), "/rest/" + object.namePlural() + "?" + scenario.rest()).body();
            JsonNode graphql = connection(scenario, scenario.graphql());
            assertSame(scenario, object, rest, graphql);
            assertTrue(rest.path("data").path(object.namePlural()).size() > 0, "a scenario without records proves little: " + scenario);
        }
    }

    @Test
    void cursorsFromOneApiPageTheOther() {
        for (Scenario scenario : scenarios().subList(0, 2)) {
            ObjectType object = scenario.model().require(scenario.object());
            String plural = object.namePlural();
            String restFirst = scenario.rest().replaceAll("limit=\\d+", "limit=2");
            String graphqlFirst = scenario.graphql().replaceAll("first: \\d+", "first: 2");
            String endCursor = server.get(scenario.key(), "/rest/" + plural + "?" + restFirst).body().path("pageInfo").path("endCursor").asText();

            JsonNode restNext = server.get(scenario.key(), "/rest/" + plural + "?" + restFirst + "&starting_after=" + q(endCursor)).body();
            JsonNode graphqlNext = connection(scenario, graphqlFirst + ", after: \"" + endCursor + "\"");
            assertSame(scenario, object, restNext, graphqlNext);

            String startCursor = graphqlNext.path("pageInfo").path("startCursor").asText();
            JsonNode restBack = server.get(scenario.key(), "/rest/" + plural + "?" + restFirst + "&ending_before=" + q(startCursor)).body();
            JsonNode graphqlBack = connection(scenario, graphqlFirst.replace("first: 2", "last: 2") + ", before: \"" + startCursor + "\"");
            assertSame(scenario, object, restBack, graphqlBack);
        }
    }

    @Test
    void writesThroughOneApiReadTheSameThroughTheOther() {
        ObjectType company = acmeModel.require("company");
        JsonNode created = new Graphql(server, server.acmeKey).data("mutation { createCompany(data: {name: \"ParWrite\", employees: 5, "
                + "address: {addressCity: \"Oslo\", addressLat: 59.9}, annualRecurringRevenue: {amountMicros: 12345678, currencyCode: \"NOK\"}}) { "
                + selection(company) + " } }").path("createCompany");
        JsonNode rest = server.get(server.acmeKey, "/rest/companies/" + created.path("id").asText()).body().path("data").path("company");
        assertEquivalent(rest, created, "created through GraphQL");

        JsonNode patched = server.send(server.acmeKey, "PATCH", "/rest/companies/" + created.path("id").asText(),
                Map.of("employees", 6, "xLink", Map.of("primaryLinkUrl", "https://x.com/par"))).body().path("data").path("updateCompany");
        JsonNode read = new Graphql(server, server.acmeKey).data("query($id: UUID) { company(filter: {id: {eq: $id}}) { "
                + selection(company) + " } }", "id", created.path("id").asText()).path("company");
        assertEquivalent(patched, read, "updated through REST");
    }

    private static JsonNode connection(Scenario scenario, String arguments) {
        ObjectType object = scenario.model().require(scenario.object());
        String query = "{ " + object.namePlural() + "(" + arguments + ") { totalCount edges { cursor node { " + selection(object)
                + " } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }";
        return new Graphql(server, scenario.key()).data(query).path(object.namePlural());
    }

    private static void assertSame(Scenario scenario, ObjectType object, JsonNode rest, JsonNode graphql) {
        ArrayNode graphqlRecords = JsonNodeFactory.instance.arrayNode();
        graphql.path("edges").forEach(edge -> graphqlRecords.add(edge.path("node")));
        assertEquivalent(rest.path("data").path(object.namePlural()), graphqlRecords, scenario.toString());
        assertEquals(rest.path("totalCount").asInt(), graphql.path("totalCount").asInt(), scenario.toString());
        for (String info : List.of("startCursor", "endCursor", "hasNextPage", "hasPreviousPage")) {
            assertEquals(rest.path("pageInfo").path(info), graphql.path("pageInfo").path(info), info + " of " + scenario);
        }
        if (!graphql.path("edges").isEmpty()) {
            assertEquals(graphql.path("pageInfo").path("endCursor"), graphql.path("edges").get(graphql.path("edges").size() - 1).path("cursor"));
        }
    }

    /** Equal JSON, numbers compared by value (REST writes 12.0 where GraphQL's Float writes 12.0 or 12). */
    private static void assertEquivalent(JsonNode expected, JsonNode actual, String what) {
        assertTrue(expected.equals((a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1,
                actual), what + "\nREST:    " + expected + "\nGraphQL: " + actual);
    }

    /** Every field REST returns at depth 0: scalars, composites with all parts, MANY_TO_ONE join columns. */
    private static String selection(ObjectType object) {
        return object.fields().stream()
                .filter(f -> !f.isOneToMany() && f.kind() != FieldKind.TS_VECTOR)
                .map(RestGraphqlParityTest::select)
                .collect(Collectors.joining(" "));
    }

    private static String select(Field field) {
        if (field.isManyToOne()) {
            return Names.joinColumn(field.name());
        }
        if (field.kind().isComposite()) {
            return field.name() + " { " + field.kind().properties().stream().map(CompositeProperty::name).collect(Collectors.joining(" ")) + " }";
        }
        return field.name();
    }
}
