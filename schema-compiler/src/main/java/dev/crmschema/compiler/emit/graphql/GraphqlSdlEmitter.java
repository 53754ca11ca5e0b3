package dev.crmschema.compiler.emit.graphql;

import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphqlTypeComparatorRegistry;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.List;

/**
 * Writes the workspace's core GraphQL schema ({@code schema.graphqls}). The syntax tree is built into a
 * graphql-java schema first, which validates it, and printed by graphql-java's {@link SchemaPrinter}:
 * types in name order, fields in the order the schema builder gave them.
 */
public final class GraphqlSdlEmitter implements Emitter {
    /** File name of the SDL inside the workspace's resource folder. */
    public static final String FILE_NAME = "schema.graphqls";

    private static final SchemaPrinter.Options PRINTING = SchemaPrinter.Options.defaultOptions()
            .includeSchemaDefinition(true)
            .includeScalarTypes(true)
            .includeDirectiveDefinitions(false)
            .includeDirectives(false)
            .setComparators(GraphqlTypeComparatorRegistry.AS_IS_REGISTRY);

    @Override
    public Artifact artifact() {
        return Artifact.GRAPHQL;
    }

    @Override
    public List<GeneratedFile> emit(Workspace workspace, EmitContext context) {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().buildRegistry(GraphqlSchema.build(workspace)));
        String header = "# " + Headers.GENERATED + "\n# " + Headers.source(workspace.name(), "GraphQL schema") + "\n\n";
        return List.of(GeneratedFile.resource(context.resourceFolder(workspace) + "/" + FILE_NAME,
                header + new SchemaPrinter(PRINTING).print(schema)));
    }
}
