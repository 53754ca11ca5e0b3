package dev.crmschema.compiler.emit;

/** The kinds of output the compiler can emit; a build chooses any subset. */
public enum Artifact {
    /** Canonical JSON of the linked model: a snapshot that shows meaning changes before emitter diffs do. */
    IR,
    /** OpenAPI 3.1 documents for the core and the metadata REST APIs. */
    OPENAPI,
    /** The GraphQL SDL of the core API. */
    GRAPHQL,
    /** PostgreSQL DDL of the workspace schema. */
    DDL,
    /** jOOQ table, record and key classes. */
    JOOQ,
    /** Dropwizard (JAX-RS) resources and graphql-java-tools resolvers. */
    RESOURCES
}
