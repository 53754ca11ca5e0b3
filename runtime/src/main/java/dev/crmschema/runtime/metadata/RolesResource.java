package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.auth.RequestAuthentication.Caller;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.permissions.AccessCache;
import dev.crmschema.runtime.permissions.Role;
import dev.crmschema.runtime.permissions.RoleDraft;
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
import java.util.UUID;

/**
 * The roles of the caller's workspace through the REST metadata API (contract sections 3.1 and 6.2,
 * "new format"): list, get, create, update and delete custom roles with their object and field
 * permissions. The built-in roles ({@code admin}, {@code read-only}) are listed but cannot be changed or
 * deleted; a role some key holds cannot be deleted. Every route needs the {@code ROLES} settings permission.
 */
@Path("/rest/metadata/roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class RolesResource {
    private final RequestAuthentication authentication;
    private final RoleStore roles;
    private final MetadataService metadata;
    private final AccessCache access;

    public RolesResource(RequestAuthentication authentication, RoleStore roles, MetadataService metadata, AccessCache access) {
        this.authentication = authentication;
        this.roles = roles;
        this.metadata = metadata;
        this.access = access;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore) {
        MetadataPage page = MetadataPage.parse(limit, startingAfter, endingBefore);
        Caller caller = caller(authorization);
        return Response.ok(page.answer(roles.list(caller.key().workspaceId()), Role::id, RoleJson::of)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Caller caller = caller(authorization);
        return Response.ok(RoleJson.of(find(caller, id))).build();
    }

    @POST
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode input) {
        Caller caller = caller(authorization);
        RoleDraft draft = RoleJson.create(input, metadata.metadata(caller.workspace()));
        return Response.status(Response.Status.CREATED).entity(RoleJson.of(roles.create(caller.key().workspaceId(), draft))).build();
    }

    @PATCH
    @Path("{id}")
    public Response update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            JsonNode input) {
        Caller caller = caller(authorization);
        Role current = find(caller, id);
        if (current.isBuiltIn()) {
            throw ApiException.badRequest("Built-in role '" + current.label() + "' cannot be changed");
        }
        RoleDraft draft = RoleJson.update(input, RoleDraft.of(current), metadata.metadata(caller.workspace()));
        return Response.ok(RoleJson.of(roles.update(caller.key().workspaceId(), current.id(), draft))).build();
    }

    /** Undocumented alias of PATCH, as for objects and fields. */
    @PUT
    @Path("{id}")
    public Response replace(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            JsonNode input) {
        return update(authorization, id, input);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Caller caller = caller(authorization);
        Role deleted = roles.delete(caller.key().workspaceId(), find(caller, id).id());
        access.forget(deleted.id());
        return Response.ok(RoleJson.of(deleted)).build();
    }

    private Caller caller(String authorization) {
        Caller caller = authentication.require(authorization);
        caller.access().require(SettingsPermission.ROLES);
        return caller;
    }

    private Role find(Caller caller, String rawId) {
        UUID id = WorkspaceMetadata.parseId(rawId).orElseThrow(() -> ApiException.badRequest("'" + rawId + "' is not a valid UUID"));
        return roles.byId(caller.key().workspaceId(), id).orElseThrow(() -> ApiException.notFound("Role not found"));
    }
}
