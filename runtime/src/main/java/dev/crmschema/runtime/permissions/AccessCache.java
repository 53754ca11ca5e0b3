package dev.crmschema.runtime.permissions;

import dev.crmschema.runtime.metadata.MetadataIds;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The resolved {@link Access} of each role, per role version and workspace snapshot. The key lookup
 * already reads the role's version with the key (one statement), so a request costs no database round
 * trip for its permissions unless the role or the workspace's model changed since the last request with
 * that role; then the role is read again. A change made on any server is seen on the next request.
 */
public final class AccessCache {
    /** The snapshot is held weakly: a replaced snapshot (and the model only it served) must not live on here. */
    private record Entry(long version, WeakReference<WorkspaceSnapshot> snapshot, Access access) {}

    private final RoleStore roles;
    private final Function<WorkspaceSnapshot, MetadataIds> ids;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    /** @param ids the metadata ids of a snapshot's objects and fields, which role permissions refer to */
    public AccessCache(RoleStore roles, Function<WorkspaceSnapshot, MetadataIds> ids) {
        this.roles = roles;
        this.ids = ids;
    }

    public Access of(UUID roleId, long roleVersion, WorkspaceSnapshot snapshot) {
        Entry cached = entries.get(roleId);
        if (cached != null && cached.version() == roleVersion && cached.snapshot().get() == snapshot) {
            return cached.access();
        }
        Role role = roles.byId(roleId).orElseThrow(() -> new IllegalStateException("key role " + roleId + " is gone"));
        MetadataIds metadataIds = ids.apply(snapshot);
        Access access = Access.resolve(role, snapshot.model(), o -> metadataIds.object(o.nameSingular()),
                (o, f) -> metadataIds.field(o.nameSingular(), f.name()));
        // The role read may be newer than the key row's version; keyed by what was read, so the next request re-checks.
        entries.put(roleId, new Entry(role.version(), new WeakReference<>(snapshot), access));
        return access;
    }

    /** Forgets a deleted role. */
    public void forget(UUID roleId) {
        entries.remove(roleId);
    }
}
