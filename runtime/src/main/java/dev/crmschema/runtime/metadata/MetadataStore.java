package dev.crmschema.runtime.metadata;

import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.metadata.MetadataIds.Key;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Reads and writes a workspace's metadata in the core schema: its files, stored ids, times and version. Reads
 * of one workspace happen in one snapshot of the database, so files, ids and version always agree.
 */
public final class MetadataStore {
    /** A workspace's metadata as stored at one version. */
    public record Stored(WorkspaceRecord record, MetadataFiles files, Map<Key, UUID> ids, Map<UUID, MetadataTimes.Stamp> stamps) {
        public MetadataIds metadataIds() {
            return new MetadataIds(record.id(), ids);
        }

        public MetadataTimes times() {
            return new MetadataTimes(record.createdAt(), stamps);
        }
    }

    private final DSLContext dsl;

    public MetadataStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Stored> read(UUID workspaceId) {
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            ctx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Optional<WorkspaceRecord> record = new WorkspaceStore(ctx).byId(workspaceId);
            if (record.isEmpty()) {
                return Optional.empty();
            }
            MetadataFiles files = new WorkspaceStore(ctx).files(workspaceId);
            Map<Key, UUID> ids = new LinkedHashMap<>();
            ctx.fetch("SELECT object_name, field_name, id FROM core.metadata_id WHERE workspace_id = ? ORDER BY object_name, field_name",
                    workspaceId).forEach(r -> ids.put(new Key(r.get(0, String.class), r.get(1, String.class)), r.get(2, UUID.class)));
            Map<UUID, MetadataTimes.Stamp> stamps = new LinkedHashMap<>();
            ctx.fetch("SELECT id, created_at, updated_at FROM core.metadata_time WHERE workspace_id = ?", workspaceId)
                    .forEach(r -> stamps.put(r.get(0, UUID.class),
                            new MetadataTimes.Stamp(r.get(1, OffsetDateTime.class), r.get(2, OffsetDateTime.class))));
            return Optional.of(new Stored(record.get(), files, ids, stamps));
        });
    }

    /** Every workspace's current metadata version. */
    public Map<UUID, Long> versions() {
        Map<UUID, Long> versions = new TreeMap<>();
        dsl.fetch("SELECT id, metadata_version FROM core.workspace").forEach(r -> versions.put(r.get(0, UUID.class), r.get(1, Long.class)));
        return versions;
    }

    /** Locks the workspace row for the rest of {@code tx} and returns its version. */
    static long lockVersion(DSLContext tx, UUID workspaceId) {
        Long version = tx.fetchOne("SELECT metadata_version FROM core.workspace WHERE id = ? FOR UPDATE", workspaceId)
                .get(0, Long.class);
        return version;
    }

    static void writeFiles(DSLContext tx, UUID workspaceId, MetadataFiles before, MetadataFiles after) {
        for (String path : before.byPath().keySet()) {
            if (!after.byPath().containsKey(path)) {
                tx.execute("DELETE FROM core.workspace_file WHERE workspace_id = ? AND path = ?", workspaceId, path);
            }
        }
        after.byPath().forEach((path, content) -> {
            if (!content.equals(before.byPath().get(path))) {
                tx.execute("INSERT INTO core.workspace_file (workspace_id, path, content) VALUES (?, ?, ?) "
                        + "ON CONFLICT (workspace_id, path) DO UPDATE SET content = EXCLUDED.content", workspaceId, path, content);
            }
        });
    }

    static void writeIds(DSLContext tx, UUID workspaceId, Map<Key, UUID> ids) {
        tx.execute("DELETE FROM core.metadata_id WHERE workspace_id = ?", workspaceId);
        ids.forEach((key, id) -> tx.execute(
                "INSERT INTO core.metadata_id (workspace_id, object_name, field_name, id) VALUES (?, ?, ?, ?)",
                workspaceId, key.object(), key.field(), id));
    }

    /** Stores the stamps that differ from {@code before}'s and drops those of items that are gone. */
    static void writeTimes(DSLContext tx, UUID workspaceId, MetadataTimes before, MetadataTimes after) {
        for (UUID id : before.stamps().keySet()) {
            if (!after.stamps().containsKey(id)) {
                tx.execute("DELETE FROM core.metadata_time WHERE workspace_id = ? AND id = ?", workspaceId, id);
            }
        }
        after.stamps().forEach((id, stamp) -> {
            if (!stamp.equals(before.stamps().get(id))) {
                tx.execute("INSERT INTO core.metadata_time (workspace_id, id, created_at, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (workspace_id, id) DO UPDATE SET created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at",
                        workspaceId, id, stamp.created(), stamp.updated());
            }
        });
    }

    static void writeVersion(DSLContext tx, UUID workspaceId, long version, String modelHash) {
        tx.execute("UPDATE core.workspace SET metadata_version = ?, model_hash = ?, updated_at = now() WHERE id = ?",
                version, modelHash, workspaceId);
    }

    /** Paths that differ between two versions of a workspace's files. */
    static Set<String> changedPaths(MetadataFiles before, MetadataFiles after) {
        Set<String> paths = new java.util.TreeSet<>();
        before.byPath().keySet().stream().filter(p -> !after.byPath().containsKey(p)).forEach(paths::add);
        after.byPath().forEach((path, content) -> {
            if (!content.equals(before.byPath().get(path))) {
                paths.add(path);
            }
        });
        return paths;
    }
}
