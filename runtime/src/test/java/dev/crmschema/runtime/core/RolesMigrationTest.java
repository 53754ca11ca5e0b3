package dev.crmschema.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import dev.crmschema.runtime.permissions.Role;
import dev.crmschema.runtime.permissions.RoleStore;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Core migration 4 on a database that already has workspaces and keys: each workspace gets the built-in
 * Admin and Read-only roles, every existing key becomes Admin, and so do keys inserted later without a
 * role; workspaces created afterwards get their built-in roles from the trigger.
 */
class RolesMigrationTest {
    @Test
    void existingKeysBecomeAdminAndNewWorkspacesGetTheBuiltInRoles() {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.startTemporary(); Database database = new Database(postgres.configuration())) {
            DSLContext dsl = database.dsl();
            assertEquals(3, CoreSchema.migrate(dsl, 3));
            UUID before = workspace(dsl, "before");
            UUID oldKey = UUID.randomUUID();
            dsl.execute("INSERT INTO core.api_key (id, workspace_id, name, secret_hash, expires_at) VALUES (?, ?, 'old', ?, ?)",
                    oldKey, before, new byte[32], OffsetDateTime.now().plusDays(1));

            assertEquals(1, CoreSchema.migrate(dsl, 4));
            RoleStore roles = new RoleStore(dsl);
            Role admin = roles.builtIn(before, Role.ADMIN);
            Role readOnly = roles.builtIn(before, Role.READ_ONLY);
            assertEquals(List.of("Admin", "Read-only"), roles.list(before).stream().map(Role::label).toList());
            assertEquals(List.of(true, true, true, true), List.of(admin.canReadAllObjectRecords(), admin.canUpdateAllObjectRecords(),
                    admin.canSoftDeleteAllObjectRecords(), admin.canDestroyAllObjectRecords()));
            assertEquals(List.of(true, false, false, false), List.of(readOnly.canReadAllObjectRecords(),
                    readOnly.canUpdateAllObjectRecords(), readOnly.canSoftDeleteAllObjectRecords(), readOnly.canDestroyAllObjectRecords()));
            assertEquals(0, readOnly.settings().size());
            ApiKeyStore keys = new ApiKeyStore(dsl);
            assertEquals(admin.id(), keys.byId(oldKey).orElseThrow().roleId(), "a key from before roles is Admin");
            assertEquals(admin.id(), keys.create(before, "later", OffsetDateTime.now().plusDays(1)).key().roleId(),
                    "a key created without a role is Admin");

            UUID after = workspace(dsl, "after");
            assertEquals(2, roles.list(after).size(), "the trigger gives a new workspace its built-in roles");
            CoreSchema.migrate(dsl);
            assertEquals(0, CoreSchema.migrate(dsl), "migrations run once");
        }
    }

    private static UUID workspace(DSLContext dsl, String name) {
        UUID id = UUID.randomUUID();
        dsl.execute("INSERT INTO core.workspace (id, name, display_name, schema_name, model_hash) VALUES (?, ?, ?, ?, 'hash')",
                id, name, name, "workspace_" + name);
        return id;
    }
}
