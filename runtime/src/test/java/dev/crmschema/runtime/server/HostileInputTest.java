package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends every request of the hostile-input corpus to a real server: malformed and malicious parameters,
 * bodies, headers and URLs. None may get a 5xx or a response that shows server internals (stack
 * traces, SQL, library names); refused ones must leave every workspace table and the core tables as
 * they were, checked with a checksum of their rows around each request.
 */
class HostileInputTest {
    private static final String[] CORPUS = {"parameters.json", "bodies.json", "http.json"};

    /** Text a response must never show, unless the request itself carried it (messages echo input). */
    private static final List<String> INTERNALS = List.of("org.postgresql", "psqlexception", "jooq", "sqlstate", "\tat ",
            "java.lang", "java.util", "java.io", "org.eclipse.jetty", "org.glassfish", "com.fasterxml", "hikari",
            "dev.crmschema", "syntax error at or near", "select ", "insert into", "update \"", "delete from", "stack trace");

    private static final Pattern REPEAT = Pattern.compile("\\$\\{repeat:(\\d+):(.*?)\\}\\$", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestServer server;
    private static Map<String, String> placeholders;

    @BeforeAll
    static void start() {
        server = new TestServer();
        TestServer.Reply company = server.send(server.acmeKey, "POST", "/rest/companies", Map.of("name", "Hostile Seed", "employees", 5));
        String companyId = company.body().path("data").path("createCompany").path("id").asText();
        TestServer.Reply person = server.send(server.acmeKey, "POST", "/rest/people",
                Map.of("name", Map.of("firstName", "Seed", "lastName", "Person"), "companyId", companyId));
        placeholders = new TreeMap<>(Map.of(
                "{company}", companyId,
                "{person}", person.body().path("data").path("createPerson").path("id").asText(),
                "{acmeKeyId}", server.acmeKey.substring(4, 36),
                "{acmeKey}", server.acmeKey));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsAClean4xxOrIsLegitimatelyValid() {
        return HostileRequest.load(CORPUS).stream().map(request -> DynamicTest.dynamicTest(request.toString(), () -> check(request)));
    }

    private static void check(HostileRequest request) {
        String before = request.changesNothing() ? checksum() : null;
        Sent sent = request.raw() != null ? sendRaw(request) : send(request);
        String where = request + " -> " + sent.status + " " + abbreviate(sent.body);
        if (request.status() != null) {
            assertEquals(request.status().intValue(), sent.status, where);
        } else {
            assertTrue(sent.status < 500, "server error: " + where);
        }
        if (sent.status >= 400) {
            // 2xx responses carry stored records, which may be hostile text themselves
            String requestText = sent.requestText.toLowerCase(Locale.ROOT);
            String responseText = sent.body.toLowerCase(Locale.ROOT);
            for (String internal : INTERNALS) {
                if (!requestText.contains(internal)) {
                    assertFalse(responseText.contains(internal), "response shows '" + internal + "': " + where);
                }
            }
            assertContractError(sent, where);
        }
        switch (request.expect()) {
            case "refused" -> assertTrue(sent.status >= 400 && sent.status < 500, "not refused: " + where);
            case "answered" -> {
                assertTrue(sent.status >= 200 && sent.status < 300, "not answered: " + where);
                if (request.count() != null) {
                    assertEquals(request.count().intValue(), json(sent.body).path("totalCount").asInt(-1), where);
                }
            }
            case "stored" -> assertStoredVerbatim(request, sent, where);
            default -> { }
        }
        if (before != null) {
            assertEquals(before, checksum(), "the database changed: " + where);
        }
    }

    /** The contract's error body, with the response's own status. */
    private static void assertContractError(Sent sent, String where) {
        JsonNode body = json(sent.body);
        assertEquals(sent.status, body.path("statusCode").asInt(), where);
        assertTrue(body.path("error").isTextual(), where);
        assertTrue(body.path("messages").isArray() && body.path("messages").get(0).isTextual(), where);
    }

    /** Every string in the sent body is in the created record at the same place, also when read again. */
    private static void assertStoredVerbatim(HostileRequest request, Sent sent, String where) {
        assertEquals(201, sent.status, where);
        JsonNode created = json(sent.body).path("data").elements().next();
        String sentText = new String(body(request), StandardCharsets.UTF_8);
        JsonNode sentBody = json(sentText.startsWith("\uFEFF") ? sentText.substring(1) : sentText);
        String plural = request.path().substring("/rest/".length());
        TestServer.Reply read = server.get(request.key().equals("shelter") ? server.shelterKey : server.acmeKey,
                "/rest/" + plural + "/" + created.path("id").asText());
        assertEquals(200, read.status(), where);
        JsonNode reread = read.body().path("data").elements().next();
        for (Map.Entry<String, String> leaf : stringLeaves(sentBody, "").entrySet()) {
            JsonPointer at = JsonPointer.compile(leaf.getKey());
            assertEquals(leaf.getValue(), created.at(at).asText(null), leaf.getKey() + " as created: " + where);
            assertEquals(leaf.getValue(), reread.at(at).asText(null), leaf.getKey() + " as read again: " + where);
        }
    }

    private static Map<String, String> stringLeaves(JsonNode node, String pointer) {
        Map<String, String> leaves = new TreeMap<>();
        if (node.isTextual()) {
            leaves.put(pointer, node.textValue());
        } else if (node.isContainerNode()) {
            if (node.isObject()) {
                node.properties().forEach(e -> leaves.putAll(stringLeaves(e.getValue(), pointer + "/" + escape(e.getKey()))));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    leaves.putAll(stringLeaves(node.get(i), pointer + "/" + i));
                }
            }
        }
        return leaves;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** What was sent (as text, for the echo rule) and what came back. */
    private record Sent(int status, String body, String requestText) {}

    private static Sent send(HostileRequest request) {
        StringBuilder uri = new StringBuilder(server.baseUrl()).append(substitute(request.path()));
        List<String> parameters = new ArrayList<>();
        request.query().forEach((name, value) -> parameters.add(encode(name) + "=" + encode(substitute(value))));
        if (request.rawQuery() != null) {
            parameters.add(substitute(request.rawQuery()));
        }
        if (!parameters.isEmpty()) {
            uri.append('?').append(String.join("&", parameters));
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(uri.toString()));
        switch (request.key()) {
            case "acme" -> http.header("Authorization", "Bearer " + server.acmeKey);
            case "shelter" -> http.header("Authorization", "Bearer " + server.shelterKey);
            case "none" -> { }
            default -> http.header("Authorization", substitute(request.key()));
        }
        byte[] body = body(request);
        boolean typed = request.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"));
        if (body != null && !typed) {
            http.header("Content-Type", "application/json");
        }
        request.headers().forEach((name, value) -> http.header(name, substitute(value)));
        http.method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String requestText = uri + " " + request.key() + " " + request.headers() + " "
                + (body == null ? "" : new String(body, StandardCharsets.UTF_8)) + " "
                + java.net.URLDecoder.decode(uri.toString().replace("+", "%2B"), StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
            return new Sent(response.statusCode(), response.body(), requestText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(request + ": the HTTP client refuses this request; use 'raw'", e);
        }
    }

    private static byte[] body(HostileRequest request) {
        if (request.rawBodyBase64() != null) {
            return Base64.getDecoder().decode(request.rawBodyBase64());
        } else if (request.rawBody() != null) {
            return substitute(request.rawBody()).getBytes(StandardCharsets.UTF_8);
        } else if (request.body() != null) {
            return substitute(request.body().toString()).getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** Writes the request's exact text to a socket: for request lines and headers an HTTP client would not send. */
    private static Sent sendRaw(HostileRequest request) {
        URI base = URI.create(server.baseUrl());
        String text = substitute(request.raw()).replace("{host}", base.getHost() + ":" + base.getPort());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String all = response.toString(StandardCharsets.ISO_8859_1);
            int statusStart = all.indexOf(' ') + 1;
            if (statusStart <= 0 || all.length() < statusStart + 3) {
                fail(request + ": no HTTP response: " + abbreviate(all));
            }
            int status = Integer.parseInt(all.substring(statusStart, statusStart + 3));
            int headersEnd = all.indexOf("\r\n\r\n");
            String headers = headersEnd < 0 ? all : all.substring(0, headersEnd);
            String body = headersEnd < 0 ? "" : all.substring(headersEnd + 4);
            if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunked(body);
            }
            return new Sent(status, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), text);
        } catch (IOException e) {
            throw new UncheckedIOException(request + ": " + e.getMessage(), e);
        }
    }

    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return body.toString();
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim().split(";")[0], 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** Fills in the placeholders, and expands <code>${repeat:N:text}$</code> to N times the text (keeps the corpus small). */
    private static String substitute(String text) {
        if (text == null) {
            return null;
        }
        String result = REPEAT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            result = result.replace(placeholder.getKey(), placeholder.getValue());
        }
        return result;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }

    /**
     * One checksum over the rows of every table of every workspace schema and of the core schema, except
     * the rate-limit counters (which count refused requests too) and the log of record changes (which the
     * server compacts while the test runs; the tables it logs are summed themselves).
     */
    private static String checksum() {
        DSLContext dsl = server.database.dsl();
        List<String> tables = dsl.fetch("SELECT table_schema, table_name FROM information_schema.tables "
                        + "WHERE table_type = 'BASE TABLE' AND (table_schema LIKE 'workspace\\_%' "
                        + "OR (table_schema = 'core' AND table_name NOT IN ('rate_limit_window', 'record_change'))) ORDER BY 1, 2")
                .map(r -> r.get(0, String.class) + "." + r.get(1, String.class));
        return tables.stream().map(table -> {
            String[] parts = table.split("\\.");
            Object sum = dsl.fetchValue("SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {0} t",
                    DSL.table(DSL.name(parts[0], parts[1])));
            return table + "=" + sum;
        }).collect(Collectors.joining(","));
    }
}
