package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves records between the JSON the query layer speaks and the plain maps of the GraphQL support API.
 * A record's JSON (reference contract, section 1.8) is already keyed by GraphQL field name, with
 * composites as nested objects and MANY_TO_ONE relations as their join column, which is exactly what
 * {@code GraphObject} expects; GraphQL inputs become the JSON bodies the REST parsers read.
 */
final class RecordValues {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RecordValues() {}

    /** {@link #toMap} of each record, in order. */
    static List<Map<String, Object>> toMaps(List<ObjectNode> records) {
        List<Map<String, Object>> maps = new ArrayList<>(records.size());
        records.forEach(record -> maps.add(toMap(record)));
        return maps;
    }

    /**
     * A record as nested maps and lists, walked directly: {@code convertValue} round-trips through a
     * token buffer and cost a fifth of a GraphQL read's CPU. Floating-point numbers become
     * {@code BigDecimal}, as the mapper's {@code USE_BIG_DECIMAL_FOR_FLOATS} makes them for inputs.
     */
    static Map<String, Object> toMap(ObjectNode record) {
        Map<String, Object> map = new LinkedHashMap<>();
        record.fields().forEachRemaining(field -> map.put(field.getKey(), value(field.getValue())));
        return map;
    }

    private static Object value(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> toMap((ObjectNode) node);
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

    /** A GraphQL input (maps, lists, strings, numbers, booleans, nulls) as a JSON body. */
    static JsonNode toJson(Object input) {
        return JSON.valueToTree(input);
    }
}
