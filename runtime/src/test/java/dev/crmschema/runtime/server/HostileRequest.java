package dev.crmschema.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of the hostile-input corpus ({@code src/test/resources/hostile/*.json}): a request and what
 * the server may answer.
 *
 * <ul>
 *   <li>{@code expect: refused}: a 4xx, and the database unchanged.</li>
 *   <li>{@code expect: answered}: the input is legitimately valid (SQL-looking text is just text): a 2xx,
 *       the database unchanged, and {@code count} records when given.</li>
 *   <li>{@code expect: stored}: a valid create: 201, and every string in the body stored verbatim.</li>
 *   <li>{@code expect: harmless}: any status below 500 and the database unchanged (URL forms whose
 *       meaning is up to the HTTP layer, such as path normalisation).</li>
 * </ul>
 * {@code status} names the one status allowed instead (Jetty's 505 for an unknown HTTP version).
 * Requests are sent through an HTTP client unless {@code raw} gives the exact bytes of the request line
 * and headers (for URLs no client would send). Placeholders in paths, queries, bodies and raw requests:
 * {@code {company}}, {@code {person}}, {@code {acmeKeyId}}, {@code {acmeKey}}, and <code>${repeat:N:text}$</code>
 * for N times the text (long inputs, kept short in the file).
 */
record HostileRequest(
        String file, String name, String expect, String key, String method, String path, Map<String, String> query,
        String rawQuery, JsonNode body, String rawBody, String rawBodyBase64, Map<String, String> headers, String raw,
        Integer count, Integer status) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<HostileRequest> load(String... files) {
        List<HostileRequest> requests = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = HostileRequest.class.getResourceAsStream("/hostile/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("no corpus file " + file);
                }
                for (JsonNode entry : JSON.readTree(in)) {
                    requests.add(of(file, entry));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return requests;
    }

    private static HostileRequest of(String file, JsonNode entry) {
        Map<String, String> query = new TreeMap<>();
        entry.path("query").properties().forEach(e -> query.put(e.getKey(), e.getValue().asText()));
        Map<String, String> headers = new TreeMap<>();
        entry.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        String expect = entry.path("expect").asText("refused");
        if (!List.of("refused", "answered", "stored", "harmless").contains(expect)) {
            throw new IllegalArgumentException(entry.path("name").asText() + ": unknown expect " + expect);
        }
        return new HostileRequest(file, entry.path("name").asText(), expect, entry.path("key").asText("acme"),
                entry.path("method").asText("GET"), entry.path("path").asText(null), query,
                entry.path("rawQuery").asText(null), entry.get("body"), entry.path("rawBody").asText(null),
                entry.path("rawBodyBase64").asText(null), headers, entry.path("raw").asText(null),
                entry.has("count") ? entry.get("count").asInt() : null, entry.has("status") ? entry.get("status").asInt() : null);
    }

    boolean changesNothing() {
        return !expect.equals("stored");
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }
}
