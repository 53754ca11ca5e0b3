package dev.crmschema.runtime.graphql;

import dev.crmschema.runtime.errors.ApiException;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of a GraphQL response: graphql-java's {@code data}/{@code errors} envelope, with an
 * {@code extensions.code} on every error (reference contract, section 7.2).
 */
public final class ResponseBody {
    private ResponseBody() {}

    public static Map<String, Object> of(ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>(result.toSpecification());
        if (!result.getErrors().isEmpty()) {
            body.put("errors", result.getErrors().stream().map(ResponseBody::error).toList());
        }
        return body;
    }

    /** A request refused before execution (bad key, malformed body): errors only, no data. */
    public static Map<String, Object> refused(ApiException refused) {
        return only(refused.getMessage(), ErrorCodes.of(refused));
    }

    /** An unexpected failure, without any of its details. */
    public static Map<String, Object> internal() {
        return only(ErrorCodes.INTERNAL_MESSAGE,
                ErrorCodes.extensions(ErrorCodes.INTERNAL_SERVER_ERROR, null, ErrorCodes.INTERNAL_MESSAGE));
    }

    private static Map<String, Object> only(String message, Map<String, Object> extensions) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        return Map.of("errors", List.of(error));
    }

    private static Map<String, Object> error(GraphQLError error) {
        Map<String, Object> specification = new LinkedHashMap<>(error.toSpecification());
        if (specification.containsKey("locations")) {
            specification.put("locations", error.getLocations().stream()
                    .filter(location -> location.getLine() > 0 && location.getColumn() > 0)
                    .map(ResponseBody::location).toList());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.putIfAbsent("code", ErrorCodes.forClassification(error.getErrorType()));
        specification.put("extensions", extensions);
        return specification;
    }

    /** graphql-java's own location map is a {@code Map.of}, whose key order changes from one JVM to the next. */
    private static Map<String, Object> location(SourceLocation location) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("line", location.getLine());
        ordered.put("column", location.getColumn());
        return ordered;
    }
}
