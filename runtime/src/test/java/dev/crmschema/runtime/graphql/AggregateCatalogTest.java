package dev.crmschema.runtime.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The runtime's aggregate catalog and the compiler's SDL list the same aggregate fields on every
 * connection of both example workspaces, so no selected aggregate can go unanswered.
 */
class AggregateCatalogTest {
    private static final Set<String> NOT_AGGREGATES = Set.of("edges", "pageInfo", "totalCount");

    @Test
    void everyConnectionAggregateOfTheSdlIsInTheCatalogAndNoOther() {
        int connections = 0;
        for (String example : new String[] {"standard", "showcase"}) {
            SchemaCompiler.Result result = SchemaCompiler.compile(ExampleWorkspaces.files(example),
                    new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE), EnumSet.of(Artifact.GRAPHQL));
            Workspace workspace = result.workspace().orElseThrow();
            String sdl = result.files().stream().filter(f -> f.path().endsWith("/schema.graphqls")).map(GeneratedFile::content)
                    .findFirst().orElseThrow();
            TypeDefinitionRegistry types = new SchemaParser().parse(sdl);
            for (ObjectType object : workspace.objects()) {
                ObjectTypeDefinition connection = Objects.requireNonNull(types.getTypeOrNull(Names.connectionType(object), ObjectTypeDefinition.class));
                Set<String> inSdl = new TreeSet<>();
                for (FieldDefinition field : connection.getFieldDefinitions()) {
                    if (!NOT_AGGREGATES.contains(field.getName())) {
                        inSdl.add(field.getName());
                    }
                }
                assertEquals(inSdl, new TreeSet<>(AggregateCatalog.of(object).keySet()), Names.connectionType(object));
                connections++;
            }
        }
        assertTrue(connections > 10, "both examples have many objects");
    }
}
