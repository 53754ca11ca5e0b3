/**
 * The GraphQL part of the runtime's support API: the only runtime types that generated GraphQL code
 * uses, plus the interface the query layer implements.
 *
 * <p>Per workspace the schema compiler generates, in {@code <workspace package>.graphql}, one Java
 * class per SDL type that graphql-java-tools needs: a {@link dev.crmschema.runtime.api.graphql.GraphObject}
 * subclass per record and composite type, a {@link dev.crmschema.runtime.api.graphql.GraphEdge} and a
 * {@link dev.crmschema.runtime.api.graphql.GraphConnection} subclass per object, a
 * {@link dev.crmschema.runtime.api.graphql.GraphInput} subclass per input type, a Java enum per enum
 * type, the resolvers ({@code QueryResolver}, {@code MutationResolver}, one {@code <Type>Resolver} per
 * object with relations) and {@code WorkspaceGraphql}, a {@link dev.crmschema.runtime.api.graphql.GraphqlBindings}.
 * Every resolver method is one call to {@link dev.crmschema.runtime.api.graphql.GraphqlResolverSupport},
 * which hands plain values to a {@link dev.crmschema.runtime.api.graphql.GraphqlDataSource}.
 * {@link dev.crmschema.runtime.api.graphql.GraphqlSchemaFactory} puts SDL, bindings, scalars and data
 * source together into an executable schema.
 *
 * <p>Changing a public or protected signature here breaks generated code: regenerate and recompile
 * every workspace after such a change.
 */
package dev.crmschema.runtime.api.graphql;
