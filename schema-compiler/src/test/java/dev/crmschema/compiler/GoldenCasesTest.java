package dev.crmschema.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.crmschema.compiler.diag.Diagnostic;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.source.MetadataFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case directory under {@code src/test/resources/cases}: {@code metadata/} is compiled and the
 * result must equal {@code expected/} exactly, either the rendered diagnostics ({@code errors.txt}) or every
 * generated file. Regenerate with {@code mvn test -pl schema-compiler -Dtest=GoldenCasesTest -Dcrm.updateGolden=true};
 * CI refuses the flag, so a change of output is always a reviewed diff.
 */
class GoldenCasesTest {
    private static final Path CASES = Path.of("src", "test", "resources", "cases");
    private static final boolean UPDATE = Boolean.getBoolean("crm.updateGolden");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        if (UPDATE && System.getenv("CI") != null) {
            throw new IllegalStateException("crm.updateGolden is refused in CI: golden files must be committed");
        }
        List<Path> cases;
        try (Stream<Path> list = Files.list(CASES)) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no golden cases found in " + CASES.toAbsolutePath());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    private static void run(Path dir) throws IOException {
        SchemaCompiler.Result result = SchemaCompiler.compile(MetadataFiles.load(dir.resolve("metadata")),
                new EmitContext("golden"), EnumSet.allOf(Artifact.class));
        Map<String, String> actual = new TreeMap<>();
        if (!result.succeeded()) {
            actual.put("errors.txt", result.diagnostics().stream().map(Diagnostic::render)
                    .collect(Collectors.joining("\n", "", "\n")));
        } else {
            for (GeneratedFile file : result.files()) {
                String folder = file.kind() == GeneratedFile.Kind.JAVA_SOURCE ? "java/" : "resources/";
                actual.put(folder + file.path(), file.content());
            }
        }
        Path expectedDir = dir.resolve("expected");
        if (UPDATE) {
            write(expectedDir, actual);
            return;
        }
        Map<String, String> expected = read(expectedDir);
        assertEquals(expected.keySet(), actual.keySet(), "generated file set of case " + dir.getFileName());
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertEquals(file.getValue(), actual.get(file.getKey()), "case " + dir.getFileName() + ": " + file.getKey());
        }
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                List<Path> all = new ArrayList<>(walk.toList());
                all.sort((a, b) -> b.getNameCount() - a.getNameCount());
                for (Path path : all) {
                    Files.delete(path);
                }
            }
        }
        files.forEach((path, content) -> {
            try {
                Path target = dir.resolve(path);
                Files.createDirectories(target.getParent());
                Files.writeString(target, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
