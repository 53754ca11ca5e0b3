package dev.crmschema.runtime.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * Jersey's own refusals (unknown path, wrong method, unsupported media type, unreadable body) in the
 * contract's error shape instead of Jersey's HTML or Dropwizard's default JSON. A path under
 * {@code /rest} that matches no route is the contract's 400 "Query path … invalid" (reference contract,
 * section 1.2), not a 404.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    static final String QUERY_PATH_EXAMPLES = "Valid examples: /rest/companies/id or /rest/companies or /rest/batch/companies";

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status == 404 && isRestPath()) {
            String path = "/" + uriInfo.getPath();
            return json(400, ErrorBody.errorNameFor(400), "Query path '" + path + "' invalid. " + QUERY_PATH_EXAMPLES).build();
        }
        Response.ResponseBuilder response = json(status, ErrorBody.errorNameFor(status), ErrorBody.defaultMessage(status));
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    private boolean isRestPath() {
        String path = uriInfo == null ? "" : uriInfo.getPath();
        return path.equals("rest") || path.startsWith("rest/");
    }

    private static Response.ResponseBuilder json(int status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(status, error, List.of(message), null));
    }
}
