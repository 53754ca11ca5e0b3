package dev.crmschema.runtime.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads JSON request bodies into trees, the body type of the REST and metadata endpoints, with the
 * application's mapper through one prepared reader: the same tree as Jackson's JAX-RS provider gives (an
 * empty body is {@code null}, for the endpoint to refuse), without that provider's per-request lookup of
 * settings for the resource's annotations and its reader built for them. Other body types go to the
 * providers they went to before; the interceptors that check size and UTF-8 wrap the stream before it
 * gets here.
 */
@Consumes(MediaType.APPLICATION_JSON)
public final class JsonTreeReader implements MessageBodyReader<JsonNode> {
    private final ObjectReader reader;

    public JsonTreeReader(ObjectMapper mapper) {
        this.reader = mapper.readerFor(JsonNode.class);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonNode.class && MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType);
    }

    @Override
    public JsonNode readFrom(Class<JsonNode> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        // Jersey closes the request stream itself; the parser only releases its buffers.
        try (JsonParser parser = reader.createParser(entityStream)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (parser.nextToken() == null) {
                return null;
            }
            return reader.readValue(parser);
        }
    }
}
