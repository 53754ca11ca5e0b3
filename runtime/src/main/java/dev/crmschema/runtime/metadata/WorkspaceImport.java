package dev.crmschema.runtime.metadata;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.diag.Diagnostic;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.metadata.MetadataStore.Stored;
import dev.crmschema.runtime.workspace.WorkspaceService;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Creates a workspace from metadata files, or brings an existing one (same workspace name) to them as one
 * metadata change, without a running server: servers pick the change up through their notifications.
 */
public final class WorkspaceImport {
    /** What an import did: the workspace, whether it was new, and its metadata version now. */
    public record Outcome(WorkspaceRecord workspace, boolean created, long version, int schemaStatements) {}

    private final DSLContext dsl;
    private final WorkspaceService workspaces;

    public WorkspaceImport(DSLContext dsl, WorkspaceService workspaces) {
        this.dsl = dsl;
        this.workspaces = workspaces;
    }

    /**
     * Throws {@link InvalidMetadataException} with every diagnostic for invalid files, {@link ApiException}
     * for a change the rules or the records refuse.
     */
    public Outcome importFiles(MetadataFiles files) {
        SchemaCompiler.Result linked = SchemaCompiler.check(files);
        if (!linked.succeeded()) {
            throw new InvalidMetadataException(linked.diagnostics().stream().map(Diagnostic::render).toList());
        }
        String name = linked.workspace().orElseThrow().name();
        Optional<WorkspaceRecord> existing = new WorkspaceStore(dsl).byName(name);
        if (existing.isEmpty()) {
            WorkspaceRecord created = workspaces.create(files);
            return new Outcome(created, true, created.metadataVersion(), 0);
        }
        MetadataStore store = new MetadataStore(dsl);
        MetadataWriter writer = new MetadataWriter(dsl);
        for (int attempt = 0; attempt < 5; attempt++) {
            Stored stored = store.read(existing.get().id()).orElseThrow();
            WorkspaceMetadata current = WorkspaceMetadata.of(stored.record().id(), stored.record().metadataVersion(), stored.files(),
                    stored.metadataIds(), stored.times());
            MetadataWriter.Prepared prepared = writer.prepare(stored.record(), current, FilesEdit.replace(current, name, files));
            try {
                writer.commit(prepared);
            } catch (MetadataWriter.VersionConflict e) {
                continue;
            }
            return new Outcome(prepared.nextRecord(), false, prepared.next().version(), prepared.migration().size());
        }
        throw new ApiException(409, "ConflictException", "The workspace's metadata keeps changing; retry", null);
    }
}
