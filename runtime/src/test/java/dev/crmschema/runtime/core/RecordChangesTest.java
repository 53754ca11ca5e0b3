package dev.crmschema.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;

/** Compacting the log of record changes, as several servers sharing one database do it. */
class RecordChangesTest {
    @Test
    void aCompactionWhileAnotherRunsSkipsItsTurnInsteadOfWaitingForIt() {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.startTemporary(); Database database = new Database(postgres.configuration())) {
            DSLContext dsl = database.dsl();
            CoreSchema.migrate(dsl);
            for (int i = 0; i < 3; i++) {
                dsl.execute("INSERT INTO core.record_change (schema_name) VALUES ('s')");
            }
            dsl.transaction(another -> {
                // Another server's compaction, under way in this transaction until it ends.
                another.dsl().fetchValue("SELECT pg_advisory_xact_lock(?)", RecordChanges.COMPACTION_LOCK);
                // Waiting for it used to turn into rechecking every row it deleted against a new run of the subquery.
                assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(30), () -> RecordChanges.compact(dsl)));
                assertEquals(3, rowsAndWeight(dsl).value1());
            });
            assertEquals(1, RecordChanges.compact(dsl));
            Record2<Integer, Long> compacted = rowsAndWeight(dsl);
            assertEquals(1, compacted.value1());
            assertEquals(3, compacted.value2(), "the schema's version, the sum of its weights, is kept");
        }
    }

    private static Record2<Integer, Long> rowsAndWeight(DSLContext dsl) {
        return dsl.resultQuery("SELECT count(*)::int, sum(weight)::bigint FROM core.record_change WHERE schema_name = 's'")
                .coerce(org.jooq.impl.DSL.field("rows", Integer.class), org.jooq.impl.DSL.field("weight", Long.class))
                .fetchOne();
    }
}
