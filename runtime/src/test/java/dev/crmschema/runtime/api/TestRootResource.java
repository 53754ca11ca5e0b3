package dev.crmschema.runtime.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/**
 * The root resource the runtime will have, reduced to its routing: sub-resource locators that return
 * an instance of the workspace's generated resource class, with an {@link EchoEndpoint} behind it.
 */
@Path("/rest")
public final class TestRootResource {
    private final GeneratedWorkspace workspace;
    private final List<String> log;

    TestRootResource(GeneratedWorkspace workspace, List<String> log) {
        this.workspace = workspace;
        this.log = log;
    }

    @Path("batch/{plural}")
    public Object batch(@PathParam("plural") String plural) {
        return workspace.batchRestResource(plural, new EchoEndpoint(plural, log)).orElseThrow(NotFoundException::new);
    }

    @Path("{plural}")
    public Object records(@PathParam("plural") String plural) {
        return workspace.restResource(plural, new EchoEndpoint(plural, log)).orElseThrow(NotFoundException::new);
    }
}
