package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.runtime.auth.ApiKey;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.auth.RequestAuthentication.Caller;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.permissions.RoleStore;
import dev.crmschema.runtime.permissions.SettingsPermission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The API keys of the caller's workspace through the REST metadata API (contract sections 3.1 and 6.1,
 * "new format": lists as {@code {data, pageInfo, totalCount}}, single keys bare). Listing and reading
 * never show a secret; creating and regenerating show the new token once, as {@code token}. Every route
 * needs the {@code API_KEYS_AND_WEBHOOKS} settings permission. Keys of other workspaces are 404.
 */
@Path("/rest/metadata/apiKeys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ApiKeysResource {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RequestAuthentication authentication;
    private final ApiKeyStore keys;
    private final RoleStore roles;
    private final Clock clock;

    public ApiKeysResource(RequestAuthentication authentication, ApiKeyStore keys, RoleStore roles, Clock clock) {
        this.authentication = authentication;
        this.keys = keys;
        this.roles = roles;
        this.clock = clock;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore) {
        MetadataPage page = MetadataPage.parse(limit, startingAfter, endingBefore);
        Caller caller = caller(authorization);
        return Response.ok(page.answer(keys.list(caller.key().workspaceId()), ApiKey::id, this::json)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Caller caller = caller(authorization);
        return Response.ok(json(find(caller, id))).build();
    }

    /** {@code {name, expiresAt, roleId?}}: the key, with its token shown this once. */
    @POST
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode input) {
        Caller caller = caller(authorization);
        Body body = Body.of(input, Set.of("name", "expiresAt", "roleId"));
        String name = body.requiredText("name");
        OffsetDateTime expiresAt = timestamp(body.requiredText("expiresAt"));
        Optional<UUID> roleId = body.uuid("roleId");
        roleId.ifPresent(role -> requireRole(caller, role));
        ApiKeyStore.Created created = keys.create(caller.key().workspaceId(), name, expiresAt, roleId);
        return Response.status(Response.Status.CREATED).entity(withToken(created)).build();
    }

    /** {@code {name?, roleId?}}: renames the key or gives it another role of the workspace. */
    @PATCH
    @Path("{id}")
    public Response update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            JsonNode input) {
        Caller caller = caller(authorization);
        ApiKey key = find(caller, id);
        Body body = Body.of(input, Set.of("name", "roleId"));
        Optional<String> name = body.text("name");
        Optional<UUID> roleId = body.uuid("roleId");
        roleId.ifPresent(role -> requireRole(caller, role));
        name.ifPresent(n -> keys.rename(key.id(), n));
        roleId.ifPresent(role -> keys.assignRole(key.id(), role));
        return Response.ok(json(keys.byId(key.id()).orElseThrow())).build();
    }

    /** Undocumented alias of PATCH, as for objects and fields. */
    @PUT
    @Path("{id}")
    public Response replace(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            JsonNode input) {
        return update(authorization, id, input);
    }

    /** A new secret, optionally a new expiry ({@code {expiresAt?}}); the old token stops working at once. */
    @POST
    @Path("{id}/regenerate")
    public Response regenerate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            JsonNode input) {
        Caller caller = caller(authorization);
        ApiKey key = find(caller, id);
        Optional<OffsetDateTime> expiresAt = input == null || input.isNull()
                ? Optional.empty()
                : Body.of(input, Set.of("expiresAt")).text("expiresAt").map(ApiKeysResource::timestamp);
        return Response.ok(withToken(keys.regenerate(key.id(), expiresAt).orElseThrow(this::notFound))).build();
    }

    /** Sets {@code revokedAt}: the key is refused on its next request, on every server. */
    @POST
    @Path("{id}/revoke")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Caller caller = caller(authorization);
        ApiKey key = find(caller, id);
        keys.revoke(key.id());
        return Response.ok(json(keys.byId(key.id()).orElseThrow())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Caller caller = caller(authorization);
        ApiKey key = find(caller, id);
        keys.delete(key.id());
        return Response.ok(json(key)).build();
    }

    private Caller caller(String authorization) {
        Caller caller = authentication.require(authorization);
        caller.access().require(SettingsPermission.API_KEYS_AND_WEBHOOKS);
        return caller;
    }

    private ApiKey find(Caller caller, String rawId) {
        UUID id = WorkspaceMetadata.parseId(rawId).orElseThrow(() -> ApiException.badRequest("'" + rawId + "' is not a valid UUID"));
        return keys.byId(caller.key().workspaceId(), id).orElseThrow(this::notFound);
    }

    private void requireRole(Caller caller, UUID roleId) {
        if (roles.byId(caller.key().workspaceId(), roleId).isEmpty()) {
            throw ApiException.badRequest("Role " + roleId + " does not exist in this workspace");
        }
    }

    private ApiException notFound() {
        return ApiException.notFound("API key not found");
    }

    static OffsetDateTime timestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("expiresAt must be an ISO 8601 date-time with an offset, like 2030-01-01T00:00:00Z");
        }
    }

    private ObjectNode withToken(ApiKeyStore.Created created) {
        ObjectNode json = json(created.key());
        json.put("token", created.token());
        return json;
    }

    /** A key as the API shows it: never its secret or hash. */
    private ObjectNode json(ApiKey key) {
        ObjectNode json = NODES.objectNode();
        json.put("id", key.id().toString());
        json.put("name", key.name());
        json.put("expiresAt", key.expiresAt().toInstant().toString());
        json.put("revokedAt", key.revokedAt().map(t -> t.toInstant().toString()).orElse(null));
        json.put("createdAt", key.createdAt().toInstant().toString());
        json.put("roleId", key.roleId().toString());
        json.put("status", key.revokedAt().isPresent() ? "revoked" : key.isActive(OffsetDateTime.now(clock)) ? "active" : "expired");
        return json;
    }
}
