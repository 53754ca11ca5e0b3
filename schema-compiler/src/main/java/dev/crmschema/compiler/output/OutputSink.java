package dev.crmschema.compiler.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes generated files under two roots. It refuses paths that would escape their root, and leaves
 * a file untouched when its bytes are already right (so incremental builds see no change).
 */
public final class OutputSink {
    private final Path sourceRoot;
    private final Path resourceRoot;

    public OutputSink(Path sourceRoot, Path resourceRoot) {
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
        this.resourceRoot = resourceRoot.toAbsolutePath().normalize();
    }

    /** Writes every file; returns how many changed on disk. */
    public int write(List<GeneratedFile> files) {
        int changed = 0;
        for (GeneratedFile file : files) {
            Path root = file.kind() == GeneratedFile.Kind.JAVA_SOURCE ? sourceRoot : resourceRoot;
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root) || file.path().startsWith("/")) {
                throw new IllegalArgumentException("generated path escapes its output folder: " + file.path());
            }
            byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
            try {
                if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
                changed++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
        }
        return changed;
    }
}
