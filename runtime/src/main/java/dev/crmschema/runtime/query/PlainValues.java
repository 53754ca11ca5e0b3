package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON records as the plain values the GraphQL support API reads: nested maps (in key order, mutable, so
 * the GraphQL layer can add the relations it reads along), lists, strings, numbers, booleans and nulls.
 * Floating-point numbers become {@code BigDecimal}, as {@code USE_BIG_DECIMAL_FOR_FLOATS} makes them
 * for GraphQL inputs. {@link RecordJson#values} shapes read rows into this form directly.
 */
public final class PlainValues {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PlainValues() {}

    /** {@link #of(ObjectNode)} of each record, in order. */
    public static List<Map<String, Object>> of(List<ObjectNode> records) {
        List<Map<String, Object>> maps = new ArrayList<>(records.size());
        records.forEach(record -> maps.add(of(record)));
        return maps;
    }

    /** A record walked directly: {@code convertValue} round-trips through a token buffer and cost a fifth of a GraphQL read's CPU. */
    public static Map<String, Object> of(ObjectNode record) {
        Map<String, Object> map = new LinkedHashMap<>();
        record.properties().forEach(field -> map.put(field.getKey(), value(field.getValue())));
        return map;
    }

    /** A JSON value in plain form. */
    static Object value(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> of((ObjectNode) node);
            case ARRAY -> {
                List<Object> items = new ArrayList<>(node.size());
                node.forEach(item -> items.add(value(item)));
                yield items;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> node.isFloatingPointNumber() ? node.decimalValue() : node.numberValue();
            case NULL, MISSING -> null;
            case BINARY, POJO -> JSON.convertValue(node, Object.class);
        };
    }
}
