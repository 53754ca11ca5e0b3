package dev.crmschema.runtime.metadata;

import dev.crmschema.runtime.core.WorkspaceChanges;
import dev.crmschema.runtime.db.DatabaseNotifications;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import io.dropwizard.lifecycle.Managed;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this server in step with changes other servers make to the same database. It hears of them as
 * {@link WorkspaceChanges} notifications; each time the listener (re)connects it compares each
 * workspace's stored version with the one it serves, so changes made while it was not listening are
 * caught too. Snapshots are rebuilt on one background thread, never on a request.
 */
public final class MetadataSync implements DatabaseNotifications.Subscriber, Managed {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataSync.class);

    private final MetadataService service;
    private final WorkspaceRegistry registry;
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "metadata-reload");
        thread.setDaemon(true);
        return thread;
    });

    public MetadataSync(MetadataService service, WorkspaceRegistry registry) {
        this.service = service;
        this.registry = registry;
    }

    @Override
    public void stop() {
        reloads.shutdownNow();
    }

    @Override
    public void listening() {
        catchUp();
    }

    @Override
    public void deaf() {
        // Nothing to undo: what is missed meanwhile is caught up on by the next listening().
    }

    @Override
    public void notified(String payload) {
        WorkspaceChanges.parse(payload).ifPresent(c -> schedule(c.workspaceId(), c.version()));
    }

    /** Every workspace whose stored version is newer than the served one, and every one no longer stored. */
    private void catchUp() {
        Map<UUID, Long> versions = service.store().versions();
        versions.forEach((id, version) -> {
            long served = registry.get(id).map(s -> s.record().metadataVersion()).orElse(0L);
            if (version > served) {
                schedule(id, version);
            }
        });
        for (WorkspaceSnapshot snapshot : registry.all()) {
            if (!versions.containsKey(snapshot.record().id())) {
                schedule(snapshot.record().id(), Long.MAX_VALUE);
            }
        }
    }

    private void schedule(UUID workspaceId, long version) {
        reloads.execute(() -> {
            try {
                service.refresh(workspaceId, version);
            } catch (RuntimeException e) {
                LOG.error("Cannot bring workspace {} to metadata version {}", workspaceId, version, e);
            }
        });
    }
}
