package dev.crmschema.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes what an earlier generation left in an output folder that the current one no longer produces, such
 * as the classes of a deleted object. The output folders belong to the plugin, so anything else in them is
 * stale.
 */
final class StaleFiles {
    private StaleFiles() {}

    /** Deletes every file under {@code root} not in {@code keep} (absolute, normalized), then empty folders. */
    static int remove(Path root, Set<Path> keep) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try {
            for (Path file : walk(root)) {
                if (Files.isRegularFile(file) && !keep.contains(file.toAbsolutePath().normalize())) {
                    Files.delete(file);
                    removed++;
                }
            }
            // Deepest first, so a folder is looked at after its sub-folders are gone.
            for (Path folder : walk(root).stream().sorted(Comparator.reverseOrder()).toList()) {
                if (!folder.equals(root) && Files.isDirectory(folder) && isEmpty(folder)) {
                    Files.delete(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove stale files in " + root, e);
        }
        return removed;
    }

    private static List<Path> walk(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.sorted().toList();
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }
}
