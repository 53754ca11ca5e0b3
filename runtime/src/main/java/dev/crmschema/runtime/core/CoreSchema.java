package dev.crmschema.runtime.core;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code core} schema: workspaces, their metadata files, API keys and rate-limit counters. Migrations are numbered and
 * applied once, under an advisory lock, so several servers starting together do not race.
 */
public final class CoreSchema {
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
                      UNIQUE (workspace_id, id))"""));

    private CoreSchema() {}

    /** Brings the core schema to the newest version; returns how many migrations ran. */
    public static int migrate(DSLContext dsl) {
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
            for (int i = version; i < MIGRATIONS.size(); i++) {
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
