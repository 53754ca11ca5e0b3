package dev.crmschema.compiler.emit.sql;

import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import java.util.List;

/**
 * Writes {@code schema.sql}: the {@link DdlWriter} statements for the workspace's default schema
 * ({@link Names#defaultSchema}), for running by hand with psql. The runtime calls {@link DdlWriter}
 * itself with the schema it chose.
 */
public final class DdlEmitter implements Emitter {
    @Override
    public Artifact artifact() {
        return Artifact.DDL;
    }

    @Override
    public List<GeneratedFile> emit(Workspace workspace, EmitContext context) {
        StringBuilder sql = new StringBuilder()
                .append("-- ").append(Headers.GENERATED).append('\n')
                .append("-- ").append(Headers.source(workspace.name(), "schema")).append('\n');
        for (String statement : DdlWriter.statements(workspace, Names.defaultSchema(workspace.name()))) {
            sql.append('\n').append(statement).append(";\n");
        }
        return List.of(GeneratedFile.resource(context.resourceFolder(workspace) + "/schema.sql", sql.toString()));
    }
}
