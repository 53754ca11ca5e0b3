package dev.crmschema.runtime.workspace;

import dev.crmschema.runtime.core.TextDigest;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled classes of models kept in a folder, one jar per model's generated sources, so that a server
 * that starts again, or a command run after it, loads a model's classes instead of running javac on them
 * (four fifths of compiling a model). An entry is named after a digest of the sources and of the class
 * path they were compiled against, so a new version of the server (another jar, another size or time)
 * never reads classes an older one compiled. The folder is only a cache: an entry that cannot be read is
 * compiled again and replaced, one that cannot be written is logged and skipped, and the folder may be
 * deleted at any time. Entries are written under a temporary name and then renamed, so servers sharing
 * the folder never read half an entry; an entry no one has read for {@link #UNUSED_FOR} is deleted when
 * another is written.
 */
public final class CompiledModelCache {
    /** No folder: every model is compiled. */
    public static final CompiledModelCache NONE = new CompiledModelCache(null, Clock.systemUTC());

    static final Duration UNUSED_FOR = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(CompiledModelCache.class);
    private static final String SUFFIX = ".jar";

    private final Path folder;
    private final Clock clock;

    CompiledModelCache(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** A cache in {@code folder}, created when missing; where it cannot be, none (logged): models are compiled. */
    public static CompiledModelCache in(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            LOG.warn("The model class cache folder {} cannot be created ({}); every model will be compiled", folder, e.toString());
            return NONE;
        }
        return new CompiledModelCache(folder.toAbsolutePath(), Clock.systemUTC());
    }

    /**
     * The name of the entry for these sources (path to text) compiled against {@code classpath}, when there is a
     * folder: a digest of both, and of each class path file's size and modification time (a folder on the class
     * path, as in a development build, counts by its path alone). Computed once per model compiled or loaded.
     */
    Optional<String> keyFor(Map<String, String> sources, String classpath) {
        return folder == null ? Optional.empty() : Optional.of(key(sources, classpath));
    }

    static String key(Map<String, String> sources, String classpath) {
        List<String> parts = new ArrayList<>(2 * sources.size() + 1);
        new TreeMap<>(sources).forEach((path, text) -> {
            parts.add(path);
            parts.add(text);
        });
        parts.add(Integer.toString(Runtime.version().feature()));
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            parts.add(path.toString());
            try {
                if (Files.isRegularFile(path)) {
                    parts.add(Files.size(path) + "@" + Files.getLastModifiedTime(path).toMillis());
                }
            } catch (IOException e) {
                parts.add("unreadable");
            }
        }
        return TextDigest.of(parts);
    }

    /** The classes (binary name to bytes) kept under {@code key} ({@link #keyFor}), if there is a readable entry. */
    Optional<Map<String, byte[]>> read(String key) {
        Path entry = folder.resolve(key + SUFFIX);
        Map<String, byte[]> classes = new TreeMap<>();
        try (ZipInputStream jar = new ZipInputStream(Files.newInputStream(entry))) {
            for (ZipEntry file = jar.getNextEntry(); file != null; file = jar.getNextEntry()) {
                String name = file.getName();
                if (!name.endsWith(".class")) {
                    throw new IOException("unexpected file " + name);
                }
                classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), jar.readAllBytes());
            }
            if (classes.isEmpty()) {
                throw new IOException("no classes");
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Model class cache entry {} cannot be read ({}); compiling the model again", entry, e.getMessage());
            return Optional.empty();
        }
        markUsed(entry);
        return Optional.of(classes);
    }

    /** Keeps a read entry from being deleted as unused; where the folder cannot be written, it stays a cache to read. */
    private void markUsed(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(clock.instant()));
        } catch (IOException e) {
            LOG.debug("Model class cache entry {} not marked as used: {}", entry, e.getMessage());
        }
    }

    /** Keeps {@code classes} under {@code key} ({@link #keyFor}), replacing what was there. */
    void write(String key, Map<String, byte[]> classes) {
        Path entry = folder.resolve(key + SUFFIX);
        Path partial = null;
        try {
            partial = Files.createTempFile(folder, key, ".partial");
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream jar = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> named : new TreeMap<>(classes).entrySet()) {
                    jar.putNextEntry(new ZipEntry(named.getKey().replace('.', '/') + ".class"));
                    jar.write(named.getValue());
                    jar.closeEntry();
                }
            }
            try {
                Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            deleteUnused();
        } catch (IOException e) {
            LOG.warn("Model class cache entry {} cannot be written ({}); the model will be compiled at the next start",
                    entry, e.getMessage());
            deleteQuietly(partial);
        }
    }

    /** Deletes the entries no one has read or written for {@link #UNUSED_FOR}, and partial ones as old. */
    private void deleteUnused() throws IOException {
        FileTime oldest = FileTime.from(clock.instant().minus(UNUSED_FOR));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.{jar,partial}")) {
            for (Path entry : entries) {
                try {
                    if (Files.getLastModifiedTime(entry).compareTo(oldest) < 0) {
                        Files.deleteIfExists(entry);
                    }
                } catch (NoSuchFileException e) {
                    // deleted by another server meanwhile
                }
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a partial entry left behind is deleted with the unused ones
            }
        }
    }

}
