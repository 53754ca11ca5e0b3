package dev.crmschema.runtime.core;

import java.util.List;
import org.jooq.DSLContext;

/**
 * Which statements a workspace's schema last received when it was loaded ({@code core.applied_ddl}, migration
 * 8), so that a start skips running them again. Running a standard workspace's "if not exists" statements
 * against its existing schema took about 50 ms, nearly half the start-up of 300 workspaces of one model. The
 * digest covers the statements themselves, so a server whose DDL writer emits something new runs them again.
 * A metadata change alters the schema by other statements and forgets the digest, so the next load runs them
 * all again too. Changes made to a schema by hand are not looked for.
 */
public final class AppliedDdl {
    private AppliedDdl() {}

    /** The digest of {@code statements}, in their order. */
    public static String digest(List<String> statements) {
        return TextDigest.of(statements);
    }

    /** Whether {@code schema} last received the statements of {@code digest}. */
    public static boolean isCurrent(DSLContext tx, String schema, String digest) {
        return tx.fetchExists(tx.selectOne().from("core.applied_ddl").where("schema_name = ? AND sha256 = ?", schema, digest));
    }

    /** Notes that {@code schema} has just received the statements of {@code digest}. */
    public static void record(DSLContext tx, String schema, String digest) {
        tx.execute("INSERT INTO core.applied_ddl (schema_name, sha256) VALUES (?, ?) "
                + "ON CONFLICT (schema_name) DO UPDATE SET sha256 = excluded.sha256", schema, digest);
    }

    /** Notes that {@code schema} was altered otherwise: its next load runs every statement. */
    public static void forget(DSLContext tx, String schema) {
        tx.execute("DELETE FROM core.applied_ddl WHERE schema_name = ?", schema);
    }
}
