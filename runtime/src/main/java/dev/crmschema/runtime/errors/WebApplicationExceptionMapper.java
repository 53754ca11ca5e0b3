package dev.crmschema.runtime.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * Jersey's own refusals (unknown path, wrong method, unsupported media type, unreadable body) in the
 * contract's error shape instead of Jersey's HTML or Dropwizard's default JSON.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Only application/json responses are available";
            case 415 -> "Request bodies must be application/json";
            default -> status >= 500 ? "Internal server error" : "Bad request";
        };
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, ErrorBody.errorNameFor(status), List.of(message), null));
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }
}
