package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assertions on {@code POST /graphql} replies of a {@link TestServer}. */
final class Graphql {
    private final TestServer server;
    private final String key;

    Graphql(TestServer server, String key) {
        this.server = server;
        this.key = key;
    }

    TestServer.Reply post(String query, Object... variables) {
        return server.graphql(key, query, variables.length == 0 ? null : map(variables));
    }

    /** The data of a reply that must have succeeded completely. */
    JsonNode data(String query, Object... variables) {
        TestServer.Reply reply = post(query, variables);
        assertEquals(200, reply.status(), reply.raw().body());
        assertFalse(reply.body().has("errors"), reply.raw().body());
        return reply.body().path("data");
    }

    /** The one error of a reply that must have failed, after checking its code, sub-code and message. */
    JsonNode error(String code, String subCode, String message, String query, Object... variables) {
        TestServer.Reply reply = post(query, variables);
        return single(reply, 200, code, subCode, message);
    }

    static JsonNode single(TestServer.Reply reply, int status, String code, String subCode, String message) {
        assertEquals(status, reply.status(), reply.raw().body());
        JsonNode errors = reply.body().path("errors");
        assertEquals(1, errors.size(), reply.raw().body());
        JsonNode error = errors.get(0);
        assertEquals(code, error.path("extensions").path("code").asText(), reply.raw().body());
        if (subCode != null) {
            assertEquals(subCode, error.path("extensions").path("subCode").asText(), reply.raw().body());
        }
        if (message != null) {
            assertEquals(message, error.path("message").asText(), reply.raw().body());
        }
        assertNoInternals(reply);
        return error;
    }

    /** No stack trace, class name or SQL in what the client sees. */
    static void assertNoInternals(TestServer.Reply reply) {
        String body = reply.raw().body();
        for (String leak : List.of("Exception", "\tat ", "select ", "SELECT ", "insert into", "jooq", "org.postgresql")) {
            assertFalse(body.contains(leak), "response leaks '" + leak + "': " + body);
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The values of one field of a connection's nodes, in order. */
    static List<String> nodes(JsonNode connection, String field) {
        assertTrue(connection.has("edges"), connection.toString());
        List<String> values = new ArrayList<>();
        connection.path("edges").forEach(edge -> values.add(edge.path("node").path(field).asText()));
        return values;
    }
}
