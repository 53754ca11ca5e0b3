package dev.crmschema.runtime.workspace;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import java.util.EnumSet;
import java.util.List;

/**
 * The documents a workspace serves about itself, rendered once per model and shared by every workspace
 * with that model. The OpenAPI documents are templates worded per workspace when served
 * ({@link WorkspaceWording}); the GraphQL SDL never names the workspace.
 */
public record WorkspaceDocuments(String openApiCoreTemplate, String openApiMetadataTemplate, String graphqlSdl) {

    /** Renders the documents of {@code model} for any workspace with that model. */
    public static WorkspaceDocuments render(Workspace model) {
        List<GeneratedFile> files = SchemaCompiler.emit(WorkspaceWording.placeholders(model),
                new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE), EnumSet.of(Artifact.OPENAPI, Artifact.GRAPHQL));
        return new WorkspaceDocuments(find(files, "openapi-core.json"), find(files, "openapi-metadata.json"),
                find(files, "schema.graphqls"));
    }

    /** The core OpenAPI document of {@code workspace}, which has this model. */
    public String openApiCore(Workspace workspace) {
        return WorkspaceWording.fill(openApiCoreTemplate, workspace);
    }

    /** The metadata OpenAPI document of {@code workspace}, which has this model. */
    public String openApiMetadata(Workspace workspace) {
        return WorkspaceWording.fill(openApiMetadataTemplate, workspace);
    }

    private static String find(List<GeneratedFile> files, String name) {
        return files.stream().filter(f -> f.path().endsWith("/" + name)).map(GeneratedFile::content).findFirst()
                .orElseThrow(() -> new IllegalStateException("the compiler emitted no " + name));
    }
}
