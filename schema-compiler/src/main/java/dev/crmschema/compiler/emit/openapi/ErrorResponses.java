package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.array;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.object;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.properties;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.require;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.responseRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.schemaRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.string;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.type;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.support.Json;
import java.util.List;

/** The error body of contract section 7.1 and the shared error responses built on it. */
final class ErrorResponses {
    static final String SCHEMA = "Error";
    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";

    private ErrorResponses() {}

    static void addSchemaTo(ObjectNode schemas) {
        ObjectNode schema = object();
        schema.put("description", "Every error answer has this body.");
        properties(schema).set("statusCode", type("integer").put("description", "The HTTP status, repeated."));
        properties(schema).set("error", string().put("description",
                "The error's name, e.g. BadRequestException, NotFoundException, UNAUTHENTICATED."));
        properties(schema).set("messages", array(string()).put("description", "What went wrong; one message."));
        properties(schema).set("code", string().put("description", "A stable domain error code, when there is one."));
        require(schema, List.of("statusCode", "error", "messages"));
        schemas.set(SCHEMA, schema);
    }

    static void addTo(ObjectNode components) {
        ObjectNode responses = components.putObject("responses");
        responses.set(BAD_REQUEST, response("The request is invalid: a malformed parameter, filter or body.",
                error(400, "BadRequestException", "'filter' invalid for 'name[equals]:\"Acme\"', comparator equals not in "
                        + String.join(", ", RestContract.COMPARATORS))));
        responses.set(UNAUTHORIZED, response("The API key is missing, malformed, expired or revoked.",
                error(401, "UNAUTHENTICATED", "Missing authentication token")));
        responses.set(FORBIDDEN, response("The API key's role may not perform this operation.",
                error(403, "ForbiddenException", "User does not have permission")));
        responses.set(NOT_FOUND, response("No record has this id.",
                error(404, "NotFoundException", "Record not found")));
        responses.set(TOO_MANY_REQUESTS, response("Rate limit reached: by default " + RestContract.RATE_LIMIT_PER_MINUTE
                        + " calls per minute per API key.",
                error(429, "TooManyRequestsException",
                        "Limit reached (" + RestContract.RATE_LIMIT_PER_MINUTE + " tokens per 60000 ms)")));
    }

    /** The error answers of an operation; {@code byId} adds 404 for operations on one record. */
    static void addRefsTo(ObjectNode responses, boolean byId) {
        responses.set("400", responseRef(BAD_REQUEST));
        responses.set("401", responseRef(UNAUTHORIZED));
        responses.set("403", responseRef(FORBIDDEN));
        if (byId) {
            responses.set("404", responseRef(NOT_FOUND));
        }
        responses.set("429", responseRef(TOO_MANY_REQUESTS));
    }

    private static ObjectNode response(String description, ObjectNode example) {
        ObjectNode response = SchemaNodes.jsonContent(schemaRef(SCHEMA), "error", description, example);
        ObjectNode withDescription = Json.object().put("description", description);
        withDescription.setAll(response);
        return withDescription;
    }

    private static ObjectNode error(int status, String name, String message) {
        ObjectNode body = Json.object().put("statusCode", status).put("error", name);
        body.putArray("messages").add(message);
        return body;
    }
}
