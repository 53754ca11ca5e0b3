package dev.crmschema.runtime.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.ModelHash;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.api.GeneratedWorkspace;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled model classes kept in a folder: loaded on the next start, compiled again when they cannot be used. */
class CompiledModelCacheTest {
    private static final Workspace MODEL = SchemaCompiler.check(new MetadataFiles(Map.of("workspace.yaml", """
            workspace:
              name: kennel
              displayName: Kennel
              standardObjects: false
            objects:
              - nameSingular: dog
                namePlural: dogs
                fields:
                  - {name: name, type: TEXT}
                  - {name: weight, type: NUMBER}
            """))).workspace().orElseThrow();
    private static final String HASH = ModelHash.of(MODEL);

    @TempDir
    Path folder;

    private ModelClasses classes() {
        return new ModelClasses(getClass().getClassLoader(), CompiledModelCache.in(folder));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aSecondStartLoadsTheModelsClassesInsteadOfCompilingThem() throws IOException {
        ModelClasses first = classes();
        GeneratedWorkspace compiled = first.forModel(MODEL, HASH);
        assertEquals(1, first.javacRuns());
        assertEquals(1, entries().size(), "one entry: " + entries());

        ModelClasses second = classes();
        GeneratedWorkspace loaded = second.forModel(MODEL, HASH);
        assertEquals(0, second.javacRuns(), "the classes came from the cache");
        assertEquals(HASH, loaded.modelHash());
        assertEquals(compiled.objectNames(), loaded.objectNames());
        assertNotEquals(compiled.getClass(), loaded.getClass(), "a class loader of its own, as a compiled model has");
        assertEquals(compiled.getClass().getName(), loaded.getClass().getName());
    }

    @Test
    void anEntryThatCannotBeReadIsCompiledAgainAndReplaced() throws IOException {
        classes().forModel(MODEL, HASH);
        Path entry = entries().get(0);
        Files.write(entry, new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});

        ModelClasses again = classes();
        assertEquals(HASH, again.forModel(MODEL, HASH).modelHash());
        assertEquals(1, again.javacRuns(), "compiled again");

        ModelClasses after = classes();
        after.forModel(MODEL, HASH);
        assertEquals(0, after.javacRuns(), "the entry was replaced by a readable one");
    }

    @Test
    void aFolderThatCannotBeCreatedLeavesEveryModelCompiledAndTheServerRunning() throws IOException {
        Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
        ModelClasses uncached = new ModelClasses(getClass().getClassLoader(), CompiledModelCache.in(file.resolve("model-classes")));
        assertEquals(HASH, uncached.forModel(MODEL, HASH).modelHash());
        assertEquals(1, uncached.javacRuns());
    }

    @Test
    void withoutAFolderEveryModelIsCompiled() {
        for (int start = 0; start < 2; start++) {
            ModelClasses uncached = new ModelClasses(getClass().getClassLoader());
            uncached.forModel(MODEL, HASH);
            assertEquals(1, uncached.javacRuns());
        }
    }

    @Test
    void otherSourcesOrAnotherClassPathFileMakeAnotherEntry() throws IOException {
        Path jar = folder.resolve("library.jar");
        Files.writeString(jar, "one");
        String classpath = jar + File.pathSeparator + folder;
        Map<String, String> sources = Map.of("a/A.java", "class A {}", "a/B.java", "class B {}");
        String key = CompiledModelCache.key(sources, classpath);

        assertEquals(key, CompiledModelCache.key(Map.of("a/B.java", "class B {}", "a/A.java", "class A {}"), classpath),
                "the sources' order does not count");
        assertNotEquals(key, CompiledModelCache.key(Map.of("a/A.java", "class A {}", "a/B.java", "class B { }"), classpath));
        assertNotEquals(key, CompiledModelCache.key(Map.of("a/A.javaclass A {}", "", "a/B.java", "class B {}"), classpath),
                "a path and its text stay apart");
        Files.writeString(jar, "three");
        assertNotEquals(key, CompiledModelCache.key(sources, classpath), "a rebuilt jar of another size");
    }

    @Test
    void entriesUnreadForThirtyDaysAreDeletedWhenAnotherIsWritten() throws IOException {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        CompiledModelCache cache = new CompiledModelCache(folder, Clock.fixed(now, ZoneOffset.UTC));
        Map<String, byte[]> classes = Map.of("a.A", new byte[] {1, 2, 3});
        cache.write("old", classes);
        cache.write("read", classes);
        FileTime longAgo = FileTime.from(now.minus(CompiledModelCache.UNUSED_FOR).minus(Duration.ofDays(1)));
        Files.setLastModifiedTime(folder.resolve("old.jar"), longAgo);
        Files.setLastModifiedTime(folder.resolve("read.jar"), longAgo);
        assertTrue(cache.read("read").isPresent(), "reading an entry marks it used");

        cache.write("new", classes);
        assertEquals(List.of(folder.resolve("new.jar"), folder.resolve("read.jar")), entries());
        assertFalse(cache.read("old").isPresent());
        assertEquals(3, cache.read("new").orElseThrow().get("a.A").length);
    }
}
