package dev.crmschema.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.diag.Diagnostic;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.source.MetadataFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaBuildTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "workspaces");
    private static final FileTime LONG_AGO = FileTime.fromMillis(0);

    @TempDir
    Path temp;

    private Path metadata;
    private Path sources;
    private Path resources;
    private Path fingerprint;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void copyExamples() throws IOException {
        metadata = temp.resolve("crm");
        copyTree(EXAMPLES, metadata);
        sources = temp.resolve("target/generated-sources/crm-schema");
        resources = temp.resolve("target/generated-resources/crm-schema");
        fingerprint = temp.resolve("target/crm-schema.fingerprint");
    }

    @Test
    void generatesEveryWorkspaceAndLogsOneLinePerWorkspace() throws Exception {
        GenerationReport report = build("compiler-1").generate(options(List.of()));

        assertFalse(report.upToDate());
        assertEquals(2, report.workspaces());
        for (String workspace : List.of("showcase", "standard")) {
            List<GeneratedFile> expected = SchemaCompiler.compile(MetadataFiles.load(metadata.resolve(workspace)),
                    new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE), EnumSet.allOf(Artifact.class)).files();
            assertFalse(expected.isEmpty());
            for (GeneratedFile file : expected) {
                Path root = file.kind() == GeneratedFile.Kind.JAVA_SOURCE ? sources : resources;
                assertEquals(file.content(), Files.readString(root.resolve(file.path())), file.path());
            }
        }
        assertTrue(Files.isRegularFile(resources.resolve("crm-schema/showcase/ir.json")));
        assertTrue(Files.isRegularFile(fingerprint));
        List<String> perWorkspace = log.stream().filter(l -> l.startsWith("crm-schema: workspace '")).toList();
        assertEquals(2, perWorkspace.size(), log.toString());
        assertTrue(perWorkspace.get(0).startsWith("crm-schema: workspace 'showcase' (showcase): "), perWorkspace.get(0));
        assertTrue(perWorkspace.get(1).startsWith("crm-schema: workspace 'standard' (standard): "), perWorkspace.get(1));
        assertTrue(log.get(log.size() - 1).startsWith("crm-schema: generated " + report.files() + " files for 2 workspaces"),
                log.toString());
    }

    @Test
    void skipsWhenMetadataConfigurationAndCompilerAreUnchanged() throws Exception {
        build("compiler-1").generate(options(List.of()));
        Path ir = resources.resolve("crm-schema/showcase/ir.json");
        Files.setLastModifiedTime(ir, LONG_AGO);
        log.clear();

        GenerationReport again = build("compiler-1").generate(options(List.of()));

        assertTrue(again.upToDate());
        assertEquals(List.of("crm-schema: workspaces unchanged, skipping generation (2 workspaces)"), log);
        assertEquals(LONG_AGO, Files.getLastModifiedTime(ir));
    }

    @Test
    void regeneratesOnlyWhatAMetadataChangeAffects() throws Exception {
        build("compiler-1").generate(options(List.of()));
        List<Path> outputs = filesUnder(temp.resolve("target/generated-sources"));
        outputs.addAll(filesUnder(temp.resolve("target/generated-resources")));
        for (Path output : outputs) {
            Files.setLastModifiedTime(output, LONG_AGO);
        }
        Path pet = metadata.resolve("showcase/objects/pet.yaml");
        Files.writeString(pet, Files.readString(pet).replace("labelSingular: Pet", "labelSingular: Companion"));

        GenerationReport report = build("compiler-1").generate(options(List.of()));

        assertFalse(report.upToDate());
        assertTrue(report.written() >= 1 && report.written() < report.files(), report.toString());
        assertTrue(Files.readString(resources.resolve("crm-schema/showcase/ir.json")).contains("\"Companion\""));
        for (Path output : outputs) {
            if (output.toString().contains("standard")) {
                assertEquals(LONG_AGO, Files.getLastModifiedTime(output), "the standard workspace is untouched: " + output);
            }
        }
    }

    @Test
    void regeneratesWhenTheCompilerOrTheConfigurationChangesOrAnOutputIsGone() throws Exception {
        build("compiler-1").generate(options(List.of()));

        assertFalse(build("compiler-2").generate(options(List.of())).upToDate(), "new compiler");
        assertTrue(build("compiler-2").generate(options(List.of())).upToDate());
        assertFalse(build("compiler-2").generate(options(List.of("ir"))).upToDate(), "other artifacts");
        GenerationOptions otherPackage = new GenerationOptions(metadata, sources, resources, "com.example.crm",
                List.of("ir"), fingerprint);
        assertFalse(build("compiler-2").generate(otherPackage).upToDate(), "other package");

        Files.delete(resources.resolve("crm-schema/standard/ir.json"));
        assertFalse(build("compiler-2").generate(otherPackage).upToDate(), "deleted output");
        assertTrue(Files.isRegularFile(resources.resolve("crm-schema/standard/ir.json")));
    }

    @Test
    void removesFilesThatNoLongerGetGenerated() throws Exception {
        build("compiler-1").generate(options(List.of()));
        int standardFiles = SchemaCompiler.compile(MetadataFiles.load(metadata.resolve("standard")),
                new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE), EnumSet.allOf(Artifact.class)).files().size();
        Path staleSource = sources.resolve("dev/crmschema/generated/gone/Gone.java");
        Files.createDirectories(staleSource.getParent());
        Files.writeString(staleSource, "class Gone {}");
        deleteTree(metadata.resolve("standard"));

        GenerationReport report = build("compiler-1").generate(options(List.of()));

        assertEquals(1, report.workspaces());
        assertEquals(1 + standardFiles, report.staleRemoved());
        assertFalse(Files.exists(resources.resolve("crm-schema/standard")), "stale folder removed");
        assertFalse(Files.exists(staleSource.getParent()), "emptied folder removed");
        assertFalse(Files.exists(sources.resolve("dev/crmschema/generated/standard")));
        assertTrue(Files.isRegularFile(resources.resolve("crm-schema/showcase/ir.json")));
    }

    @Test
    void badMetadataFailsWithEveryRenderedDiagnosticAndWritesNothing() throws Exception {
        Path broken = metadata.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("workspace.yaml"), """
                workspace:
                  name: broken
                objects:
                  - nameSingular: thing
                    namePlural: things
                    fields:
                      - {name: size, label: Size, type: TXT}
                      - {name: owner, label: Owner, type: RELATION,
                         relation: {type: MANY_TO_ONE, targetObject: nobody, inverseField: things}}
                """);
        List<Diagnostic> expected = SchemaCompiler.check(MetadataFiles.load(broken)).diagnostics();
        assertTrue(expected.size() >= 2, expected.toString());

        SchemaBuildException failure = assertThrows(SchemaBuildException.class,
                () -> build("compiler-1").generate(options(List.of())));

        String message = failure.getMessage();
        assertTrue(message.startsWith("crm-schema: " + expected.size() + " problems in workspace metadata (1 of 3 workspaces)"),
                message);
        assertTrue(message.contains("in workspace folder " + broken.toAbsolutePath().normalize() + ":"), message);
        for (Diagnostic diagnostic : expected) {
            assertTrue(message.contains(diagnostic.render()), diagnostic.render());
        }
        assertTrue(message.contains("workspace.yaml:7:"), "located to the line of the bad type: " + message);
        assertFalse(Files.exists(resources), "nothing written when any workspace is invalid");
        assertFalse(Files.exists(fingerprint));

        SchemaBuildException checked = assertThrows(SchemaBuildException.class, () -> build("compiler-1").check(metadata));
        assertEquals(message, checked.getMessage(), "check reports exactly what generate does");
    }

    @Test
    void unknownArtifactNamesAreRejectedWithASuggestion() throws Exception {
        SchemaBuildException failure = assertThrows(SchemaBuildException.class,
                () -> build("compiler-1").generate(options(List.of("ir", "OPENAP"))));

        assertEquals("crm-schema: unknown artifact 'OPENAP' in <artifacts> (crmSchema.artifacts); did you mean 'OPENAPI'?"
                + " known artifacts: IR, OPENAPI, GRAPHQL, DDL, JOOQ, RESOURCES", failure.getMessage());
        assertTrue(build("compiler-1").generate(options(List.of("ir"))).files() > 0, "names are case-insensitive");
    }

    @Test
    void acceptsASingleWorkspaceFolder() throws Exception {
        GenerationOptions single = new GenerationOptions(metadata.resolve("showcase"), sources, resources,
                EmitContext.DEFAULT_BASE_PACKAGE, List.of(), fingerprint);

        GenerationReport report = build("compiler-1").generate(single);

        assertEquals(1, report.workspaces());
        assertTrue(Files.isRegularFile(resources.resolve("crm-schema/showcase/ir.json")));
        assertFalse(Files.exists(resources.resolve("crm-schema/standard")));
        assertTrue(log.get(0).startsWith("crm-schema: workspace 'showcase' (.): "), log.get(0));
    }

    @Test
    void checkLinksWithoutWriting() throws Exception {
        assertEquals(2, build("compiler-1").check(metadata));

        assertFalse(Files.exists(temp.resolve("target")));
        assertTrue(log.get(0).startsWith("crm-schema: workspace 'showcase' (showcase) is valid: "), log.toString());
    }

    @Test
    void misplacedFoldersAreConfigurationErrors() {
        SchemaBuildException missing = assertThrows(SchemaBuildException.class,
                () -> build("compiler-1").check(temp.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("metadata folder " + temp.resolve("nowhere") + " does not exist"),
                missing.getMessage());

        GenerationOptions inside = new GenerationOptions(metadata, metadata.resolve("out"), resources,
                EmitContext.DEFAULT_BASE_PACKAGE, List.of(), fingerprint);
        SchemaBuildException overlap = assertThrows(SchemaBuildException.class, () -> build("compiler-1").generate(inside));
        assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());

        GenerationOptions badPackage = new GenerationOptions(metadata, sources, resources, "dev.crm-schema",
                List.of(), fingerprint);
        SchemaBuildException notAPackage = assertThrows(SchemaBuildException.class,
                () -> build("compiler-1").generate(badPackage));
        assertTrue(notAPackage.getMessage().contains("'dev.crm-schema' is not a Java package name"),
                notAPackage.getMessage());
    }

    private SchemaBuild build(String compilerIdentity) {
        return new SchemaBuild(log::add, () -> compilerIdentity);
    }

    private GenerationOptions options(List<String> artifacts) {
        return new GenerationOptions(metadata, sources, resources, EmitContext.DEFAULT_BASE_PACKAGE, artifacts, fingerprint);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return new ArrayList<>(paths.filter(Files::isRegularFile).sorted().toList());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
