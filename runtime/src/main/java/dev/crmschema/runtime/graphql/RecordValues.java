package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(ObjectNode record) {
        return JSON.convertValue(record, Map.class);
    }

    /** A GraphQL input (maps, lists, strings, numbers, booleans, nulls) as a JSON body. */
    static JsonNode toJson(Object input) {
        return JSON.valueToTree(input);
    }
}
