package dev.crmschema.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import java.text.MessageFormat;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;

/** The log of record changes: each table's version, upgrading the log, and compacting it as several servers sharing one database do. */
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

    @Test
    void aTablesVersionCountsItsOwnWritesAndThoseToItsWholeSchemaAndCompactingKeepsIt() {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.startTemporary(); Database database = new Database(postgres.configuration())) {
            DSLContext dsl = database.dsl();
            CoreSchema.migrate(dsl);
            dsl.execute("INSERT INTO core.record_change (schema_name) VALUES ('s')"); // DDL: the whole schema
            for (String table : new String[] {"pet", "pet", "shelter", "pet"}) {
                dsl.execute("INSERT INTO core.record_change (schema_name, table_name) VALUES ('s', ?)", table);
            }
            dsl.execute("INSERT INTO core.record_change (schema_name, table_name) VALUES ('other', 'pet')");
            assertEquals(4, version(dsl, "pet"));
            assertEquals(2, version(dsl, "shelter"));
            assertEquals(1, version(dsl, "visit"));

            assertEquals(1, RecordChanges.compact(dsl), "s.pet's three rows folded into one; the others had one each");
            assertEquals(4, version(dsl, "pet"));
            assertEquals(2, version(dsl, "shelter"));
            assertEquals(4, dsl.fetchOne("SELECT count(*)::int FROM core.record_change").get(0, Integer.class));
        }
    }

    @Test
    void rowsLoggedBeforeTablesWereLoggedCountForEveryTableOfTheirSchema() {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.startTemporary(); Database database = new Database(postgres.configuration())) {
            DSLContext dsl = database.dsl();
            CoreSchema.migrate(dsl, 8);
            dsl.execute("INSERT INTO core.record_change (schema_name) VALUES ('s'), ('s')");
            assertEquals(1, CoreSchema.migrate(dsl));
            assertEquals(2, version(dsl, "pet"), "no version went back");
            assertEquals(2, version(dsl, "shelter"));

            dsl.execute("CREATE TABLE public.pet (name text)");
            dsl.execute(MessageFormat.format(RecordChanges.TRIGGER, "record_changes", "public.pet"));
            dsl.execute("INSERT INTO public.pet VALUES ('Rex')");
            assertEquals(1, dsl.fetchOne("SELECT sum(weight)::int FROM core.record_change WHERE schema_name = 'public' "
                    + "AND table_name = 'pet'").get(0, Integer.class), "the trigger logs the table it wrote");
        }
    }

    private static long version(DSLContext dsl, String table) {
        return dsl.fetchOne(RecordChanges.VERSION_SQL, "s", table).get(0, Long.class);
    }

    private static Record2<Integer, Long> rowsAndWeight(DSLContext dsl) {
        return dsl.resultQuery("SELECT count(*)::int, sum(weight)::bigint FROM core.record_change WHERE schema_name = 's'")
                .coerce(org.jooq.impl.DSL.field("rows", Integer.class), org.jooq.impl.DSL.field("weight", Long.class))
                .fetchOne();
    }
}
