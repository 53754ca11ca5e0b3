package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.runtime.errors.ApiException;
import java.util.Map;

/**
 * The body of {@code POST /graphql}: {@code {"query": "...", "operationName": "...", "variables": {...}}}.
 * Variables keep decimals exact (BigFloat values and currency micros must not pass through a double).
 */
public record GraphqlRequest(String query, String operationName, Map<String, Object> variables) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * Parses a request body; a body that is not such an object is refused with 400. Read straight into
     * maps and lists, which graphql-java takes as variables: through a JSON tree it cost twice as much.
     */
    public static GraphqlRequest parse(String body) {
        Object root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
        if (!(root instanceof Map<?, ?> fields)) {
            throw ApiException.badRequest("The request body must be a JSON object with a \"query\" string");
        }
        if (!(fields.get("query") instanceof String query) || query.isBlank()) {
            throw ApiException.badRequest("The request body must be a JSON object with a \"query\" string");
        }
        Object operationName = fields.get("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            throw ApiException.badRequest("\"operationName\" must be a string");
        }
        Object variables = fields.get("variables");
        if (variables != null && !(variables instanceof Map)) {
            throw ApiException.badRequest("\"variables\" must be a JSON object");
        }
        return new GraphqlRequest(query, (String) operationName, variables == null ? Map.of() : variables(variables));
    }

    /** A JSON object read as {@code Object}: a map with string keys. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Object variables) {
        return (Map<String, Object>) variables;
    }
}
