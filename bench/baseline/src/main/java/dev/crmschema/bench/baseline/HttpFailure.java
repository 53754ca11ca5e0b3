package dev.crmschema.bench.baseline;

/** A request that ends with an error status and the contract's error body. */
final class HttpFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    HttpFailure(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    static HttpFailure unauthenticated() {
        return new HttpFailure(401, "UnauthorizedException", "Token invalid.");
    }

    static HttpFailure badRequest(String message) {
        return new HttpFailure(400, "BadRequestException", message);
    }

    static HttpFailure notFound() {
        return new HttpFailure(404, "NotFoundException", "Record not found");
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
