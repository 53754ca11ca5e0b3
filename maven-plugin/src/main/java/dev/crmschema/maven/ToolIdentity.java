package dev.crmschema.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * Identifies the code that generates: a content hash of the jar (or class folder, inside the reactor) each
 * given class comes from. Part of the fingerprint, so a rebuilt compiler regenerates even when the metadata
 * did not change; SNAPSHOT versions make the version number useless for that.
 */
final class ToolIdentity {
    private ToolIdentity() {}

    static String of(Class<?>... classes) {
        Fingerprint.Digest digest = new Fingerprint.Digest();
        for (Class<?> type : classes) {
            digest.put(type.getName());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                digest.put("<no code source>");
                continue;
            }
            Path location;
            try {
                location = Path.of(source.getLocation().toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                digest.put(source.getLocation().toString());
                continue;
            }
            hashLocation(location, digest);
        }
        return digest.hex();
    }

    private static void hashLocation(Path location, Fingerprint.Digest digest) {
        try {
            if (Files.isRegularFile(location)) {
                digest.put(Files.readAllBytes(location));
            } else if (Files.isDirectory(location)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(location)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    digest.put(location.relativize(file).toString().replace('\\', '/'));
                    digest.put(Files.readAllBytes(file));
                }
            } else {
                digest.put(location.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
