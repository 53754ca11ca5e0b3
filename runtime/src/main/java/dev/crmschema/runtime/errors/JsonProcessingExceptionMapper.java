package dev.crmschema.runtime.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** A body that is not valid JSON: 400 with the parser's position, never its stack trace. */
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
        String where = exception.getLocation() == null ? ""
                : " at line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr();
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(400, "BadRequestException", List.of("Invalid JSON body" + where), null))
                .build();
    }
}
