package dev.crmschema.runtime.errors;

import java.util.Optional;

/**
 * A request the API refuses, carrying everything the contract's error body needs
 * ({@code {"statusCode":400,"error":"BadRequestException","messages":["..."]}}). Thrown anywhere on
 * the request path; mapped to JSON (REST) or to a GraphQL error in one place each.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String code;

    public ApiException(int status, String error, String message, String code) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.code = code;
    }

    /** 400 BadRequestException: bad parameters, bad bodies, bad filters. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequestException", message, null);
    }

    /** 400 with a domain code (e.g. INVALID_CURSOR), which GraphQL reports as extensions.subCode. */
    public static ApiException badRequest(String message, String code) {
        return new ApiException(400, "BadRequestException", message, code);
    }

    /** 404 NotFoundException "Record not found". */
    public static ApiException recordNotFound() {
        return new ApiException(404, "NotFoundException", "Record not found", "RECORD_NOT_FOUND");
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NotFoundException", message, null);
    }

    /** 401 UNAUTHENTICATED: missing, malformed, unknown, expired or revoked key. */
    public static ApiException unauthenticated(String message) {
        return new ApiException(401, "UNAUTHENTICATED", message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message, null);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }
}
