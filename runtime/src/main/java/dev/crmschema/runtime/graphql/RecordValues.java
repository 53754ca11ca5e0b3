package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GraphQL inputs as the JSON bodies the REST parsers read. Records go the other way through
 * {@link dev.crmschema.runtime.query.PlainValues}: a record's JSON (reference contract, section 1.8) is
 * already keyed by GraphQL field name, with composites as nested objects and MANY_TO_ONE relations as
 * their join column, which is exactly what {@code GraphObject} expects.
 */
final class RecordValues {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RecordValues() {}

    /** A GraphQL input (maps, lists, strings, numbers, booleans, nulls) as a JSON body. */
    static JsonNode toJson(Object input) {
        return JSON.valueToTree(input);
    }
}
