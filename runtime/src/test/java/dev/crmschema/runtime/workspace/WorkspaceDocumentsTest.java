package dev.crmschema.runtime.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents rendered once per model, worded per workspace when served, are exactly what the compiler
 * emits for that workspace, whatever its name, display name and description; the shared SDL names no
 * workspace.
 */
class WorkspaceDocumentsTest {
    private static final List<Optional<String>> DESCRIPTIONS = List.of(Optional.empty(), Optional.of(""),
            Optional.of("Our \"main\" CRM\\n: tabs\t, new\nlines, ünïcödé, <b>markdown</b> and $1 \\ {braces}"));

    @ParameterizedTest
    @ValueSource(strings = {"standard", "showcase"})
    void servedDocumentsAreTheCompilersDocumentsOfTheWorkspace(String example) {
        Workspace linked = link(example);
        WorkspaceDocuments shared = WorkspaceDocuments.render(linked);
        for (String[] names : List.of(new String[] {linked.name(), linked.displayName()},
                new String[] {"acme2", "Acme's \"Sales\" $1 \\ team"})) {
            for (Optional<String> description : DESCRIPTIONS) {
                Workspace workspace = new Workspace(names[0], names[1], description, linked.objects(), linked.location());
                List<GeneratedFile> direct = SchemaCompiler.emit(workspace, new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE),
                        EnumSet.of(Artifact.OPENAPI));
                String what = example + " as " + names[0] + " with description " + description;
                assertEquals(content(direct, "openapi-core.json"), shared.openApiCore(workspace), what);
                assertEquals(content(direct, "openapi-metadata.json"), shared.openApiMetadata(workspace), what);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "showcase"})
    void theSharedSchemaNamesNoWorkspace(String example) {
        Workspace linked = link(example);
        String sdl = WorkspaceDocuments.render(linked).graphqlSdl();
        for (String line : sdl.split("\n")) {
            // The file header comment is not part of the schema: graphql-java never serves it.
            if (!line.startsWith("#")) {
                assertFalse(line.contains("@@crm-workspace"), line);
                assertFalse(line.contains(linked.name()) && !linked.name().isBlank() && line.contains("workspace '"), line);
            }
        }
    }

    private static String content(List<GeneratedFile> files, String name) {
        return files.stream().filter(f -> f.path().endsWith("/" + name)).map(GeneratedFile::content).findFirst().orElseThrow();
    }

    private static Workspace link(String example) {
        return ExampleWorkspaces.model(example);
    }
}
