package dev.crmschema.runtime.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes JSON trees, the bodies of the REST API, with the application's mapper, straight to the
 * response: the same bytes as Jackson's JAX-RS provider, without the per-response work that provider
 * does for arbitrary types (looking up its settings for the resource's annotations, building a writer
 * for them, checking for JSONP). Any other entity still goes to that provider.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class JsonTreeWriter implements MessageBodyWriter<JsonNode> {
    private final ObjectWriter writer;

    public JsonTreeWriter(ObjectMapper mapper) {
        // Jersey closes the response stream itself.
        this.writer = mapper.writerFor(JsonNode.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonNode.class.isAssignableFrom(type) && MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType);
    }

    @Override
    public void writeTo(JsonNode body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        writer.writeValue(entityStream, body);
    }
}
