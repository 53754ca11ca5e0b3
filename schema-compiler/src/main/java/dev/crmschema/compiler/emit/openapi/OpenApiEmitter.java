package dev.crmschema.compiler.emit.openapi;

import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.support.Json;
import java.util.List;

/**
 * Emits the two OpenAPI 3.1 documents of a workspace: {@code openapi-core.json} for the core REST API
 * (records of every object) and {@code openapi-metadata.json} for the metadata REST API.
 */
public final class OpenApiEmitter implements Emitter {
    public static final String CORE_FILE = "openapi-core.json";
    public static final String METADATA_FILE = "openapi-metadata.json";

    @Override
    public Artifact artifact() {
        return Artifact.OPENAPI;
    }

    @Override
    public List<GeneratedFile> emit(Workspace workspace, EmitContext context) {
        String folder = context.resourceFolder(workspace) + "/";
        return List.of(
                GeneratedFile.resource(folder + CORE_FILE, Json.pretty(CoreDocument.build(workspace))),
                GeneratedFile.resource(folder + METADATA_FILE, Json.pretty(MetadataDocument.build(workspace))));
    }
}
