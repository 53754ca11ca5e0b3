/**
 * Serving the core GraphQL API: {@link dev.crmschema.runtime.graphql.GraphqlServlet} ({@code POST /graphql}),
 * the GraphiQL page ({@link dev.crmschema.runtime.graphql.GraphiqlBundle}), and the per-model
 * {@link dev.crmschema.runtime.graphql.GraphqlEngine} built over the runtime's
 * {@link dev.crmschema.runtime.api.graphql.GraphqlDataSource}, {@code RecordDataSource}.
 *
 * <p>The data source is a translation layer only: GraphQL arguments become the request model of
 * {@code dev.crmschema.runtime.request} ({@code FilterInput}, {@code OrderByInput},
 * {@code ConnectionArguments}; inputs go through the REST body parser), and every operation is one
 * {@link dev.crmschema.runtime.query.RecordStore} call, so REST and GraphQL cannot drift apart. The
 * support API in {@code dev.crmschema.runtime.api.graphql} stays the contract for generated code.
 */
package dev.crmschema.runtime.graphql;
