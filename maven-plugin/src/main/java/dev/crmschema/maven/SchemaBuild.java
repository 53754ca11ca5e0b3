package dev.crmschema.maven;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.diag.Diagnostic;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.OutputSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.SourceVersion;

/**
 * What the plugin's goals do, without Maven: find the workspaces, compile them, and write or only check.
 * Bad metadata or configuration ends in a {@link SchemaBuildException} whose message lists every problem.
 */
public final class SchemaBuild {
    private final BuildLog log;
    private final Supplier<String> toolIdentity;

    public SchemaBuild(BuildLog log) {
        this(log, () -> ToolIdentity.of(SchemaCompiler.class, SchemaBuild.class));
    }

    /** For tests: {@code toolIdentity} stands in for the hash of the compiler's and plugin's jars. */
    SchemaBuild(BuildLog log, Supplier<String> toolIdentity) {
        this.log = log;
        this.toolIdentity = toolIdentity;
    }

    /** The {@code generate} goal: regenerates every workspace, unless nothing it depends on changed. */
    public GenerationReport generate(GenerationOptions options) throws SchemaBuildException {
        long started = System.nanoTime();
        Set<Artifact> artifacts = ArtifactNames.parse(options.artifactNames());
        checkBasePackage(options.basePackage());
        checkFolders(options);
        List<WorkspaceFolder> workspaces = WorkspaceFolders.find(options.metadataDirectory());

        String fingerprint = Fingerprint.of(workspaces, options, artifacts, toolIdentity.get());
        Optional<GenerationRecord> previous = GenerationRecord.read(options.fingerprintFile());
        if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint)
                && previous.get().outputsExist(options.sourceOutputDirectory(), options.resourceOutputDirectory())) {
            log.info("crm-schema: workspaces unchanged, skipping generation (" + workspaces.size() + " workspaces)");
            return new GenerationReport(true, workspaces.size(), 0, 0, 0);
        }

        EmitContext context = new EmitContext(options.basePackage());
        List<GeneratedFile> files = new ArrayList<>();
        Map<WorkspaceFolder, List<Diagnostic>> problems = new LinkedHashMap<>();
        Map<String, String> producers = new LinkedHashMap<>();
        for (WorkspaceFolder workspace : workspaces) {
            long start = System.nanoTime();
            SchemaCompiler.Result result = SchemaCompiler.compile(workspace.files(), context, artifacts);
            if (!result.succeeded()) {
                problems.put(workspace, result.diagnostics());
                log.info("crm-schema: workspace folder " + workspace.label() + ": "
                        + count(result.diagnostics().size(), "problem"));
                continue;
            }
            String name = result.workspace().orElseThrow().name();
            for (GeneratedFile file : result.files()) {
                String previousProducer = producers.putIfAbsent(file.kind() + " " + file.path(), name);
                if (previousProducer != null) {
                    throw new SchemaBuildException("crm-schema: workspaces '" + previousProducer + "' and '" + name
                            + "' both generate " + file.path() + "; give each workspace a distinct name");
                }
            }
            files.addAll(result.files());
            log.info("crm-schema: workspace '" + name + "' (" + workspace.label() + "): "
                    + count(result.files().size(), "file") + " in " + millis(start) + " ms");
        }
        if (!problems.isEmpty()) {
            throw new SchemaBuildException(render(problems, workspaces.size()));
        }

        int stale = removeStale(options, files);
        int written = new OutputSink(options.sourceOutputDirectory(), options.resourceOutputDirectory()).write(files);
        GenerationRecord.of(fingerprint, files).write(options.fingerprintFile());
        log.info("crm-schema: generated " + count(files.size(), "file") + " for " + count(workspaces.size(), "workspace")
                + " (" + written + " written, " + (files.size() - written) + " unchanged, " + stale
                + " stale removed) in " + millis(started) + " ms");
        return new GenerationReport(false, workspaces.size(), files.size(), written, stale);
    }

    /** The {@code check} goal: reads and links every workspace, writes nothing; returns how many are valid. */
    public int check(Path metadataDirectory) throws SchemaBuildException {
        List<WorkspaceFolder> workspaces = WorkspaceFolders.find(metadataDirectory.toAbsolutePath().normalize());
        Map<WorkspaceFolder, List<Diagnostic>> problems = new LinkedHashMap<>();
        for (WorkspaceFolder workspace : workspaces) {
            SchemaCompiler.Result result = SchemaCompiler.check(workspace.files());
            if (result.succeeded()) {
                log.info("crm-schema: workspace '" + result.workspace().orElseThrow().name() + "' ("
                        + workspace.label() + ") is valid: "
                        + count(result.workspace().orElseThrow().objects().size(), "object"));
            } else {
                problems.put(workspace, result.diagnostics());
                log.info("crm-schema: workspace folder " + workspace.label() + ": "
                        + count(result.diagnostics().size(), "problem"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SchemaBuildException(render(problems, workspaces.size()));
        }
        return workspaces.size();
    }

    /** Every diagnostic, grouped under the workspace folder its (folder-relative) locations refer to. */
    private static String render(Map<WorkspaceFolder, List<Diagnostic>> problems, int workspaces) {
        int total = problems.values().stream().mapToInt(List::size).sum();
        StringBuilder out = new StringBuilder("crm-schema: ").append(count(total, "problem"))
                .append(" in workspace metadata (").append(problems.size()).append(" of ")
                .append(count(workspaces, "workspace")).append(')');
        problems.forEach((workspace, diagnostics) -> {
            out.append("\nin workspace folder ").append(workspace.path()).append(':');
            diagnostics.forEach(d -> out.append('\n').append(d.render()));
        });
        return out.toString();
    }

    private static int removeStale(GenerationOptions options, List<GeneratedFile> files) {
        Set<Path> keep = new LinkedHashSet<>();
        for (GeneratedFile file : files) {
            Path root = file.kind() == GeneratedFile.Kind.JAVA_SOURCE
                    ? options.sourceOutputDirectory()
                    : options.resourceOutputDirectory();
            keep.add(root.resolve(file.path()).normalize());
        }
        int removed = StaleFiles.remove(options.sourceOutputDirectory(), keep);
        if (!options.resourceOutputDirectory().equals(options.sourceOutputDirectory())) {
            removed += StaleFiles.remove(options.resourceOutputDirectory(), keep);
        }
        return removed;
    }

    private static void checkBasePackage(String basePackage) throws SchemaBuildException {
        if (basePackage == null || !SourceVersion.isName(basePackage)) {
            throw new SchemaBuildException("crm-schema: <basePackage> (crmSchema.basePackage) '" + basePackage
                    + "' is not a Java package name, e.g. " + EmitContext.DEFAULT_BASE_PACKAGE);
        }
    }

    /** The plugin deletes stale files in its output folders, so they must not hold the metadata. */
    private static void checkFolders(GenerationOptions options) throws SchemaBuildException {
        Path metadata = options.metadataDirectory();
        for (Path output : List.of(options.sourceOutputDirectory(), options.resourceOutputDirectory())) {
            if (metadata.startsWith(output) || output.startsWith(metadata)) {
                throw new SchemaBuildException("crm-schema: output folder " + output + " and metadata folder "
                        + metadata + " overlap; the plugin owns its output folders and deletes stale files there");
            }
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
