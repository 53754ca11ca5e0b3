package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.api.graphql.DirectObjectStrategy;
import dev.crmschema.runtime.api.graphql.GraphqlBindings;
import dev.crmschema.runtime.api.graphql.GraphqlSchemaFactory;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import java.util.Collection;
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
    private final PreparsedQueries preparsed;
    private final RelationSelections relations;

    private GraphqlEngine(GraphQL graphql, PreparsedQueries preparsed, RelationSelections relations) {
        this.graphql = graphql;
        this.preparsed = preparsed;
        this.relations = relations;
    }

    /**
     * Builds the schema; this takes a while (graphql-java-tools scans every class), so do it off the
     * request path. {@code objects} are the model's, whose relation fields need DataLoaders.
     */
    public static GraphqlEngine build(String sdl, GraphqlBindings bindings, GraphqlConfiguration limits,
            Collection<ObjectType> objects) {
        ToolsLogging.quiet();
        PreparsedQueries preparsed = new PreparsedQueries();
        FieldErrors errors = new FieldErrors();
        GraphQL graphql = GraphQL.newGraphQL(GraphqlSchemaFactory.build(sdl, bindings, new RecordDataSource()))
                .instrumentation(new QueryLimits(limits))
                .preparsedDocumentProvider(preparsed)
                .queryExecutionStrategy(new DirectObjectStrategy(errors))
                .defaultDataFetcherExceptionHandler(errors)
                .build();
        return new GraphqlEngine(graphql, preparsed, new RelationSelections(objects));
    }

    /**
     * Runs one request. A request that may select relation fields gets its own DataLoader registry, so
     * relation batches and their caches never outlive it; the first request of a query text always does,
     * since its document is only known once parsed.
     */
    public ExecutionResult execute(GraphqlRequest request, GraphqlCall call) {
        ExecutionInput.Builder input = ExecutionInput.newExecutionInput(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .graphQLContext(Map.of(GraphqlCall.class, call));
        if (preparsed.known(request.query()).map(relations::mayLoad).orElse(true)) {
            input.dataLoaderRegistry(new DataLoaderRegistry());
        }
        return graphql.execute(input.build());
    }
}
