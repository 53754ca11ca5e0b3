package dev.crmschema.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.runtime.CrmServerApplication;
import io.dropwizard.jackson.Jackson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreeReaderTest {
    private final ObjectMapper mapper = CrmServerApplication.configureJson(Jackson.newObjectMapper());
    private final JsonTreeReader reader = new JsonTreeReader(mapper);

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"Zoë\",\"amount\":12.50,\"employees\":75,\"tags\":[\"a\",true,null],\"o\":{}}",
            "[{\"name\":\"a\"},{\"name\":\"b\"}]", "  {\"a\":1}  \n", "\"text\"", "1.0", "null"})
    void readsTheTreeTheMapperReads(String body) throws IOException {
        assertEquals(mapper.readTree(body), read(body));
    }

    @Test
    void anEmptyBodyIsNull() throws IOException {
        assertNull(read(""));
        assertNull(read("  \n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} x", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}", "{\"a\":", "{a:1}"})
    void refusesWhatTheMapperRefuses(String body) {
        assertThrows(JsonProcessingException.class, () -> mapper.readTree(body));
        assertThrows(JsonProcessingException.class, () -> read(body));
    }

    @Test
    void takesJsonTreesOfJsonOnly() {
        Annotation[] none = new Annotation[0];
        assertTrue(reader.isReadable(JsonNode.class, JsonNode.class, none, MediaType.APPLICATION_JSON_TYPE));
        assertTrue(reader.isReadable(JsonNode.class, JsonNode.class, none, MediaType.valueOf("application/json; charset=UTF-8")));
        // A parameter typed as an object must not get an array.
        assertFalse(reader.isReadable(ObjectNode.class, ObjectNode.class, none, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(reader.isReadable(String.class, String.class, none, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(reader.isReadable(JsonNode.class, JsonNode.class, none, MediaType.TEXT_PLAIN_TYPE));
    }

    private JsonNode read(String body) throws IOException {
        return reader.readFrom(JsonNode.class, JsonNode.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
