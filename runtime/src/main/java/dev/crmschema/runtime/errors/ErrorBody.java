package dev.crmschema.runtime.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The contract's REST error body: {@code {"statusCode":400,"error":"BadRequestException","messages":["..."]}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int statusCode, String error, List<String> messages, String code) {

    public static ErrorBody of(ApiException e) {
        return new ErrorBody(e.status(), e.error(), List.of(e.getMessage()), e.code().orElse(null));
    }

    /** A refusal that carries no message of its own, in the contract's body. */
    public static ErrorBody forStatus(int status) {
        return new ErrorBody(status, errorNameFor(status), List.of(defaultMessage(status)), null);
    }

    /** The message for a refusal that has none of its own (no input is echoed). */
    public static String defaultMessage(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Only application/json responses are available";
            case 413 -> "Request body too large";
            case 414 -> "URI too long";
            case 415 -> "Request bodies must be application/json";
            case 431 -> "Request headers too large";
            case 503 -> "The server is busy, try again shortly";
            default -> status >= 500 ? "Internal server error" : "Bad request";
        };
    }

    /** The error name the contract uses for a status without a more specific one. */
    public static String errorNameFor(int status) {
        return switch (status) {
            case 400 -> "BadRequestException";
            case 401 -> "UnauthorizedException";
            case 403 -> "ForbiddenException";
            case 404 -> "NotFoundException";
            case 405 -> "MethodNotAllowedException";
            case 406 -> "NotAcceptableException";
            case 409 -> "ConflictException";
            case 413 -> "PayloadTooLargeException";
            case 414 -> "URITooLongException";
            case 415 -> "UnsupportedMediaTypeException";
            case 429 -> "TooManyRequestsException";
            case 503 -> "ServiceUnavailableException";
            default -> status >= 500 ? "InternalServerErrorException" : "HttpException";
        };
    }
}
