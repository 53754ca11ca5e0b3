package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.query.Actor;
import dev.crmschema.runtime.query.RecordStore;
import dev.crmschema.runtime.rest.RestServices;
import graphql.ExecutionResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /graphql}: the core GraphQL API of the caller's workspace (reference contract, section 2),
 * on the snapshot of the workspace the request started on. Every answer is a GraphQL envelope: 200 once
 * the request is executed (errors in {@code errors}), 401 with {@code UNAUTHENTICATED} for a missing or
 * bad key, 400 for a body that is not a GraphQL request. {@code GET /graphql} opens the GraphiQL page.
 */
@Path("/graphql")
public final class GraphqlResource {
    private static final Logger LOG = LoggerFactory.getLogger(GraphqlResource.class);

    private final RequestAuthentication authentication;
    private final RestServices services;
    private final ObjectWriter writer;

    /** {@code mapper}: the application's, which writes every other JSON response. */
    public GraphqlResource(RequestAuthentication authentication, RestServices services, ObjectMapper mapper) {
        this.authentication = authentication;
        this.services = services;
        this.writer = mapper.writer();
    }

    @POST
    public Response execute(@Context ContainerRequestContext context, String body) {
        try {
            RequestAuthentication.Caller caller = authentication.require(context);
            GraphqlRequest request = GraphqlRequest.parse(body);
            GraphqlCall call = new GraphqlCall(caller.workspace().model(),
                    RecordStore.of(services.database().dsl(), caller.workspace().schemaName(), caller.workspace().model(), caller.access()),
                    Actor.apiKey(caller.key().name()), services.batchMaxRecords(), caller.access());
            ExecutionResult result = caller.workspace().graphql().execute(request, call);
            return json(200, ResponseBody.of(result));
        } catch (ApiException refused) {
            return json(refused.status(), ResponseBody.refused(refused));
        } catch (RuntimeException unexpected) {
            // graphql-java reports failures inside the operation itself; this is anything around it.
            LOG.error("GraphQL request failed", unexpected);
            return json(500, ResponseBody.internal());
        }
    }

    @GET
    public Response playground() {
        return Response.ok(GraphiqlBundle.page(), MediaType.TEXT_HTML_TYPE).build();
    }

    private Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ResponseJson(writer, body)).build();
    }
}
