package dev.crmschema.runtime.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GraphQL body writer writes exactly what the application's ObjectMapper writes for the same body. */
class ResponseJsonTest {
    private static final ObjectMapper MAPPER = Jackson.newObjectMapper();

    @Test
    void writesEveryValueAsTheMapperDoes() throws IOException {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", "19a33de1-97e6-5c7c-9bd7-aa7ace0a2d69");
        node.put("name", "Quote \" backslash \\ tab \t and é ✓");
        node.put("employees", 75);
        node.put("views", 12_000_000_000L);
        node.put("ratio", 0.25);
        node.put("notANumber", Double.NaN);
        node.put("amountMicros", new BigDecimal("1200.5000"));
        node.put("position", new BigDecimal("1E+3"));
        node.put("idealCustomerProfile", Boolean.TRUE);
        node.put("deletedAt", null);
        node.put("tags", Arrays.asList("a", null, "c"));
        node.put("labels", new LinkedHashSet<>(List.of("RED", "BLUE")));
        node.put("details", MAPPER.readTree("{\"nested\":[1,2.50,{\"x\":null}],\"flag\":false}"));
        node.put("createdAt", OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC));
        node.put("empty", Map.of());
        // Keys are escaped as the mapper escapes them, through their cached encoding too.
        node.put("quoted \" key \u0001 é ✓", "value");
        List<Object> edges = new ArrayList<>();
        edges.add(Map.of("node", node));
        edges.add(Map.of("node", Map.of("id", "x", "people", Map.of("edges", List.of()))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", Map.of("companies", Map.of("edges", edges, "totalCount", 2)));
        body.put("errors", List.of(Map.of("message", "boom", "path", List.of("companies", 0))));

        assertEquals(MAPPER.writeValueAsString(body), written(body));
    }

    @Test
    void writesAnErrorOnlyBody() throws IOException {
        Map<String, Object> body = Map.of("errors", List.of(Map.of("message", "Token invalid.",
                "extensions", Map.of("code", "UNAUTHENTICATED"))));
        assertEquals(MAPPER.writeValueAsString(body), written(body));
    }

    private static String written(Object body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResponseJson(MAPPER.writer(), body).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
