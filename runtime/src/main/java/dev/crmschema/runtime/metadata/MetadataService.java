package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.metadata.MetadataStore.Stored;
import dev.crmschema.runtime.workspace.WorkspaceService;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live metadata changes on a running server. A change is edited and validated on the stored files,
 * the next snapshot (compiled classes, documents) is built before anything commits, then the change
 * commits in one transaction and the snapshot is swapped in at once: requests that started on the old
 * snapshot finish on it, the next ones see the change. Other workspaces are not touched.
 */
public final class MetadataService {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataService.class);
    /** Changes that lose the race against another server's change are prepared again this often. */
    private static final int ATTEMPTS = 5;

    /** What a change answers: its status and JSON body. */
    public record Answer(int status, JsonNode body) {}

    private final MetadataStore store;
    private final MetadataWriter writer;
    private final WorkspaceService workspaces;
    private final Map<UUID, WorkspaceMetadata> views = new ConcurrentHashMap<>();
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    public MetadataService(DSLContext dsl, WorkspaceService workspaces) {
        this.store = new MetadataStore(dsl);
        this.writer = new MetadataWriter(dsl);
        this.workspaces = workspaces;
    }

    /** The metadata of the version {@code snapshot} serves, or a newer one. */
    public WorkspaceMetadata metadata(WorkspaceSnapshot snapshot) {
        WorkspaceMetadata cached = views.get(snapshot.record().id());
        if (cached != null && cached.version() >= snapshot.record().metadataVersion()) {
            return cached;
        }
        return view(stored(snapshot.record().id()));
    }

    /** Applies one change to the caller's workspace; {@code edit} builds it from the current metadata. */
    public Answer change(WorkspaceSnapshot snapshot, Function<WorkspaceMetadata, ModelChange> edit) {
        UUID id = snapshot.record().id();
        // One change at a time per workspace on this server; other servers are caught by the version check.
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                long started = System.nanoTime();
                Stored stored = stored(id);
                WorkspaceMetadata current = view(stored);
                ModelChange change = edit.apply(current);
                MetadataWriter.Prepared prepared = writer.prepare(stored.record(), current, change);
                long validated = System.nanoTime();
                WorkspaceSnapshot next = workspaces.prepare(prepared.nextRecord(), prepared.linked().workspace().orElseThrow());
                long built = System.nanoTime();
                try {
                    writer.commit(prepared);
                } catch (MetadataWriter.VersionConflict e) {
                    LOG.info("Metadata of workspace '{}' changed meanwhile; preparing the change again", stored.record().name());
                    continue;
                }
                workspaces.registry().offer(next);
                remember(prepared.next());
                LOG.info("Workspace '{}' serves metadata version {}: validated in {} ms, snapshot built in {} ms, committed in {} ms",
                        stored.record().name(), prepared.next().version(), millis(started, validated), millis(validated, built),
                        millis(built, System.nanoTime()));
                return new Answer(change.status(), change.answer(prepared.next()));
            }
            throw new ApiException(409, "ConflictException", "The workspace's metadata keeps changing; retry", null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Brings this server to {@code version} of a workspace that changed elsewhere (or was created or
     * deleted): the schema is already migrated, so only the snapshot is rebuilt and swapped.
     */
    public void refresh(UUID workspaceId, long version) {
        // A change of this server's own holds the lock until it has swapped: its notification then finds nothing to do.
        ReentrantLock lock = locks.computeIfAbsent(workspaceId, k -> new ReentrantLock());
        lock.lock();
        try {
            refreshLocked(workspaceId, version);
        } finally {
            lock.unlock();
        }
    }

    private void refreshLocked(UUID workspaceId, long version) {
        Optional<WorkspaceSnapshot> serving = workspaces.registry().get(workspaceId);
        if (serving.isPresent() && serving.get().record().metadataVersion() >= version) {
            return;
        }
        Optional<Stored> stored = store.read(workspaceId);
        if (stored.isEmpty()) {
            workspaces.registry().remove(workspaceId);
            views.remove(workspaceId);
            return;
        }
        WorkspaceRecord record = stored.get().record();
        SchemaCompiler.Result linked = SchemaCompiler.check(stored.get().files());
        if (!linked.succeeded()) {
            LOG.error("Stored metadata of workspace '{}' version {} does not link: {}", record.name(), record.metadataVersion(),
                    linked.diagnostics());
            return;
        }
        WorkspaceSnapshot next = workspaces.prepare(record, linked.workspace().orElseThrow());
        if (workspaces.registry().offer(next)) {
            LOG.info("Workspace '{}' now serves metadata version {}", record.name(), record.metadataVersion());
        }
        remember(WorkspaceMetadata.of(workspaceId, record.metadataVersion(), stored.get().files(), linked,
                stored.get().metadataIds(), stored.get().times()));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    public MetadataStore store() {
        return store;
    }

    private Stored stored(UUID workspaceId) {
        return store.read(workspaceId).orElseThrow(() -> ApiException.notFound("Workspace not found"));
    }

    private WorkspaceMetadata view(Stored stored) {
        UUID id = stored.record().id();
        WorkspaceMetadata cached = views.get(id);
        if (cached != null && cached.version() == stored.record().metadataVersion()) {
            return cached;
        }
        WorkspaceMetadata built = WorkspaceMetadata.of(id, stored.record().metadataVersion(), stored.files(), stored.metadataIds(),
                stored.times());
        remember(built);
        return built;
    }

    private void remember(WorkspaceMetadata metadata) {
        views.merge(metadata.workspaceId(), metadata, (old, next) -> next.version() >= old.version() ? next : old);
    }
}
