package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.runtime.errors.ApiException;
import java.util.Map;

/**
 * The body of {@code POST /graphql}: {@code {"query": "...", "operationName": "...", "variables": {...}}}.
 * Variables keep decimals exact (BigFloat values and currency micros must not pass through a double).
 */
public record GraphqlRequest(String query, String operationName, Map<String, Object> variables) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Parses a request body; a body that is not such an object is refused with 400. */
    public static GraphqlRequest parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object with a \"query\" string");
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isTextual() || query.textValue().isBlank()) {
            throw ApiException.badRequest("The request body must be a JSON object with a \"query\" string");
        }
        JsonNode operationName = root.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw ApiException.badRequest("\"operationName\" must be a string");
        }
        JsonNode variables = root.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            throw ApiException.badRequest("\"variables\" must be a JSON object");
        }
        return new GraphqlRequest(query.textValue(),
                operationName == null || operationName.isNull() ? null : operationName.textValue(),
                variables == null || variables.isNull() ? Map.of() : toMap(variables));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode variables) {
        return JSON.convertValue(variables, Map.class);
    }
}
