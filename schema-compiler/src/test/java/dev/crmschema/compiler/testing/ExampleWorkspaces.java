package dev.crmschema.compiler.testing;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's example workspaces (examples/workspaces), linked, for emitter tests. */
public final class ExampleWorkspaces {
    private ExampleWorkspaces() {}

    public static Path folder(String name) {
        Path fromModule = Path.of("..", "examples", "workspaces", name);
        Path fromRoot = Path.of("examples", "workspaces", name);
        return Files.isDirectory(fromModule) ? fromModule : fromRoot;
    }

    public static MetadataFiles files(String name) {
        return MetadataFiles.load(folder(name));
    }

    /** Links an example workspace; fails the test with every diagnostic when it is invalid. */
    public static Workspace linked(String name) {
        SchemaCompiler.Result result = SchemaCompiler.check(files(name));
        if (!result.succeeded()) {
            throw new AssertionError("example workspace '" + name + "' is invalid:\n" + result.diagnostics());
        }
        return result.workspace().orElseThrow();
    }

    public static Workspace standard() {
        return linked("standard");
    }

    public static Workspace showcase() {
        return linked("showcase");
    }
}
