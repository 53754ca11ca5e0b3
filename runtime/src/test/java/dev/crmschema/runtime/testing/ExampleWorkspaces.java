package dev.crmschema.runtime.testing;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example workspaces of {@code examples/workspaces}, for tests run from the module or the repository root. */
public final class ExampleWorkspaces {
    private ExampleWorkspaces() {}

    public static Path folder(String name) {
        Path fromModule = Path.of("..", "examples", "workspaces", name);
        return Files.isDirectory(fromModule) ? fromModule : Path.of("examples", "workspaces", name);
    }

    public static MetadataFiles files(String name) {
        return MetadataFiles.load(folder(name));
    }

    /** The linked model; fails with the compiler's diagnostics when the example does not link. */
    public static Workspace model(String name) {
        SchemaCompiler.Result result = SchemaCompiler.check(files(name));
        if (!result.succeeded()) {
            throw new AssertionError("the " + name + " workspace is invalid:\n" + result.diagnostics());
        }
        return result.workspace().orElseThrow();
    }
}
