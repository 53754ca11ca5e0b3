package dev.crmschema.runtime.core;

import dev.crmschema.compiler.source.MetadataFiles;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Reads and writes workspaces and their metadata files in the core schema. */
public final class WorkspaceStore {
    private final DSLContext dsl;

    public WorkspaceStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The schema a workspace's records live in: {@code workspace_} plus the workspace id in base 36,
     * as the reference system names it.
     */
    public static String schemaNameFor(UUID id) {
        String hex = id.toString().replace("-", "");
        return "workspace_" + new BigInteger(hex, 16).toString(36);
    }

    public List<WorkspaceRecord> list() {
        return dsl.fetch("SELECT id, name, display_name, schema_name, model_hash, created_at, metadata_version FROM core.workspace ORDER BY name")
                .map(WorkspaceStore::toRecord);
    }

    public Optional<WorkspaceRecord> byName(String name) {
        return dsl.fetchOptional(
                "SELECT id, name, display_name, schema_name, model_hash, created_at, metadata_version FROM core.workspace WHERE name = ?", name)
                .map(WorkspaceStore::toRecord);
    }

    public Optional<WorkspaceRecord> byId(UUID id) {
        return dsl.fetchOptional(
                "SELECT id, name, display_name, schema_name, model_hash, created_at, metadata_version FROM core.workspace WHERE id = ?", id)
                .map(WorkspaceStore::toRecord);
    }

    public MetadataFiles files(UUID workspaceId) {
        Map<String, String> files = new TreeMap<>();
        dsl.fetch("SELECT path, content FROM core.workspace_file WHERE workspace_id = ? ORDER BY path", workspaceId)
                .forEach(r -> files.put(r.get(0, String.class), r.get(1, String.class)));
        return new MetadataFiles(files);
    }

    /** Inserts a workspace row and its files; runs inside the caller's transaction when given its context. */
    public static void insert(DSLContext tx, WorkspaceRecord workspace, MetadataFiles files) {
        tx.execute("INSERT INTO core.workspace (id, name, display_name, schema_name, model_hash) VALUES (?, ?, ?, ?, ?)",
                workspace.id(), workspace.name(), workspace.displayName(), workspace.schemaName(), workspace.modelHash());
        files.byPath().forEach((path, content) -> tx.execute(
                "INSERT INTO core.workspace_file (workspace_id, path, content) VALUES (?, ?, ?)", workspace.id(), path, content));
    }

    private static WorkspaceRecord toRecord(Record r) {
        return new WorkspaceRecord(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class),
                r.get(3, String.class), r.get(4, String.class), r.get(5, OffsetDateTime.class), r.get(6, Long.class));
    }
}
