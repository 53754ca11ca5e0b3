package dev.crmschema.fuzz;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The example workspaces' files and linked models, loaded once: what the fuzz targets parse against. */
final class Models {
    static final MetadataFiles SHOWCASE_FILES = files("showcase");
    static final List<ObjectType> OBJECTS = objects();

    private Models() {}

    static MetadataFiles files(String example) {
        Path fromModule = Path.of("..", "examples", "workspaces", example);
        return MetadataFiles.load(Files.isDirectory(fromModule) ? fromModule : Path.of("examples", "workspaces", example));
    }

    private static List<ObjectType> objects() {
        List<ObjectType> objects = new ArrayList<>();
        for (String example : List.of("standard", "showcase")) {
            SchemaCompiler.Result result = SchemaCompiler.check(files(example));
            Workspace workspace = result.workspace().orElseThrow(() -> new AssertionError(example + ": " + result.diagnostics()));
            objects.addAll(workspace.objects());
        }
        return List.copyOf(objects);
    }
}
