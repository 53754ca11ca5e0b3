package dev.crmschema.runtime.core;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code core} schema: workspaces, their metadata files, API keys, roles, rate-limit counters and the log of
 * record changes. Migrations are numbered and applied once, under an advisory lock, so several servers starting
 * together do not race.
 */
public final class CoreSchema {
    /** The notification channel of migration 5's triggers: a key or a role changed. */
    public static final String KEY_CHANGED_CHANNEL = "crm_api_key_changed";

    /** Arbitrary constant identifying this migration lock among PostgreSQL advisory locks. */
    private static final long MIGRATION_LOCK = 0x43524d_0001L;

    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE core.workspace (
                      id uuid PRIMARY KEY,
                      name text NOT NULL UNIQUE,
                      display_name text NOT NULL,
                      schema_name text NOT NULL UNIQUE,
                      model_hash text NOT NULL,
                      created_at timestamptz NOT NULL DEFAULT now(),
                      updated_at timestamptz NOT NULL DEFAULT now())""",
                    """
                    CREATE TABLE core.workspace_file (
                      workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
                      path text NOT NULL,
                      content text NOT NULL,
                      PRIMARY KEY (workspace_id, path))""",
                    """
                    CREATE TABLE core.api_key (
                      id uuid PRIMARY KEY,
                      workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
                      name text NOT NULL,
                      secret_hash bytea NOT NULL,
                      created_at timestamptz NOT NULL DEFAULT now(),
                      expires_at timestamptz NOT NULL,
                      revoked_at timestamptz)""",
                    "CREATE INDEX api_key_workspace_idx ON core.api_key (workspace_id)"),
            // Rate limits (issue 6): an optional calls-per-window limit per workspace and per key, and one
            // counter row per key per window, shared by every server on this database. The counters are
            // UNLOGGED: no WAL per request; a crash empties them, which only forgives one window's calls.
            List.of(
                    "ALTER TABLE core.workspace ADD COLUMN rate_limit integer CHECK (rate_limit > 0)",
                    "ALTER TABLE core.api_key ADD COLUMN rate_limit integer CHECK (rate_limit > 0)",
                    """
                    CREATE UNLOGGED TABLE core.rate_limit_window (
                      key_id uuid NOT NULL REFERENCES core.api_key (id) ON DELETE CASCADE,
                      window_start bigint NOT NULL,
                      calls integer NOT NULL,
                      PRIMARY KEY (key_id, window_start))"""),
            // 3: live metadata changes. Every change bumps the version (servers compare it to what they serve);
            // metadata_id keeps the ids of renamed or re-created objects and fields (field_name '' is the object).
            List.of(
                    "ALTER TABLE core.workspace ADD COLUMN metadata_version bigint NOT NULL DEFAULT 1",
                    """
                    CREATE TABLE core.metadata_id (
                      workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
                      object_name text NOT NULL,
                      field_name text NOT NULL,
                      id uuid NOT NULL,
                      PRIMARY KEY (workspace_id, object_name, field_name),
                      UNIQUE (workspace_id, id))"""),
            // 4: roles (issue 6). Every key has one role; each workspace has the built-in roles 'admin' (everything)
            // and 'read-only' (read all records, nothing else), made by a trigger whatever creates the workspace.
            // Object and field permissions name their object and field by metadata id, so renames keep them; an object
            // permission replaces the role-wide flags for its object, a null field flag means "as the object". version grows with every change of a role, so a
            // server can cache a role's permissions and still see a change on the next request.
            List.of(
                    """
                    CREATE TABLE core.role (
                      id uuid PRIMARY KEY,
                      workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
                      label text NOT NULL,
                      description text,
                      standard_id text CHECK (standard_id IN ('admin', 'read-only')),
                      can_read_all_object_records boolean NOT NULL,
                      can_update_all_object_records boolean NOT NULL,
                      can_soft_delete_all_object_records boolean NOT NULL,
                      can_destroy_all_object_records boolean NOT NULL,
                      settings text[] NOT NULL DEFAULT '{}',
                      version bigint NOT NULL DEFAULT 1,
                      created_at timestamptz NOT NULL DEFAULT now(),
                      updated_at timestamptz NOT NULL DEFAULT now(),
                      UNIQUE (workspace_id, label),
                      UNIQUE (workspace_id, standard_id))""",
                    """
                    CREATE TABLE core.role_object_permission (
                      role_id uuid NOT NULL REFERENCES core.role (id) ON DELETE CASCADE,
                      object_id uuid NOT NULL,
                      can_read boolean NOT NULL,
                      can_update boolean NOT NULL,
                      can_soft_delete boolean NOT NULL,
                      can_destroy boolean NOT NULL,
                      PRIMARY KEY (role_id, object_id))""",
                    """
                    CREATE TABLE core.role_field_permission (
                      role_id uuid NOT NULL REFERENCES core.role (id) ON DELETE CASCADE,
                      object_id uuid NOT NULL,
                      field_id uuid NOT NULL,
                      can_read boolean,
                      can_update boolean,
                      PRIMARY KEY (role_id, field_id))""",
                    """
                    CREATE FUNCTION core.create_builtin_roles() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      INSERT INTO core.role (id, workspace_id, label, description, standard_id, can_read_all_object_records,
                          can_update_all_object_records, can_soft_delete_all_object_records, can_destroy_all_object_records, settings)
                      VALUES (gen_random_uuid(), NEW.id, 'Admin', 'Every record and every setting', 'admin', true, true, true, true,
                          ARRAY['API_KEYS_AND_WEBHOOKS', 'WORKSPACE', 'WORKSPACE_MEMBERS', 'ROLES', 'DATA_MODEL', 'SECURITY', 'WORKFLOWS']),
                        (gen_random_uuid(), NEW.id, 'Read-only', 'Reads every record, changes nothing', 'read-only',
                          true, false, false, false, '{}');
                      RETURN NEW;
                    END $$""",
                    """
                    CREATE TRIGGER workspace_builtin_roles AFTER INSERT ON core.workspace
                      FOR EACH ROW EXECUTE FUNCTION core.create_builtin_roles()""",
                    """
                    INSERT INTO core.role (id, workspace_id, label, description, standard_id, can_read_all_object_records,
                        can_update_all_object_records, can_soft_delete_all_object_records, can_destroy_all_object_records, settings)
                    SELECT gen_random_uuid(), w.id, r.label, r.description, r.standard_id, true, r.write, r.write, r.write, r.settings
                    FROM core.workspace w CROSS JOIN (VALUES
                        ('Admin', 'Every record and every setting', 'admin', true,
                          ARRAY['API_KEYS_AND_WEBHOOKS', 'WORKSPACE', 'WORKSPACE_MEMBERS', 'ROLES', 'DATA_MODEL', 'SECURITY', 'WORKFLOWS']),
                        ('Read-only', 'Reads every record, changes nothing', 'read-only', false, '{}'::text[]))
                      AS r (label, description, standard_id, write, settings)""",
                    "ALTER TABLE core.api_key ADD COLUMN role_id uuid REFERENCES core.role (id)",
                    "UPDATE core.api_key k SET role_id = r.id FROM core.role r WHERE r.workspace_id = k.workspace_id AND r.standard_id = 'admin'",
                    "ALTER TABLE core.api_key ALTER COLUMN role_id SET NOT NULL",
                    "CREATE INDEX api_key_role_idx ON core.api_key (role_id)",
                    // A key inserted without a role (older code paths, tests) gets its workspace's admin role.
                    """
                    CREATE FUNCTION core.default_key_role() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF NEW.role_id IS NULL THEN
                        SELECT id INTO NEW.role_id FROM core.role WHERE workspace_id = NEW.workspace_id AND standard_id = 'admin';
                      END IF;
                      RETURN NEW;
                    END $$""",
                    """
                    CREATE TRIGGER api_key_default_role BEFORE INSERT ON core.api_key
                      FOR EACH ROW EXECUTE FUNCTION core.default_key_role()"""),
            // 5: servers cache the keys in use (ApiKeyCache). Any change to a key or a role, by whatever server,
            // command or hand-written SQL, notifies every server, which empties its cache. Notifications are sent on
            // commit and folded into one per transaction.
            List.of(
                    """
                    CREATE FUNCTION core.notify_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      PERFORM pg_notify('%s', '');
                      RETURN NULL;
                    END $$""".formatted(KEY_CHANGED_CHANNEL),
                    """
                    CREATE TRIGGER api_key_changed AFTER UPDATE OR DELETE ON core.api_key
                      FOR EACH ROW EXECUTE FUNCTION core.notify_key_change()""",
                    """
                    CREATE TRIGGER role_changed AFTER UPDATE OR DELETE ON core.role
                      FOR EACH ROW EXECUTE FUNCTION core.notify_key_change()"""),
            // 6: servers keep the counts of lists until a write to the workspace's tables commits (RecordChanges):
            // a statement-level trigger on every workspace table appends a row here. The table is logged, so a
            // crash cannot roll a version back to a value some server already saw.
            List.of(
                    "CREATE TABLE core.record_change (schema_name text NOT NULL, weight bigint NOT NULL DEFAULT 1)",
                    "CREATE INDEX record_change_schema_idx ON core.record_change (schema_name) INCLUDE (weight)",
                    """
                    CREATE FUNCTION core.note_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      INSERT INTO core.record_change (schema_name) VALUES (TG_TABLE_SCHEMA);
                      RETURN NULL;
                    END $$"""),
            // 7: when objects and fields were created and last changed, by metadata id; only items a metadata
            // change created or altered have a row, the others date from their workspace (MetadataTimes).
            List.of(
                    """
                    CREATE TABLE core.metadata_time (
                      workspace_id uuid NOT NULL REFERENCES core.workspace (id) ON DELETE CASCADE,
                      id uuid NOT NULL,
                      created_at timestamptz NOT NULL,
                      updated_at timestamptz NOT NULL,
                      PRIMARY KEY (workspace_id, id))"""),
            // 8: the digest of the statements each workspace schema last received at load (AppliedDdl), so a
            // start skips those that already ran.
            List.of(
                    """
                    CREATE TABLE core.applied_ddl (
                      schema_name text PRIMARY KEY REFERENCES core.workspace (schema_name) ON DELETE CASCADE,
                      sha256 text NOT NULL)"""),
            // 9: a count reads one table, so each write is logged with its table (RecordChanges): a write to notes no
            // longer makes every list of companies count again. Rows without a table (those logged before, and the
            // one DDL logs) count for every table of their schema. A server of an earlier version still running on
            // the database compacts a schema's rows into one without a table: safe, versions only go up.
            List.of(
                    "ALTER TABLE core.record_change ADD COLUMN table_name text NOT NULL DEFAULT ''",
                    "DROP INDEX core.record_change_schema_idx",
                    "CREATE INDEX record_change_table_idx ON core.record_change (schema_name, table_name) INCLUDE (weight)",
                    """
                    CREATE OR REPLACE FUNCTION core.note_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      INSERT INTO core.record_change (schema_name, table_name) VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME);
                      RETURN NULL;
                    END $$"""));

    private CoreSchema() {}

    /** Brings the core schema to the newest version; returns how many migrations ran. */
    public static int migrate(DSLContext dsl) {
        return migrate(dsl, MIGRATIONS.size());
    }

    /** Brings the core schema to {@code target} (tests of a migration start from the version before it). */
    static int migrate(DSLContext dsl, int target) {
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            ctx.execute("SELECT pg_advisory_xact_lock(?)", MIGRATION_LOCK);
            ctx.execute("CREATE SCHEMA IF NOT EXISTS core");
            ctx.execute("CREATE TABLE IF NOT EXISTS core.schema_version (version integer PRIMARY KEY, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
            Integer current = ctx.select(DSL.max(DSL.field(DSL.name("version"), SQLDataType.INTEGER)))
                    .from(DSL.table(DSL.name("core", "schema_version")))
                    .fetchOne(0, Integer.class);
            int version = current == null ? 0 : current;
            int applied = 0;
            for (int i = version; i < target; i++) {
                for (String statement : MIGRATIONS.get(i)) {
                    ctx.execute(statement);
                }
                ctx.execute("INSERT INTO core.schema_version (version) VALUES (?)", i + 1);
                applied++;
            }
            return applied;
        });
    }
}
