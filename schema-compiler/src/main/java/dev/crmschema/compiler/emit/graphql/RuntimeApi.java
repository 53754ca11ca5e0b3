package dev.crmschema.compiler.emit.graphql;

import com.palantir.javapoet.ClassName;

/**
 * The types generated GraphQL code uses from the runtime's support API and from graphql-java-tools.
 * Named here, not imported: the compiler does not depend on the runtime (the runtime depends on it).
 */
final class RuntimeApi {
    private RuntimeApi() {}

    private static final String SUPPORT = "dev.crmschema.runtime.api.graphql";
    private static final String TOOLS = "graphql.kickstart.tools";

    static final ClassName GRAPH_OBJECT = ClassName.get(SUPPORT, "GraphObject");
    static final ClassName GRAPH_EDGE = ClassName.get(SUPPORT, "GraphEdge");
    static final ClassName GRAPH_CONNECTION = ClassName.get(SUPPORT, "GraphConnection");
    static final ClassName GRAPH_GROUP_CONNECTION = ClassName.get(SUPPORT, "GraphGroupConnection");
    static final ClassName GRAPH_INPUT = ClassName.get(SUPPORT, "GraphInput");
    static final ClassName PAGE = ClassName.get(SUPPORT, "Page");
    static final ClassName PAGE_EDGE = ClassName.get(SUPPORT, "Page", "Edge");
    static final ClassName PAGE_INFO = ClassName.get(SUPPORT, "PageInfo");
    static final ClassName RESOLVER_SUPPORT = ClassName.get(SUPPORT, "GraphqlResolverSupport");
    static final ClassName BINDINGS = ClassName.get(SUPPORT, "GraphqlBindings");

    static final ClassName QUERY_RESOLVER = ClassName.get(TOOLS, "GraphQLQueryResolver");
    static final ClassName MUTATION_RESOLVER = ClassName.get(TOOLS, "GraphQLMutationResolver");
    static final ClassName RESOLVER = ClassName.get(TOOLS, "GraphQLResolver");

    static final ClassName ENVIRONMENT = ClassName.get("graphql.schema", "DataFetchingEnvironment");
}
