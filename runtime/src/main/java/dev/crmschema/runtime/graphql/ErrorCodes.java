package dev.crmschema.runtime.graphql;

import dev.crmschema.runtime.errors.ApiException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code extensions} of GraphQL errors (reference contract, section 7.2): {@code code} says what
 * kind of error it is, {@code subCode} carries the domain code of an {@link ApiException}
 * ({@code INVALID_CURSOR}, {@code RECORD_NOT_FOUND}...), {@code userFriendlyMessage} what a user may be shown.
 */
public final class ErrorCodes {
    static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    static final String FORBIDDEN = "FORBIDDEN";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String CONFLICT = "CONFLICT";
    static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";

    /** What clients see instead of the message of an unexpected error. */
    static final String INTERNAL_MESSAGE = "An error occurred.";

    private ErrorCodes() {}

    static Map<String, Object> extensions(String code, String subCode, String userFriendlyMessage) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (subCode != null) {
            extensions.put("subCode", subCode);
        }
        extensions.put("userFriendlyMessage", userFriendlyMessage);
        return Collections.unmodifiableMap(extensions);
    }

    public static Map<String, Object> of(ApiException e) {
        return extensions(forStatus(e.status()), e.code().orElse(null), e.getMessage());
    }

    /** The code of an HTTP status; throttling is a user error in the reference system. */
    static String forStatus(int status) {
        return switch (status) {
            case 400, 429 -> BAD_USER_INPUT;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            default -> INTERNAL_SERVER_ERROR;
        };
    }

    /** The code of an error graphql-java raised itself (parsing, validation, coercing variables). */
    static String forClassification(ErrorClassification classification) {
        if (classification == ErrorType.InvalidSyntax) {
            return GRAPHQL_PARSE_FAILED;
        } else if (classification == ErrorType.ValidationError) {
            return GRAPHQL_VALIDATION_FAILED;
        } else if (classification == ErrorType.ExecutionAborted || classification == ErrorType.OperationNotSupported) {
            return BAD_USER_INPUT;
        }
        return INTERNAL_SERVER_ERROR;
    }
}
