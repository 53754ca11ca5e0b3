package dev.crmschema.compiler.emit.rest;

import com.palantir.javapoet.ClassName;

/**
 * Classes the generated REST code refers to. The compiler does not have them on its own class path
 * (they belong to the runtime, JAX-RS and Jackson), so they are named here once; the runtime's tests
 * compile the generated code against the real classes, which checks every name below.
 */
final class ReferencedTypes {
    private ReferencedTypes() {}

    private static final String SUPPORT_API = "dev.crmschema.runtime.api";
    private static final String JAX_RS = "jakarta.ws.rs";
    private static final String JAX_RS_CORE = "jakarta.ws.rs.core";

    static final ClassName REST_ENDPOINT = ClassName.get(SUPPORT_API, "RestEndpoint");
    static final ClassName GENERATED_WORKSPACE = ClassName.get(SUPPORT_API, "GeneratedWorkspace");
    static final ClassName GRAPHQL_BINDINGS = ClassName.get(SUPPORT_API + ".graphql", "GraphqlBindings");

    static final ClassName GET = ClassName.get(JAX_RS, "GET");
    static final ClassName POST = ClassName.get(JAX_RS, "POST");
    static final ClassName PUT = ClassName.get(JAX_RS, "PUT");
    static final ClassName PATCH = ClassName.get(JAX_RS, "PATCH");
    static final ClassName DELETE = ClassName.get(JAX_RS, "DELETE");
    static final ClassName PATH = ClassName.get(JAX_RS, "Path");
    static final ClassName PATH_PARAM = ClassName.get(JAX_RS, "PathParam");
    static final ClassName QUERY_PARAM = ClassName.get(JAX_RS, "QueryParam");
    static final ClassName PRODUCES = ClassName.get(JAX_RS, "Produces");
    static final ClassName CONSUMES = ClassName.get(JAX_RS, "Consumes");
    static final ClassName MEDIA_TYPE = ClassName.get(JAX_RS_CORE, "MediaType");
    static final ClassName RESPONSE = ClassName.get(JAX_RS_CORE, "Response");

    static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
}
