package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-endpoint metrics on the admin port: every request is timed by method and route template and, on
 * record routes, by object; names never come from raw paths. The health checks report the database
 * and the loaded workspaces.
 */
@ExtendWith(SharedServer.class)
class RequestMetricsTest {
    private static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    private static JsonNode timers() {
        TestServer.Reply metrics = server.send(null, "GET", "/admin/metrics", null);
        assertEquals(200, metrics.status(), metrics.raw().body());
        return metrics.body().path("timers");
    }

    private static long count(JsonNode timers, String name) {
        return timers.path(name).path("count").asLong(0);
    }

    @Test
    void eachRouteAndObjectHasATimer() {
        JsonNode before = timers();
        String id = data(server.send(server.acmeKey, "POST", "/rest/companies", Map.of("name", "Metered Co")), 201, "createCompany")
                .path("id").asText();
        server.get(server.acmeKey, "/rest/companies?limit=1");
        server.get(server.acmeKey, "/rest/companies?limit=1");
        server.get(server.acmeKey, "/rest/people?limit=1");
        server.get(server.acmeKey, "/rest/companies/" + id);
        server.get(server.acmeKey, "/rest/companies/" + UUID.randomUUID());
        server.send(server.acmeKey, "PATCH", "/rest/companies/" + id + "/restore", null);
        server.send(server.acmeKey, "POST", "/rest/batch/companies", List.of());
        server.get(server.shelterKey, "/rest/pets?limit=1");
        server.get(null, "/rest/open-api/core");
        server.get(null, "/rest/companies");
        server.get(server.acmeKey, "/rest/no-such-object-" + UUID.randomUUID());
        server.send(server.acmeKey, "POST", "/graphql", Map.of("query", "{ companies { totalCount } }"));
        server.send(null, "POST", "/graphql", Map.of("query", "{ companies { totalCount } }"));
        server.get(null, "/graphql");
        JsonNode after = timers();

        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        expected.put("crm.requests.GET /rest/{plural}", 3L);
        expected.put("crm.requests.GET /rest/{plural}.companies", 2L);
        expected.put("crm.requests.GET /rest/{plural}.people", 1L);
        expected.put("crm.requests.GET /rest/{plural}/{id}", 2L);
        expected.put("crm.requests.GET /rest/{plural}/{id}.companies", 2L);
        expected.put("crm.requests.POST /rest/{plural}.companies", 1L);
        expected.put("crm.requests.PATCH /rest/{plural}/{id}/restore.companies", 1L);
        expected.put("crm.requests.POST /rest/batch/{plural}.companies", 1L);
        expected.put("crm.requests.GET /rest/{plural}.pets", 1L);
        expected.put("crm.requests.GET /rest/open-api/core", 1L);
        expected.put("crm.requests.GET unrouted", 2L);
        expected.put("crm.requests.POST /graphql", 2L);
        expected.put("crm.requests.GET /graphql", 1L);
        List<String> wrong = new ArrayList<>();
        expected.forEach((name, increase) -> {
            long actual = count(after, name) - count(before, name);
            if (actual < increase) {
                wrong.add(name + ": expected at least " + increase + " more, got " + actual);
            }
        });
        assertTrue(wrong.isEmpty(), wrong + "\nall timers: " + names(after));
        after.fieldNames().forEachRemaining(name -> assertFalse(name.contains("no-such-object"), name));
        JsonNode timer = after.path("crm.requests.GET /rest/{plural}");
        assertTrue(timer.path("max").asDouble() > 0, timer.toString());
    }

    @Test
    void healthChecksReportTheDatabaseAndTheWorkspaces() {
        TestServer.Reply health = server.send(null, "GET", "/admin/healthcheck", null);
        assertEquals(200, health.status(), health.raw().body());
        assertTrue(health.body().path("database").path("healthy").asBoolean(), health.raw().body());
        assertTrue(health.body().path("workspaces").path("healthy").asBoolean(), health.raw().body());
    }

    private static List<String> names(JsonNode timers) {
        List<String> names = new ArrayList<>();
        timers.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("crm.")) {
                names.add(name);
            }
        });
        return names;
    }
}
