package dev.crmschema.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonTreeWriterTest {
    private final ObjectMapper mapper = Jackson.newObjectMapper();
    private final JsonTreeWriter writer = new JsonTreeWriter(mapper);

    @Test
    void writesTheBytesTheMapperWritesAndLeavesTheStreamOpen() throws IOException {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode company = body.putObject("data").putObject("company");
        company.put("name", "Zoë \"Acme\" \u2603 </script>");
        company.put("amount", new BigDecimal("12.50"));
        company.put("employees", 75L);
        company.putNull("deletedAt");
        company.putArray("tags").add("a").add(true).add(1.5);
        company.putObject("context");

        ClosingWatch out = new ClosingWatch();
        writer.writeTo(body, ObjectNode.class, ObjectNode.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);

        assertArrayEquals(mapper.writeValueAsBytes(body), out.toByteArray());
        assertFalse(out.closed, "Jersey closes the response stream, not the writer");
    }

    @Test
    void takesJsonTreesForJsonOnly() {
        assertTrue(writer.isWriteable(ObjectNode.class, ObjectNode.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertTrue(writer.isWriteable(JsonNode.class, JsonNode.class, new Annotation[0], MediaType.valueOf("application/json; charset=UTF-8")));
        assertFalse(writer.isWriteable(String.class, String.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertFalse(writer.isWriteable(ObjectNode.class, ObjectNode.class, new Annotation[0], MediaType.TEXT_HTML_TYPE));
    }

    private static final class ClosingWatch extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
