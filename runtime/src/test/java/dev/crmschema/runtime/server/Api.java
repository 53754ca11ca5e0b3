package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers the end-to-end REST tests share: query strings, envelopes and the contract's error body. */
final class Api {
    private Api() {}

    /** A query string from name/value pairs, each value form-encoded (so a space becomes {@code +}). */
    static String query(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.append(query.length() == 0 ? '?' : '&').append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** {@code data.<key>} of a success envelope, after checking the status. */
    static JsonNode data(TestServer.Reply reply, int status, String key) {
        assertEquals(status, reply.status(), reply.raw().body());
        assertNotNull(reply.body(), reply.raw().body());
        JsonNode value = reply.body().path("data").get(key);
        assertNotNull(value, "no data." + key + " in " + reply.raw().body());
        return value;
    }

    /** Asserts the contract's error body: status, error name and the one message. */
    static void assertError(TestServer.Reply reply, int status, String error, String message) {
        assertEquals(status, reply.status(), reply.raw().body());
        assertNotNull(reply.body(), "not JSON: " + reply.raw().body());
        assertEquals(status, reply.body().path("statusCode").asInt(), reply.raw().body());
        assertEquals(error, reply.body().path("error").asText(), reply.raw().body());
        assertEquals(1, reply.body().path("messages").size(), reply.raw().body());
        if (message != null) {
            assertEquals(message, reply.body().path("messages").get(0).asText(), reply.raw().body());
        }
    }

    /** A 400 BadRequestException with exactly this message. */
    static void assertBadRequest(TestServer.Reply reply, String message) {
        assertError(reply, 400, "BadRequestException", message);
    }

    /** A 400 BadRequestException whose message contains {@code part}. */
    static void assertBadRequestContaining(TestServer.Reply reply, String part) {
        assertError(reply, 400, "BadRequestException", null);
        String message = reply.body().path("messages").get(0).asText();
        if (!message.contains(part)) {
            throw new AssertionError("message '" + message + "' does not contain '" + part + "'");
        }
    }

    static List<String> texts(JsonNode records, String field) {
        List<String> values = new ArrayList<>();
        records.forEach(record -> values.add(record.path(field).asText()));
        return values;
    }

    /** A mutable map from name/value pairs, for request bodies with nulls or a fixed key order. */
    static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
