package dev.crmschema.runtime.docs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.support.Json;
import dev.crmschema.runtime.auth.RequestAuthentication;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /rest/open-api/core} and {@code /metadata}: with a key, the caller's workspace document;
 * without one, only the base document (as the reference system does).
 */
@Path("/rest/open-api")
@Produces(MediaType.APPLICATION_JSON)
public final class OpenApiResource {
    private final RequestAuthentication authentication;
    private final String baseCore;
    private final String baseMetadata;

    public OpenApiResource(RequestAuthentication authentication) {
        this.authentication = authentication;
        this.baseCore = baseDocument("core", "/rest");
        this.baseMetadata = baseDocument("metadata", "/rest/metadata");
    }

    @GET
    @Path("core")
    public Response core(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String document = authentication.optional(authorization)
                .map(caller -> caller.workspace().openApiCore())
                .orElse(baseCore);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("metadata")
    public Response metadata(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String document = authentication.optional(authorization)
                .map(caller -> caller.workspace().openApiMetadata())
                .orElse(baseMetadata);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The public document: how to authenticate, and the one path that serves the full document. */
    private static String baseDocument(String kind, String serverUrl) {
        ObjectNode root = Json.object();
        root.put("openapi", "3.1.1");
        ObjectNode info = root.putObject("info");
        info.put("title", "Workspace API");
        info.put("version", "v1");
        info.put("description", "Send an API key as 'Authorization: Bearer <key>' to get the document of your "
                + "workspace's " + kind + " API, with every object and field.");
        root.putArray("servers").addObject().put("url", serverUrl);
        ObjectNode components = root.putObject("components");
        components.putObject("securitySchemes").putObject("bearerAuth").put("type", "http").put("scheme", "bearer");
        root.putArray("security").addObject().putArray("bearerAuth");
        ObjectNode get = root.putObject("paths").putObject("/open-api/" + kind).putObject("get");
        get.put("summary", "This workspace's OpenAPI document");
        get.put("operationId", "get" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "OpenApi");
        get.putObject("responses").putObject("200").put("description", "The OpenAPI document");
        return Json.pretty(root);
    }
}
