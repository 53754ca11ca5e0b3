package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workspace isolation on every endpoint family, both ways: a key of one workspace that names a record,
 * object, field, key or role of the other workspace gets exactly the answer it gets for an id that exists
 * nowhere, so it cannot read, change, count or even learn of it; and the other workspace's data is
 * unchanged afterwards.
 */
@ExtendWith(SharedServer.class)
class IsolationAcrossEndpointsTest {
    private static TestServer server;
    private static Side acme;
    private static Side shelter;

    /** One workspace's key and the ids of things it owns. */
    private record Side(String name, String key, String company, String companyName, String object, String field, String apiKey) {}

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
        acme = side("acme", server.acmeKey);
        shelter = side("shelter", server.shelterKey);
    }

    private static Side side(String name, String key) {
        String companyName = "Isolation " + name + " " + UUID.randomUUID();
        String company = data(server.send(key, "POST", "/rest/companies", Map.of("name", companyName, "employees", 7)), 201,
                "createCompany").path("id").asText();
        JsonNode companies = server.get(key, "/rest/metadata/objects/companies").body();
        String object = companies.path("id").asText();
        String field = "";
        for (JsonNode candidate : companies.path("fields")) {
            if (candidate.path("name").asText().equals("employees")) {
                field = candidate.path("id").asText();
            }
        }
        JsonNode keys = server.get(key, "/rest/metadata/apiKeys").body();
        String apiKey = keys.findValuesAsText("id").get(0);
        return new Side(name, key, company, companyName, object, field, apiKey);
    }

    @Test
    void idsOfTheOtherWorkspaceAreAnsweredLikeIdsThatExistNowhere() {
        assertNotEquals(acme.object(), shelter.object(), "object ids must be per workspace");
        for (Side[] pair : List.of(new Side[] {acme, shelter}, new Side[] {shelter, acme})) {
            Side caller = pair[0];
            Side owner = pair[1];
            for (Probe probe : probes(caller)) {
                TestServer.Reply foreign = probe.send(caller.key(), probe.idOf(owner));
                String nowhere = UUID.randomUUID().toString();
                TestServer.Reply absent = probe.send(caller.key(), nowhere);
                String what = caller.name() + " -> " + owner.name() + ": " + probe.description();
                assertTrue(foreign.status() < 500, what + ": " + foreign.raw().body());
                assertEquals(absent.status(), foreign.status(), what + ": " + foreign.raw().body());
                assertEquals(absent.raw().body().replace(nowhere, "ID"), foreign.raw().body().replace(probe.idOf(owner), "ID"), what);
                assertTrue(!foreign.raw().body().contains(owner.companyName()), what + " leaked a record: " + foreign.raw().body());
            }
        }
        for (Side owner : List.of(acme, shelter)) {
            JsonNode company = data(server.get(owner.key(), "/rest/companies/" + owner.company()), 200, "company");
            assertEquals(owner.companyName(), company.path("name").asText());
            assertEquals(7, company.path("employees").asInt());
            JsonNode field = server.get(owner.key(), "/rest/metadata/fields/" + owner.field()).body();
            assertEquals("employees", field.findValue("name").asText(), field.toString());
            assertTrue(!field.toString().contains("Hijacked"), field.toString());
        }
    }

    /** One request naming an id of some kind; {@code {id}} in the path or body is replaced by it. */
    private record Probe(String description, String method, String path, String body, Kind kind, boolean graphql) {
        enum Kind { RECORD, OBJECT, FIELD, KEY }

        String idOf(Side side) {
            return switch (kind) {
                case RECORD -> side.company();
                case OBJECT -> side.object();
                case FIELD -> side.field();
                case KEY -> side.apiKey();
            };
        }

        TestServer.Reply send(String key, String id) {
            if (graphql) {
                return server.send(key, "POST", path, Map.of("query", body.replace("{id}", id)));
            }
            // Ids are UUIDs: nothing to encode. A JSON body is sent as written.
            return server.send(key, method, path.replace("{id}", id), body == null ? null : body.replace("{id}", id));
        }
    }

    private static List<Probe> probes(Side caller) {
        String own = caller.company();
        return List.of(
                rest("REST get", "GET", "/rest/companies/{id}", null, Probe.Kind.RECORD),
                rest("REST list by id", "GET", "/rest/companies?filter=" + enc("id[eq]:\"{id}\""), null, Probe.Kind.RECORD),
                rest("REST update", "PATCH", "/rest/companies/{id}", "{\"employees\": 99}", Probe.Kind.RECORD),
                rest("REST bulk update", "PATCH", "/rest/companies?filter=" + enc("id[eq]:\"{id}\""), "{\"employees\": 99}", Probe.Kind.RECORD),
                rest("REST soft delete", "DELETE", "/rest/companies/{id}?soft_delete=true", null, Probe.Kind.RECORD),
                rest("REST restore", "PATCH", "/rest/companies/{id}/restore", null, Probe.Kind.RECORD),
                rest("REST destroy", "DELETE", "/rest/companies/{id}", null, Probe.Kind.RECORD),
                rest("REST duplicates", "POST", "/rest/companies/duplicates", "{\"ids\": [\"{id}\"]}", Probe.Kind.RECORD),
                rest("REST group by", "GET", "/rest/companies/groupBy?group_by=" + enc("[{\"name\":true}]") + "&filter="
                        + enc("id[eq]:\"{id}\""), null, Probe.Kind.RECORD),
                rest("REST merge", "PATCH", "/rest/companies/merge",
                        "{\"ids\": [\"" + own + "\", \"{id}\"], \"conflictPriorityIndex\": 0, \"dryRun\": true}", Probe.Kind.RECORD),
                graphql("GraphQL find one", "/graphql", "{ company(filter: {id: {eq: \"{id}\"}}) { id name } }", Probe.Kind.RECORD),
                graphql("GraphQL count", "/graphql", "{ companies(filter: {id: {eq: \"{id}\"}}) { totalCount edges { node { id } } } }",
                        Probe.Kind.RECORD),
                graphql("GraphQL update", "/graphql", "mutation { updateCompany(id: \"{id}\", data: {employees: 99}) { id } }",
                        Probe.Kind.RECORD),
                graphql("GraphQL delete", "/graphql", "mutation { deleteCompany(id: \"{id}\") { id } }", Probe.Kind.RECORD),
                graphql("GraphQL destroy", "/graphql", "mutation { destroyCompany(id: \"{id}\") { id } }", Probe.Kind.RECORD),
                graphql("GraphQL group by", "/graphql",
                        "{ companiesGroupBy(groupBy: [{name: true}], filter: {id: {eq: \"{id}\"}}) { totalCount groupByDimensionValues } }",
                        Probe.Kind.RECORD),
                rest("REST metadata object", "GET", "/rest/metadata/objects/{id}", null, Probe.Kind.OBJECT),
                rest("REST metadata field", "GET", "/rest/metadata/fields/{id}", null, Probe.Kind.FIELD),
                rest("REST metadata field update", "PATCH", "/rest/metadata/fields/{id}", "{\"label\": \"Hijacked\"}", Probe.Kind.FIELD),
                graphql("GraphQL metadata object", "/metadata", "{ object(id: \"{id}\") { id nameSingular } }", Probe.Kind.OBJECT),
                graphql("GraphQL metadata objects by id", "/metadata", "{ objects(filter: {id: {eq: \"{id}\"}}) { totalCount } }",
                        Probe.Kind.OBJECT),
                graphql("GraphQL metadata field update", "/metadata",
                        "mutation { updateOneField(input: {id: \"{id}\", update: {label: \"Hijacked\"}}) { id } }", Probe.Kind.FIELD),
                rest("REST metadata API key", "GET", "/rest/metadata/apiKeys/{id}", null, Probe.Kind.KEY),
                rest("REST metadata API key revoke", "POST", "/rest/metadata/apiKeys/{id}/revoke", null, Probe.Kind.KEY),
                graphql("GraphQL metadata API key", "/metadata", "{ apiKey(input: {id: \"{id}\"}) { id name } }", Probe.Kind.KEY),
                graphql("GraphQL metadata API key revoke", "/metadata", "mutation { revokeApiKey(input: {id: \"{id}\"}) { id } }",
                        Probe.Kind.KEY));
    }

    private static Probe rest(String description, String method, String path, String body, Probe.Kind kind) {
        return new Probe(description, method, path, body, kind, false);
    }

    private static Probe graphql(String description, String path, String query, Probe.Kind kind) {
        return new Probe(description, "POST", path, query, kind, true);
    }

    /** Form-encodes a query parameter's value, keeping the {id} placeholder intact for later replacement. */
    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%7Bid%7D", "{id}");
    }
}
