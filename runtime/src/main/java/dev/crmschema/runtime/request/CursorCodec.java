package dev.crmschema.runtime.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.runtime.errors.ApiException;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Keyset cursors (reference contract, section 1.5): base64 of the JSON object
 * {@code {"<path>": value, …, "id": "<uuid>"}} holding the ordered-on values of one record, keyed by
 * each order item's path as written in requests. Encoding uses the URL-safe alphabet without padding;
 * decoding also takes the standard alphabet, with or without padding.
 */
public final class CursorCodec {
    public static final String INVALID_CURSOR = "INVALID_CURSOR";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public CursorCodec() {}

    /** The cursor of the record whose ordered-on values are {@code values}, one per order item. */
    public String encode(List<OrderItem> order, Cursor values) {
        if (values.values().size() != order.size()) {
            throw new IllegalArgumentException(
                    "a cursor needs one value per order item: " + order.size() + " items, " + values.values().size() + " values");
        }
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < order.size(); i++) {
            node.set(order.get(i).path().display(), CursorValues.write(values.values().get(i)));
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cursor", e);
        }
    }

    /** The values a cursor holds, converted to the order items' column types. */
    public Cursor decode(List<OrderItem> order, String cursor) {
        try {
            JsonNode node = JSON.readTree(Base64.getDecoder().decode(standardAlphabet(cursor)));
            if (node == null || !node.isObject() || node.size() != order.size()) {
                throw invalid(cursor);
            }
            List<Object> values = new ArrayList<>(order.size());
            for (OrderItem item : order) {
                JsonNode value = node.get(item.path().display());
                if (value == null) {
                    throw invalid(cursor);
                }
                values.add(CursorValues.read(item.path(), value));
            }
            return new Cursor(Collections.unmodifiableList(values));
        } catch (IOException | IllegalArgumentException | DateTimeException | ApiException e) {
            throw invalid(cursor);
        }
    }

    /** URL-safe characters back to the standard alphabet; a space is a '+' that a query string decoded. */
    private static String standardAlphabet(String cursor) {
        return cursor.replace('-', '+').replace('_', '/').replace(' ', '+');
    }

    private static ApiException invalid(String cursor) {
        return ApiException.badRequest("Invalid cursor: " + cursor, INVALID_CURSOR);
    }
}
