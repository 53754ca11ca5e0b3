package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.metadata.WorkspaceMetadata.OwnedField;
import dev.crmschema.runtime.permissions.SettingsPermission;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The REST metadata API of the caller's workspace (contract section 3.1, "new format", as the workspace's
 * metadata OpenAPI document describes it): objects and fields (list, get, create, update, delete),
 * picklists, and export and import of the workspace's metadata files. Reading is open to every key;
 * changes need the {@code DATA_MODEL} settings permission of the key's role.
 */
@Path("/rest/metadata")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MetadataResource {
    private final RequestAuthentication authentication;
    private final MetadataService service;

    public MetadataResource(RequestAuthentication authentication, MetadataService service) {
        this.authentication = authentication;
        this.service = service;
    }

    @GET
    @Path("objects")
    public Response objects(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore) {
        MetadataPage page = MetadataPage.parse(limit, startingAfter, endingBefore);
        WorkspaceMetadata metadata = metadata(authorization);
        return Response.ok(page.answer(metadata.all().objects(), metadata::id, o -> MetadataJson.object(metadata, o))).build();
    }

    @GET
    @Path("objects/{idOrName}")
    public Response object(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("idOrName") String idOrName) {
        WorkspaceMetadata metadata = metadata(authorization);
        return Response.ok(MetadataJson.object(metadata, ObjectEdits.find(metadata, idOrName))).build();
    }

    @POST
    @Path("objects")
    public Response createObject(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode body) {
        return change(authorization, body, ObjectEdits::create);
    }

    @PATCH
    @Path("objects/{idOrName}")
    public Response updateObject(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("idOrName") String idOrName, JsonNode body) {
        return change(authorization, body, (change, input) -> ObjectEdits.update(change, idOrName, input));
    }

    /** Undocumented alias of PATCH, as in the reference server. */
    @PUT
    @Path("objects/{idOrName}")
    public Response replaceObject(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("idOrName") String idOrName, JsonNode body) {
        return updateObject(authorization, idOrName, body);
    }

    @DELETE
    @Path("objects/{idOrName}")
    public Response deleteObject(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("idOrName") String idOrName) {
        return change(authorization, null, (change, input) -> ObjectEdits.delete(change, idOrName));
    }

    @GET
    @Path("fields")
    public Response fields(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore) {
        MetadataPage page = MetadataPage.parse(limit, startingAfter, endingBefore);
        WorkspaceMetadata metadata = metadata(authorization);
        List<Map.Entry<UUID, OwnedField>> fields = new ArrayList<>(metadata.fieldsById().entrySet());
        return Response.ok(page.answer(fields, Map.Entry::getKey,
                e -> MetadataJson.field(metadata, e.getValue().object(), e.getValue().field()))).build();
    }

    @GET
    @Path("fields/{id}")
    public Response field(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        WorkspaceMetadata metadata = metadata(authorization);
        OwnedField owned = FieldEdits.find(metadata, id, true);
        return Response.ok(MetadataJson.field(metadata, owned.object(), owned.field())).build();
    }

    @POST
    @Path("fields")
    public Response createField(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode body) {
        return change(authorization, body, FieldEdits::create);
    }

    @PATCH
    @Path("fields/{id}")
    public Response updateField(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            JsonNode body) {
        return change(authorization, body, (change, input) -> FieldEdits.update(change, id, input));
    }

    @PUT
    @Path("fields/{id}")
    public Response replaceField(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            JsonNode body) {
        return updateField(authorization, id, body);
    }

    @DELETE
    @Path("fields/{id}")
    public Response deleteField(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return change(authorization, null, (change, input) -> FieldEdits.delete(change, id));
    }

    @GET
    @Path("picklists")
    public Response picklists(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Response.ok(MetadataJson.picklists(metadata(authorization))).build();
    }

    /** The workspace's metadata files, as the Maven plugin reads them. */
    @GET
    @Path("export")
    public Response export(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        WorkspaceSnapshot snapshot = authentication.require(authorization).workspace();
        return Response.ok(FilesEdit.export(snapshot.record().name(), service.metadata(snapshot))).build();
    }

    /** Replaces the workspace's metadata files (an export of this or another workspace, edited). */
    @POST
    @Path("import")
    public Response importFiles(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode body) {
        WorkspaceSnapshot snapshot = dataModelEditor(authorization);
        MetadataFiles files = FilesEdit.files(body);
        MetadataService.Answer answer = service.change(snapshot,
                current -> FilesEdit.replace(current, snapshot.record().name(), files));
        return Response.status(answer.status()).entity(answer.body()).build();
    }

    private WorkspaceMetadata metadata(String authorization) {
        return service.metadata(authentication.require(authorization).workspace());
    }

    /** The caller's snapshot, when its role may change the data model (settings permission DATA_MODEL); 403 otherwise. */
    private WorkspaceSnapshot dataModelEditor(String authorization) {
        RequestAuthentication.Caller caller = authentication.require(authorization);
        caller.access().require(SettingsPermission.DATA_MODEL);
        return caller.workspace();
    }

    private Response change(String authorization, JsonNode body, BiConsumer<ModelChange, JsonNode> edit) {
        WorkspaceSnapshot snapshot = dataModelEditor(authorization);
        MetadataService.Answer answer = service.change(snapshot, current -> {
            ModelChange change = new ModelChange(current, WorkspaceSource.of(current.files()));
            edit.accept(change, body);
            return change;
        });
        return Response.status(answer.status()).entity(answer.body()).build();
    }
}
