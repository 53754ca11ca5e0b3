package dev.crmschema.runtime.api.graphql;

import graphql.kickstart.tools.GraphQLResolver;
import java.util.List;
import java.util.Map;

/**
 * Implemented by each workspace's generated {@code WorkspaceGraphql} class: everything
 * graphql-java-tools needs besides the SDL to build the workspace's executable schema. The generated
 * class of each GraphQL type sits in the same package, named like the type.
 */
public interface GraphqlBindings {
    /** The workspace's resolvers (query, mutation and relation resolvers), all calling {@code support}. */
    List<GraphQLResolver<?>> resolvers(GraphqlResolverSupport support);

    /**
     * SDL type name to generated class, for the input and enum types graphql-java-tools cannot find from
     * resolver method signatures: those used only as the type of a field of another input type.
     */
    Map<String, Class<?>> dictionary();
}
