package dev.crmschema.runtime.core;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The log of writes to workspace tables ({@code core.record_change}, migrations 6 and 9), which tells every
 * server whether a count it keeps is still exact. Each statement that writes a workspace table, whoever runs
 * it (a server, a command, hand-written SQL), appends a row for the table in its own transaction, through the
 * trigger {@link #track} puts on every table; DDL appends one for the whole schema. A table's version, the
 * sum of the weights of its rows and of its schema's, therefore changes exactly when such a write commits,
 * and a count of that table taken in the same snapshot as the version stays exact for as long as the version
 * does. Rows are only appended, so writers never wait for each other; {@link #compact} folds each table's
 * rows into one of the same total weight.
 */
public final class RecordChanges {
    /**
     * The version of a table, given as two bind values, schema then table name: changes whenever a write to the
     * table, or DDL on its schema, commits. A {@code bigint}, not the {@code numeric} a sum of them is: the driver
     * sends a query after one whose answer has a bounded size without waiting for it ({@code JdbcQueries.queryEach}).
     */
    public static final String VERSION_SQL =
            "SELECT coalesce(sum(weight), 0)::bigint FROM core.record_change WHERE schema_name = ? AND table_name IN ('', ?)";

    /** The PostgreSQL advisory lock a compaction holds for its transaction; next to {@code CoreSchema}'s migration lock. */
    static final long COMPACTION_LOCK = 0x43524d_0002L;

    /**
     * The trigger {@link #track} puts on a table; {@code {0}} is the trigger's name, {@code {1}} the table's. It is
     * part of {@link AppliedDdl}'s digest: a change to how writes are tracked must show here, or schemas that
     * already received their statements would keep the old tracking.
     */
    public static final String TRIGGER = "CREATE TRIGGER {0} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {1} "
            + "FOR EACH STATEMENT EXECUTE FUNCTION core.note_record_change()";

    private static final String TRIGGER_NAME = "record_changes";

    private RecordChanges() {}

    /**
     * Puts the trigger on every table of the schema that lacks it, and logs a change to the whole schema: the
     * caller has just run DDL on it, and counts taken before it are not trusted after it.
     */
    public static void track(DSLContext tx, String schema) {
        List<String> untracked = tx.fetch("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
                  AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = ?)
                ORDER BY c.relname""", schema, TRIGGER_NAME).getValues(0, String.class);
        for (String table : untracked) {
            tx.execute(TRIGGER, DSL.name(TRIGGER_NAME), DSL.name(schema, table));
        }
        tx.execute("INSERT INTO core.record_change (schema_name) VALUES (?)", schema);
    }

    /**
     * Folds the rows of every table (and schema) that has more than one into a single row of the same total
     * weight, in one statement: versions do not change. Safe beside writers. One compaction runs at a time across all servers
     * sharing the database: while another holds {@link #COMPACTION_LOCK}, this returns 0 at once. Two at once
     * were correct but could take minutes: the later one waited for the rows the earlier one deleted, then
     * rechecked each of them against a new run of its whole subquery (PostgreSQL's EvalPlanQual), so its
     * work grew with the square of the rows (2,000 rows took 7 s).
     *
     * @return the rows written, one per compacted table or schema
     */
    public static int compact(DSLContext dsl) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            if (!Boolean.TRUE.equals(tx.fetchValue("SELECT pg_try_advisory_xact_lock(?)", COMPACTION_LOCK))) {
                return 0;
            }
            return tx.execute("""
                    WITH gone AS (
                      DELETE FROM core.record_change WHERE (schema_name, table_name) IN (
                        SELECT schema_name, table_name FROM core.record_change
                        GROUP BY schema_name, table_name HAVING count(*) > 1)
                      RETURNING schema_name, table_name, weight)
                    INSERT INTO core.record_change (schema_name, table_name, weight)
                    SELECT schema_name, table_name, sum(weight) FROM gone GROUP BY schema_name, table_name""");
        });
    }
}
