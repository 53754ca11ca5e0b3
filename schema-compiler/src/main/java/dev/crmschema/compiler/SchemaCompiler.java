package dev.crmschema.compiler;

import dev.crmschema.compiler.diag.Diagnostic;
import dev.crmschema.compiler.diag.Diagnostics;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.emit.Emitters;
import dev.crmschema.compiler.emit.ParallelEmitters;
import dev.crmschema.compiler.link.Linker;
import dev.crmschema.compiler.link.StandardTemplate;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.compiler.source.WorkspaceReader;
import dev.crmschema.compiler.syntax.WorkspaceElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The compiler's entry point: workspace metadata files in, diagnostics and generated files out.
 * Bad metadata never throws; it comes back as diagnostics.
 */
public final class SchemaCompiler {
    private SchemaCompiler() {}

    /**
     * What one compilation produced: either diagnostics with errors, or the linked model and its files.
     * {@code workspace} is the model the API serves; {@code withInactive} also has the inactive objects and
     * fields, which keep their storage (schema migrations use it).
     */
    public record Result(
            List<Diagnostic> diagnostics, Optional<Workspace> workspace, List<GeneratedFile> files, Optional<Workspace> withInactive) {
        public Result(List<Diagnostic> diagnostics, Optional<Workspace> workspace, List<GeneratedFile> files) {
            this(diagnostics, workspace, files, workspace);
        }

        public boolean succeeded() {
            return workspace.isPresent();
        }
    }

    /** Reads and links only (the {@code check} goal): returns the diagnostics and, when valid, the model. */
    public static Result check(MetadataFiles files) {
        Diagnostics diagnostics = new Diagnostics();
        WorkspaceElement element = WorkspaceReader.read(files, diagnostics);
        Optional<Linker.Models> models = new Linker(diagnostics).linkModels(element, Optional.of(StandardTemplate.read()));
        if (diagnostics.hasErrors()) {
            models = Optional.empty();
        }
        return new Result(diagnostics.sorted(), models.map(Linker.Models::active), List.of(),
                models.map(Linker.Models::withInactive));
    }

    /** Reads, links and, when the metadata is valid, emits the requested artifacts. */
    public static Result compile(MetadataFiles files, EmitContext context, Set<Artifact> artifacts) {
        Result checked = check(files);
        if (checked.workspace().isEmpty()) {
            return checked;
        }
        return new Result(checked.diagnostics(), checked.workspace(), emit(checked.workspace().get(), context, artifacts),
                checked.withInactive());
    }

    /**
     * Runs the chosen emitters over an already linked model, side by side ({@link ParallelEmitters}); files
     * come back sorted by path.
     */
    public static List<GeneratedFile> emit(Workspace workspace, EmitContext context, Set<Artifact> artifacts) {
        List<Emitter> chosen = Emitters.all().stream().filter(emitter -> artifacts.contains(emitter.artifact())).toList();
        List<GeneratedFile> files = new ArrayList<>();
        ParallelEmitters.emit(chosen, workspace, context).forEach(files::addAll);
        files.sort(Comparator.comparing(GeneratedFile::kind).thenComparing(GeneratedFile::path));
        return List.copyOf(files);
    }
}
