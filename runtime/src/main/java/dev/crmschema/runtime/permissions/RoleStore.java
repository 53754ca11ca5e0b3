package dev.crmschema.runtime.permissions;

import dev.crmschema.runtime.errors.ApiException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * Roles in {@code core.role} with their object and field permissions. Every write bumps the role's
 * {@code version}, which the key lookup reads with the key, so cached permissions never outlive a change;
 * a change or deletion also runs {@code afterChange} (the server empties its cache of keys, which hold
 * their role's version).
 */
public final class RoleStore {
    private static final String COLUMNS = "id, workspace_id, label, description, standard_id, can_read_all_object_records, "
            + "can_update_all_object_records, can_soft_delete_all_object_records, can_destroy_all_object_records, settings, "
            + "version, created_at, updated_at";

    private final DSLContext dsl;
    private final Runnable afterChange;

    public RoleStore(DSLContext dsl) {
        this(dsl, () -> {});
    }

    public RoleStore(DSLContext dsl, Runnable afterChange) {
        this.dsl = dsl;
        this.afterChange = afterChange;
    }

    /** The workspace's roles, built-in ones first, then by label. */
    public List<Role> list(UUID workspaceId) {
        List<Record> rows = dsl.fetch("SELECT " + COLUMNS + " FROM core.role WHERE workspace_id = ? "
                + "ORDER BY standard_id IS NULL, label, id", workspaceId);
        List<Role> roles = new ArrayList<>();
        for (Record row : rows) {
            roles.add(withPermissions(dsl, row));
        }
        return roles;
    }

    /** A role of the workspace; empty for another workspace's role, so ids never leak across workspaces. */
    public Optional<Role> byId(UUID workspaceId, UUID id) {
        return dsl.fetchOptional("SELECT " + COLUMNS + " FROM core.role WHERE workspace_id = ? AND id = ?", workspaceId, id)
                .map(row -> withPermissions(dsl, row));
    }

    /** A role by id alone (permission loading on the request path, where the key names its role). */
    public Optional<Role> byId(UUID id) {
        return dsl.fetchOptional("SELECT " + COLUMNS + " FROM core.role WHERE id = ?", id).map(row -> withPermissions(dsl, row));
    }

    /** A role of the workspace by its label or, for built-in roles, its standard id ({@code admin}, {@code read-only}). */
    public Optional<Role> byName(UUID workspaceId, String name) {
        return dsl.fetchOptional("SELECT " + COLUMNS + " FROM core.role WHERE workspace_id = ? AND (standard_id = ? OR label = ?) "
                + "ORDER BY standard_id IS NULL LIMIT 1", workspaceId, name, name).map(row -> withPermissions(dsl, row));
    }

    public Role builtIn(UUID workspaceId, String standardId) {
        return dsl.fetchOptional("SELECT " + COLUMNS + " FROM core.role WHERE workspace_id = ? AND standard_id = ?",
                workspaceId, standardId).map(row -> withPermissions(dsl, row))
                .orElseThrow(() -> new IllegalStateException("workspace " + workspaceId + " has no built-in role " + standardId));
    }

    public Role create(UUID workspaceId, RoleDraft draft) {
        UUID id = UUID.randomUUID();
        write(() -> dsl.transaction(tx -> {
            tx.dsl().execute("INSERT INTO core.role (id, workspace_id, label, description, can_read_all_object_records, "
                    + "can_update_all_object_records, can_soft_delete_all_object_records, can_destroy_all_object_records, settings) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, workspaceId, draft.label(), draft.description().orElse(null),
                    draft.canReadAllObjectRecords(), draft.canUpdateAllObjectRecords(), draft.canSoftDeleteAllObjectRecords(),
                    draft.canDestroyAllObjectRecords(), settingsArray(draft.settings()));
            writePermissions(tx.dsl(), id, draft);
        }));
        return byId(workspaceId, id).orElseThrow();
    }

    /** Replaces a custom role's flags and permissions; built-in roles are refused. */
    public Role update(UUID workspaceId, UUID id, RoleDraft draft) {
        Role current = byId(workspaceId, id).orElseThrow(() -> ApiException.notFound("Role not found"));
        if (current.isBuiltIn()) {
            throw ApiException.badRequest("Built-in role '" + current.label() + "' cannot be changed");
        }
        write(() -> dsl.transaction(tx -> {
            tx.dsl().execute("UPDATE core.role SET label = ?, description = ?, can_read_all_object_records = ?, "
                    + "can_update_all_object_records = ?, can_soft_delete_all_object_records = ?, can_destroy_all_object_records = ?, "
                    + "settings = ?, version = version + 1, updated_at = now() WHERE id = ?", draft.label(),
                    draft.description().orElse(null), draft.canReadAllObjectRecords(), draft.canUpdateAllObjectRecords(),
                    draft.canSoftDeleteAllObjectRecords(), draft.canDestroyAllObjectRecords(), settingsArray(draft.settings()), id);
            tx.dsl().execute("DELETE FROM core.role_object_permission WHERE role_id = ?", id);
            tx.dsl().execute("DELETE FROM core.role_field_permission WHERE role_id = ?", id);
            writePermissions(tx.dsl(), id, draft);
        }));
        afterChange.run();
        return byId(workspaceId, id).orElseThrow();
    }

    /** Deletes a custom role that no key holds; built-in roles and roles in use are refused. */
    public Role delete(UUID workspaceId, UUID id) {
        Role current = byId(workspaceId, id).orElseThrow(() -> ApiException.notFound("Role not found"));
        if (current.isBuiltIn()) {
            throw ApiException.badRequest("Built-in role '" + current.label() + "' cannot be deleted");
        }
        int keys = dsl.fetchOne("SELECT count(*) FROM core.api_key WHERE role_id = ?", id).get(0, Integer.class);
        if (keys > 0) {
            throw ApiException.badRequest("Role '" + current.label() + "' is assigned to " + keys
                    + " API key(s); assign them another role first");
        }
        dsl.execute("DELETE FROM core.role WHERE id = ?", id);
        afterChange.run();
        return current;
    }

    private static void writePermissions(DSLContext tx, UUID roleId, RoleDraft draft) {
        for (ObjectPermission p : draft.objectPermissions()) {
            tx.execute("INSERT INTO core.role_object_permission (role_id, object_id, can_read, can_update, can_soft_delete, "
                    + "can_destroy) VALUES (?, ?, ?, ?, ?, ?)", roleId, p.objectId(), p.canRead(), p.canUpdate(), p.canSoftDelete(),
                    p.canDestroy());
        }
        for (FieldPermission p : draft.fieldPermissions()) {
            tx.execute("INSERT INTO core.role_field_permission (role_id, object_id, field_id, can_read, can_update) "
                    + "VALUES (?, ?, ?, ?, ?)", roleId, p.objectId(), p.fieldId(), p.canRead(), p.canUpdate());
        }
    }

    private static void write(Runnable work) {
        try {
            work.run();
        } catch (DataAccessException e) {
            // 23xxx: integrity constraint violations (the label is taken, or a permission is given twice).
            if (e.sqlState() != null && e.sqlState().startsWith("23")) {
                throw ApiException.badRequest("A role with this label already exists, or a permission is given twice");
            }
            throw e;
        }
    }

    private static Role withPermissions(DSLContext dsl, Record row) {
        UUID id = row.get("id", UUID.class);
        List<ObjectPermission> objects = dsl.fetch("SELECT object_id, can_read, can_update, can_soft_delete, can_destroy "
                + "FROM core.role_object_permission WHERE role_id = ? ORDER BY object_id", id)
                .map(r -> new ObjectPermission(r.get(0, UUID.class), r.get(1, Boolean.class), r.get(2, Boolean.class),
                        r.get(3, Boolean.class), r.get(4, Boolean.class)));
        List<FieldPermission> fields = dsl.fetch("SELECT object_id, field_id, can_read, can_update "
                + "FROM core.role_field_permission WHERE role_id = ? ORDER BY object_id, field_id", id)
                .map(r -> new FieldPermission(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, Boolean.class),
                        r.get(3, Boolean.class)));
        return new Role(id, row.get("workspace_id", UUID.class), row.get("label", String.class),
                Optional.ofNullable(row.get("description", String.class)), Optional.ofNullable(row.get("standard_id", String.class)),
                row.get("can_read_all_object_records", Boolean.class), row.get("can_update_all_object_records", Boolean.class),
                row.get("can_soft_delete_all_object_records", Boolean.class), row.get("can_destroy_all_object_records", Boolean.class),
                settings(row.get("settings", String[].class)), objects, fields, row.get("version", Long.class),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
    }

    private static Set<SettingsPermission> settings(String[] stored) {
        Set<SettingsPermission> settings = EnumSet.noneOf(SettingsPermission.class);
        for (String name : stored) {
            settings.add(SettingsPermission.valueOf(name));
        }
        return settings;
    }

    private static String[] settingsArray(Set<SettingsPermission> settings) {
        return settings.stream().sorted().map(Enum::name).toArray(String[]::new);
    }
}
