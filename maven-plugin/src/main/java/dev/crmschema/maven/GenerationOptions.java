package dev.crmschema.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the {@code generate} goal is configured with, free of Maven types so the build can run and be
 * tested without Maven.
 *
 * @param metadataDirectory folder of workspace folders, or a single workspace folder
 * @param sourceOutputDirectory root that generated Java goes to
 * @param resourceOutputDirectory root that generated resources go to
 * @param basePackage Java package that each workspace's package is nested in
 * @param artifactNames names of the {@link dev.crmschema.compiler.emit.Artifact}s to emit; empty means all
 * @param fingerprintFile where the last generation's fingerprint is kept
 */
public record GenerationOptions(
        Path metadataDirectory,
        Path sourceOutputDirectory,
        Path resourceOutputDirectory,
        String basePackage,
        List<String> artifactNames,
        Path fingerprintFile) {

    public GenerationOptions {
        metadataDirectory = metadataDirectory.toAbsolutePath().normalize();
        sourceOutputDirectory = sourceOutputDirectory.toAbsolutePath().normalize();
        resourceOutputDirectory = resourceOutputDirectory.toAbsolutePath().normalize();
        fingerprintFile = fingerprintFile.toAbsolutePath().normalize();
        artifactNames = artifactNames == null ? List.of() : List.copyOf(artifactNames);
    }
}
