package dev.crmschema.runtime.workspace;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The served workspaces, as one immutable map replaced atomically. A request reads the snapshot once
 * and finishes on it, even if a newer one is swapped in meanwhile.
 */
public final class WorkspaceRegistry {
    private final AtomicReference<Map<UUID, WorkspaceSnapshot>> snapshots = new AtomicReference<>(Map.of());

    public Optional<WorkspaceSnapshot> get(UUID workspaceId) {
        return Optional.ofNullable(snapshots.get().get(workspaceId));
    }

    public Collection<WorkspaceSnapshot> all() {
        return snapshots.get().values();
    }

    /**
     * Swaps in {@code snapshot} unless the registry already serves a newer metadata version of its
     * workspace (two reloads may finish out of order); returns whether it was swapped in.
     */
    public boolean offer(WorkspaceSnapshot snapshot) {
        boolean[] swapped = {false};
        snapshots.updateAndGet(current -> {
            WorkspaceSnapshot serving = current.get(snapshot.record().id());
            swapped[0] = serving == null || serving.record().metadataVersion() <= snapshot.record().metadataVersion();
            if (!swapped[0]) {
                return current;
            }
            Map<UUID, WorkspaceSnapshot> next = new LinkedHashMap<>(current);
            next.put(snapshot.record().id(), snapshot);
            return Collections.unmodifiableMap(next);
        });
        return swapped[0];
    }

    /** Stops serving a workspace (it was deleted). */
    public void remove(UUID workspaceId) {
        snapshots.updateAndGet(current -> {
            Map<UUID, WorkspaceSnapshot> next = new LinkedHashMap<>(current);
            next.remove(workspaceId);
            return Collections.unmodifiableMap(next);
        });
    }

    /** Adds or replaces one workspace's snapshot. */
    public void put(WorkspaceSnapshot snapshot) {
        snapshots.updateAndGet(current -> {
            Map<UUID, WorkspaceSnapshot> next = new LinkedHashMap<>(current);
            next.put(snapshot.record().id(), snapshot);
            return Collections.unmodifiableMap(next);
        });
    }
}
