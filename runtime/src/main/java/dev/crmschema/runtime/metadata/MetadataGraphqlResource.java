package dev.crmschema.runtime.metadata;

import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.graphql.GraphqlRequest;
import dev.crmschema.runtime.graphql.ResponseBody;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /metadata}: the GraphQL metadata API of the caller's workspace (reference contract, section
 * 3.2). Answers like {@code POST /graphql}: a GraphQL envelope, 200 once the request is executed (errors in
 * {@code errors}), 401 with {@code UNAUTHENTICATED} for a missing or bad key, 400 for a body that is not a
 * GraphQL request.
 */
@Path("/metadata")
public final class MetadataGraphqlResource {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataGraphqlResource.class);

    private final RequestAuthentication authentication;
    private final MetadataGraphql graphql;

    public MetadataGraphqlResource(RequestAuthentication authentication, MetadataGraphql graphql) {
        this.authentication = authentication;
        this.graphql = graphql;
    }

    @POST
    public Response execute(@Context ContainerRequestContext context, String body) {
        try {
            RequestAuthentication.Caller caller = authentication.require(context);
            return json(200, ResponseBody.of(graphql.execute(caller.workspace(), caller.access(), GraphqlRequest.parse(body))));
        } catch (ApiException refused) {
            return json(refused.status(), ResponseBody.refused(refused));
        } catch (RuntimeException unexpected) {
            // graphql-java reports failures inside the operation itself; this is anything around it.
            LOG.error("GraphQL metadata request failed", unexpected);
            return json(500, ResponseBody.internal());
        }
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
