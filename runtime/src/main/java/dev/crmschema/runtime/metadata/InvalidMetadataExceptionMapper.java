package dev.crmschema.runtime.metadata;

import dev.crmschema.runtime.errors.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The contract's error body with one message per diagnostic. */
public final class InvalidMetadataExceptionMapper implements ExceptionMapper<InvalidMetadataException> {
    @Override
    public Response toResponse(InvalidMetadataException exception) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(400, "BadRequestException", exception.messages(), null))
                .build();
    }
}
