package dev.crmschema.maven;

import dev.crmschema.compiler.source.MetadataFiles;
import java.nio.file.Path;

/**
 * One workspace's folder and the metadata files read from it.
 *
 * @param label how the build log names the folder: its path relative to the metadata directory, or "." when
 *     the metadata directory is itself the workspace
 */
record WorkspaceFolder(String label, Path path, MetadataFiles files) {}
