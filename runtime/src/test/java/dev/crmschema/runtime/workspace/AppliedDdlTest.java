package dev.crmschema.runtime.workspace;

import static dev.crmschema.runtime.workspace.WorkspaceFixture.files;
import static dev.crmschema.runtime.workspace.WorkspaceFixture.gadget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.core.RecordChanges;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.metadata.FilesEdit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loading a workspace whose schema already received its statements runs none of them ({@code AppliedDdl}); a
 * metadata change, or statements that differ from those last run, make the next load run them all. Whether the
 * statements ran shows in the schema's version ({@link RecordChanges}): a run logs a change, which also means a
 * restart no longer throws away the counts servers keep.
 */
class AppliedDdlTest {
    private static WorkspaceFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new WorkspaceFixture(AppliedDdlTest.class);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aLoadRunsTheStatementsOnlyWhenTheSchemaHasNotReceivedThem() {
        WorkspaceRecord record = fixture.workspaces.create(files("ledger", "Ledger", ""));
        String digest = digest(record);
        long created = version(record);

        fixture.workspaces.load(record);
        assertEquals(created, version(record), "the statements the workspace was created with are not run again");
        assertEquals(digest, digest(record));

        // A server whose DDL writer emits other statements than the last run's.
        dsl().execute("UPDATE core.applied_ddl SET sha256 = 'from an older server' WHERE schema_name = ?", record.schemaName());
        fixture.workspaces.load(record);
        assertNotEquals(created, version(record), "statements that differ from the last run's run");
        assertEquals(digest, digest(record));
    }

    @Test
    void aMetadataChangeMakesTheNextLoadRunEveryStatement() {
        WorkspaceSnapshot served = fixture.workspaces.load(fixture.workspaces.create(files("atlas", "Atlas", "")));
        MetadataFiles next = files("atlas", "Atlas", gadget(""));
        assertEquals(200, fixture.metadata.change(served, now -> FilesEdit.replace(now, "atlas", next)).status());
        WorkspaceRecord changed = fixture.workspaces.store().byName("atlas").orElseThrow();
        assertNull(digest(changed), "the change altered the schema by statements of its own");

        long before = version(changed);
        fixture.workspaces.load(changed);
        assertNotEquals(before, version(changed));
        String digest = digest(changed);
        long after = version(changed);
        fixture.workspaces.load(changed);
        assertEquals(after, version(changed));
        assertEquals(digest, digest(changed));
    }

    private static String digest(WorkspaceRecord record) {
        return (String) dsl().fetchValue("SELECT sha256 FROM core.applied_ddl WHERE schema_name = ?", record.schemaName());
    }

    /** The changes logged for the whole schema, as DDL logs them (the table name "" matches no table's writes). */
    private static long version(WorkspaceRecord record) {
        return ((Number) dsl().fetchValue(RecordChanges.VERSION_SQL, record.schemaName(), "")).longValue();
    }

    private static DSLContext dsl() {
        return fixture.database.dsl();
    }
}
