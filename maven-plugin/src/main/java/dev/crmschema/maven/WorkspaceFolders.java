package dev.crmschema.maven;

import dev.crmschema.compiler.source.MetadataFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the workspaces under the metadata directory. Either the directory is one workspace (it has
 * {@code workspace.yaml} at its root), or each sub-folder holding metadata files is one.
 */
final class WorkspaceFolders {
    private WorkspaceFolders() {}

    static List<WorkspaceFolder> find(Path metadataDirectory) throws SchemaBuildException {
        if (!Files.isDirectory(metadataDirectory)) {
            throw new SchemaBuildException("crm-schema: metadata folder " + metadataDirectory + " does not exist;"
                    + " set <metadataDirectory> (crmSchema.metadataDirectory) to a folder of workspace folders");
        }
        if (Files.isRegularFile(metadataDirectory.resolve(MetadataFiles.WORKSPACE_FILE))) {
            return List.of(new WorkspaceFolder(".", metadataDirectory, MetadataFiles.load(metadataDirectory)));
        }
        List<WorkspaceFolder> found = new ArrayList<>();
        for (Path child : subFolders(metadataDirectory)) {
            MetadataFiles files = MetadataFiles.load(child);
            // A sub-folder with metadata but no workspace.yaml is still compiled: the compiler reports CRM105.
            if (!files.byPath().isEmpty()) {
                found.add(new WorkspaceFolder(child.getFileName().toString(), child, files));
            }
        }
        if (found.isEmpty()) {
            throw new SchemaBuildException("crm-schema: no workspaces in " + metadataDirectory + ": expected "
                    + MetadataFiles.WORKSPACE_FILE + " there, or sub-folders that each hold a workspace with its "
                    + MetadataFiles.WORKSPACE_FILE);
        }
        return List.copyOf(found);
    }

    /** Visible sub-folders, sorted by name so the build order never depends on the file system. */
    private static List<Path> subFolders(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
