package dev.crmschema.maven;

import dev.crmschema.compiler.output.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful generation recorded in the fingerprint file: its fingerprint and the files it
 * wrote, so a later build can tell that its inputs are unchanged and its outputs still there.
 */
record GenerationRecord(String fingerprint, List<String> outputs) {
    private static final String HEADER = "# crm-schema: fingerprint of the last generation and the files it wrote";
    private static final String FINGERPRINT = "sha256 ";
    private static final String SOURCE = "source ";
    private static final String RESOURCE = "resource ";

    static GenerationRecord of(String fingerprint, List<GeneratedFile> files) {
        return new GenerationRecord(fingerprint, files.stream()
                .map(f -> (f.kind() == GeneratedFile.Kind.JAVA_SOURCE ? SOURCE : RESOURCE) + f.path())
                .toList());
    }

    /** The record in {@code file}, or empty when there is none or it is unreadable (then everything regenerates). */
    static Optional<GenerationRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        String fingerprint = null;
        List<String> outputs = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(FINGERPRINT)) {
                fingerprint = line.substring(FINGERPRINT.length());
            } else if (line.startsWith(SOURCE) || line.startsWith(RESOURCE)) {
                outputs.add(line);
            }
        }
        return fingerprint == null ? Optional.empty() : Optional.of(new GenerationRecord(fingerprint, outputs));
    }

    void write(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(FINGERPRINT + fingerprint);
        lines.addAll(outputs);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Whether every recorded file still exists under its output folder. */
    boolean outputsExist(Path sourceRoot, Path resourceRoot) {
        for (String output : outputs) {
            Path path = output.startsWith(SOURCE)
                    ? sourceRoot.resolve(output.substring(SOURCE.length()))
                    : resourceRoot.resolve(output.substring(RESOURCE.length()));
            if (!Files.isRegularFile(path)) {
                return false;
            }
        }
        return true;
    }
}
