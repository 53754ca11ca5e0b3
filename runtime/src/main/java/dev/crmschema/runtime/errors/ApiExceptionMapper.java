package dev.crmschema.runtime.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Renders refused requests as the contract's error body with its status code. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException exception) {
        return Response.status(exception.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(exception)).build();
    }
}
