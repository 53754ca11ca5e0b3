package dev.crmschema.runtime.request;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** The showcase example workspace (standard objects plus pet, shelter, visit), linked once for all tests. */
final class Showcase {
    static final Workspace WORKSPACE = load();

    private Showcase() {}

    static ObjectType object(String nameSingular) {
        return WORKSPACE.require(nameSingular);
    }

    private static Workspace load() {
        Path fromModule = Path.of("..", "examples", "workspaces", "showcase");
        Path folder = Files.isDirectory(fromModule) ? fromModule : Path.of("examples", "workspaces", "showcase");
        SchemaCompiler.Result result = SchemaCompiler.check(MetadataFiles.load(folder));
        if (!result.succeeded()) {
            throw new AssertionError("the showcase workspace is invalid:\n" + result.diagnostics());
        }
        return result.workspace().orElseThrow();
    }
}
