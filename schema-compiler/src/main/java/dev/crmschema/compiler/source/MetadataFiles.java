package dev.crmschema.compiler.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The metadata files of one workspace, keyed by their path relative to the workspace folder (always
 * with '/' separators), in sorted order so that reading never depends on the file system's order.
 */
public record MetadataFiles(Map<String, String> byPath) {
    public static final String WORKSPACE_FILE = "workspace.yaml";

    public MetadataFiles {
        byPath = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byPath));
    }

    public static boolean isMetadataFile(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /** Loads every .yaml, .yml and .json file under {@code folder}. */
    public static MetadataFiles load(Path folder) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (isMetadataFile(relative)) {
                    files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workspace metadata in " + folder, e);
        }
        return new MetadataFiles(files);
    }
}
