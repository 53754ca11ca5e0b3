package dev.crmschema.runtime.workspace;

/** The documents a workspace serves about itself, rendered once per model. */
public record WorkspaceDocuments(String openApiCore, String openApiMetadata, String graphqlSdl) {}
