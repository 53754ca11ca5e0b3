package dev.crmschema.runtime.rest;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.auth.Authenticated;
import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.errors.ApiException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Optional;

/**
 * {@code /rest/{plural}} and {@code /rest/batch/{plural}}: finds the caller's workspace from the API
 * key and hands the request to that workspace's generated resource for the object.
 */
@Path("/rest")
public final class RestRootResource {
    private final RestServices services;

    public RestRootResource(RestServices services) {
        this.services = services;
    }

    @Path("batch/{plural}")
    public Object batch(@Authenticated RequestAuthentication.Caller caller, @PathParam("plural") String plural) {
        ObjectType object = object(caller.workspace().model(), plural);
        return caller.workspace().classes().batchRestResource(plural, new RecordEndpoint(caller, object, services))
                .orElseThrow(() -> unknownObject(caller.workspace().model(), plural));
    }

    @Path("{plural}")
    public Object object(@Authenticated RequestAuthentication.Caller caller, @PathParam("plural") String plural) {
        ObjectType object = object(caller.workspace().model(), plural);
        return caller.workspace().classes().restResource(plural, new RecordEndpoint(caller, object, services))
                .orElseThrow(() -> unknownObject(caller.workspace().model(), plural));
    }

    private static ObjectType object(Workspace model, String plural) {
        return model.objectByPlural(plural).orElseThrow(() -> unknownObject(model, plural));
    }

    /** The contract's messages: a singular name gets "Did you mean", anything else an example. */
    static ApiException unknownObject(Workspace model, String name) {
        Optional<ObjectType> bySingular = model.object(name);
        if (bySingular.isPresent()) {
            return ApiException.badRequest("object '" + name + "' not found. Did you mean '" + bySingular.get().namePlural() + "'?");
        }
        Optional<String> close = dev.crmschema.compiler.diag.DidYouMean.closest(name,
                model.objects().stream().map(ObjectType::namePlural).toList());
        return ApiException.badRequest("object '" + name + "' not found. "
                + close.map(c -> "Did you mean '" + c + "'?").orElse("eg: " + model.objects().get(0).namePlural()));
    }
}
