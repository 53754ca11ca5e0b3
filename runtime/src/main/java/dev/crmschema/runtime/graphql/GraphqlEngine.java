package dev.crmschema.runtime.graphql;

import dev.crmschema.runtime.api.graphql.GraphqlBindings;
import dev.crmschema.runtime.api.graphql.GraphqlSchemaFactory;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import java.util.Map;
import org.dataloader.DataLoaderRegistry;

/**
 * One model's executable GraphQL API: the schema built once from the model's SDL and generated
 * resolvers over the shared {@link RecordDataSource}, with the query limits and the error handling of
 * every request. Immutable, and shared by all requests of every workspace with that model: it holds no
 * workspace, each request brings its own in its {@link GraphqlCall}.
 */
public final class GraphqlEngine {
    private final GraphQL graphql;

    private GraphqlEngine(GraphQL graphql) {
        this.graphql = graphql;
    }

    /** Builds the schema; this takes a while (graphql-java-tools scans every class), so do it off the request path. */
    public static GraphqlEngine build(String sdl, GraphqlBindings bindings, GraphqlConfiguration limits) {
        ToolsLogging.quiet();
        return new GraphqlEngine(GraphQL.newGraphQL(GraphqlSchemaFactory.build(sdl, bindings, new RecordDataSource()))
                .instrumentation(new QueryLimits(limits))
                .preparsedDocumentProvider(new PreparsedQueries())
                .defaultDataFetcherExceptionHandler(new FieldErrors())
                .build());
    }

    /**
     * Runs one request. Each request gets its own DataLoader registry, so relation batches and their
     * caches never outlive it.
     */
    public ExecutionResult execute(GraphqlRequest request, GraphqlCall call) {
        return graphql.execute(ExecutionInput.newExecutionInput(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .graphQLContext(Map.of(GraphqlCall.class, call))
                .dataLoaderRegistry(new DataLoaderRegistry())
                .build());
    }
}
