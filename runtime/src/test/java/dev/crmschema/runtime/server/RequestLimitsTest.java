package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.runtime.CrmServerConfiguration;
import io.dropwizard.util.DataSize;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request size and filter limits from the configuration, on a server instance with small limits: each
 * is refused with a clear 4xx before any SQL runs.
 */
class RequestLimitsTest {
    private static TestServer server;
    private static TestServer.Instance strict;

    @BeforeAll
    static void start() {
        server = new TestServer();
        CrmServerConfiguration configuration = server.configuration();
        configuration.getLimits().setRateLimit(TestServer.TEST_RATE_LIMIT);
        configuration.getLimits().setMaxRequestBody(DataSize.kibibytes(2));
        configuration.getLimits().setFilterMaxDepth(2);
        configuration.getLimits().setFilterMaxLength(200);
        configuration.getLimits().setFilterMaxListItems(3);
        configuration.setBatchMaxRecords(3);
        strict = server.startInstance(configuration);
    }

    @AfterAll
    static void stop() {
        strict.close();
        server.close();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aBodyLargerThanTheLimitGets413WithTheContractsBody() {
        TestServer.Reply tooLarge = strict.send(server.acmeKey, "POST", "/rest/companies", Map.of("name", "x".repeat(3000)));
        assertEquals(413, tooLarge.status(), tooLarge.raw().body());
        assertEquals("{\"statusCode\":413,\"error\":\"PayloadTooLargeException\",\"messages\":[\"Request body is larger than the "
                + "limit of 2048 bytes\"]}", tooLarge.raw().body());
        TestServer.Reply fits = strict.send(server.acmeKey, "POST", "/rest/companies", Map.of("name", "x".repeat(1000)));
        assertEquals(201, fits.status(), fits.raw().body());
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsCutOffWhileRead() throws IOException, InterruptedException {
        HttpResponse<String> response = postChunked("/rest/companies", "{\"name\":\"" + "y".repeat(5000) + "\"}");
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("PayloadTooLargeException"), response.body());
        assertEquals(0, server.get(server.acmeKey, "/rest/companies?filter=" + q("name[like]:\"yyyy%\"")).body()
                .path("totalCount").asInt());
    }

    @Test
    void aRefusedRequestsBodyIsReadSoTheConnectionServesTheNextRequest() throws IOException, InterruptedException {
        URI base = URI.create(strict.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // Refused before its body is read (no key), and the body arrives only after the headers.
            out.write(("POST /rest/batch/pets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write("[]GET /rest/open-api/core HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            // Both answers, one after the other on the one connection.
            List<String> statuses = Pattern.compile("HTTP/1\\.1 (\\d{3}) ").matcher(answers).results()
                    .map(match -> match.group(1)).toList();
            assertEquals(List.of("401", "200"), statuses, answers);
        }
    }

    @Test
    void graphqlBodiesHaveTheSameLimitsAndAreRefusedInAGraphqlEnvelope() throws IOException, InterruptedException {
        String query = "{ companies(filter: { name: { eq: \"%s\" } }) { totalCount } }";
        TestServer.Reply fits = strict.send(server.acmeKey, "POST", "/graphql", Map.of("query", query.formatted("x".repeat(1000))));
        assertEquals(200, fits.status(), fits.raw().body());
        TestServer.Reply tooLarge = strict.send("not-a-key", "POST", "/graphql", Map.of("query", query.formatted("x".repeat(3000))));
        assertEquals(413, tooLarge.status(), tooLarge.raw().body());
        assertEquals("Request body is larger than the limit of 2048 bytes", tooLarge.body().path("errors").get(0).path("message").asText());
        assertEquals("close", tooLarge.header("Connection"));

        HttpResponse<String> response = postChunked("/graphql",
                "{\"query\":\"" + query.formatted("y".repeat(5000)).replace("\"", "\\\"") + "\"}");
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"errors\":[{\"message\":\"Request body is larger"), response.body());

        byte[] notUtf8 = {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        RawHttp.Reply malformed = RawHttp.send(strict.baseUrl(), "POST", "/graphql",
                "Authorization: Bearer " + server.acmeKey + "\r\nContent-Type: application/json\r\n", notUtf8);
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("The request body is not valid UTF-8 (at byte 10)",
                TestServer.json(malformed.body()).path("errors").get(0).path("message").asText(), malformed.body());
    }

    @Test
    void theDefaultBodyLimitIsOneMebibyte() {
        TestServer.Reply tooLarge = server.send(server.acmeKey, "POST", "/rest/companies", Map.of("name", "z".repeat(1024 * 1024)));
        assertEquals(413, tooLarge.status());
        assertEquals("Request body is larger than the limit of 1048576 bytes", tooLarge.body().path("messages").get(0).asText());
    }

    @Test
    void aBodyIsRefusedBeforeTheKeyIsChecked() {
        TestServer.Reply tooLarge = strict.send("not-a-key", "POST", "/rest/companies", Map.of("name", "x".repeat(3000)));
        assertEquals(413, tooLarge.status());
    }

    @Test
    void filterLimitsComeFromTheConfiguration() {
        assertEquals(200, strict.send(server.acmeKey, "GET", "/rest/companies?filter=" + q("or(and(name[eq]:a))"), null).status());
        assertMessage(strict.send(server.acmeKey, "GET", "/rest/companies?filter=" + q("or(and(not(name[eq]:a)))"), null),
                "'filter' invalid. Conjunctions are nested more than 2 levels deep");
        assertMessage(strict.send(server.acmeKey, "GET", "/rest/companies?filter=" + q("name[eq]:" + "a".repeat(200)), null),
                "'filter' invalid. The filter is 209 characters long, at most 200 are allowed");
        assertMessage(strict.send(server.acmeKey, "GET", "/rest/companies?filter=" + q("name[in]:[a,b,c,d]"), null),
                "'filter' invalid for 'name[in]:[a,b,c,d]', 'in' takes at most 3 values, got 4");
        assertMessage(strict.send(server.acmeKey, "DELETE", "/rest/companies?filter=" + q("name[in]:[a,b,c,d]"), null),
                "'filter' invalid for 'name[in]:[a,b,c,d]', 'in' takes at most 3 values, got 4");
    }

    @Test
    void findDuplicatesTakesNoMoreInputsThanABatch() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add("00000000-0000-0000-0000-00000000000" + i);
        }
        assertMessage(strict.send(server.acmeKey, "POST", "/rest/companies/duplicates", Map.of("ids", ids)),
                "\"ids\" takes at most 3 items per request, got 4");
        assertMessage(strict.send(server.acmeKey, "POST", "/rest/companies/duplicates",
                Map.of("data", List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c"), Map.of("name", "d")))),
                "\"data\" takes at most 3 items per request, got 4");
        assertEquals(200, strict.send(server.acmeKey, "POST", "/rest/companies/duplicates", Map.of("ids", ids.subList(0, 3))).status());
    }

    /** POSTs {@code body} with the acme key as a stream of unknown length, so it goes chunked, without a Content-Length. */
    private static HttpResponse<String> postChunked(String path, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(strict.baseUrl() + path))
                .header("Authorization", "Bearer " + server.acmeKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertMessage(TestServer.Reply reply, String message) {
        assertEquals(400, reply.status(), reply.raw().body());
        assertEquals(message, reply.body().path("messages").get(0).asText(), reply.raw().body());
    }
}
