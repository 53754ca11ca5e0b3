package dev.crmschema.compiler.emit.graphql;

import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import java.util.List;

/**
 * Writes the workspace's core GraphQL schema ({@code schema.graphqls}), printed from its syntax tree by
 * {@link SdlPrinter}: types in name order, fields in the order the schema builder gave them. The tree is
 * not built into a graphql-java schema here (that took two thirds of this emitter's time at 100 objects):
 * {@link GraphqlSchema} refuses a type defined twice or a reference to an undefined type, the linker
 * refuses names that clash, and the tests build every example schema with graphql-java.
 */
public final class GraphqlSdlEmitter implements Emitter {
    /** File name of the SDL inside the workspace's resource folder. */
    public static final String FILE_NAME = "schema.graphqls";

    @Override
    public Artifact artifact() {
        return Artifact.GRAPHQL;
    }

    @Override
    public List<GeneratedFile> emit(Workspace workspace, EmitContext context) {
        String header = "# " + Headers.GENERATED + "\n# " + Headers.source(workspace.name(), "GraphQL schema") + "\n\n";
        return List.of(GeneratedFile.resource(context.resourceFolder(workspace) + "/" + FILE_NAME,
                header + SdlPrinter.print(GraphqlSchema.build(workspace))));
    }
}
