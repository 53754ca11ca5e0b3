package dev.crmschema.runtime.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.core.RecordChanges;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import dev.crmschema.runtime.metadata.FilesEdit;
import dev.crmschema.runtime.metadata.MetadataService;
import java.util.Map;
import java.util.TreeMap;
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
    private static EmbeddedDatabase postgres;
    private static Database database;
    private static WorkspaceService workspaces;
    private static MetadataService metadata;

    @BeforeAll
    static void start() {
        postgres = EmbeddedDatabase.startTemporary();
        database = new Database(postgres.configuration());
        CoreSchema.migrate(database.dsl());
        workspaces = new WorkspaceService(database.dsl(), new ModelClasses(AppliedDdlTest.class.getClassLoader()),
                new WorkspaceRegistry());
        metadata = new MetadataService(database.dsl(), workspaces);
    }

    @AfterAll
    static void stop() {
        database.close();
        postgres.close();
    }

    @Test
    void aLoadRunsTheStatementsOnlyWhenTheSchemaHasNotReceivedThem() {
        WorkspaceRecord record = workspaces.create(files("ledger", ""));
        String digest = digest(record);
        long created = version(record);

        workspaces.load(record);
        assertEquals(created, version(record), "the statements the workspace was created with are not run again");
        assertEquals(digest, digest(record));

        // A server whose DDL writer emits other statements than the last run's.
        dsl().execute("UPDATE core.applied_ddl SET sha256 = 'from an older server' WHERE schema_name = ?", record.schemaName());
        workspaces.load(record);
        assertNotEquals(created, version(record), "statements that differ from the last run's run");
        assertEquals(digest, digest(record));
    }

    @Test
    void aMetadataChangeMakesTheNextLoadRunEveryStatement() {
        WorkspaceSnapshot served = workspaces.load(workspaces.create(files("atlas", "")));
        MetadataFiles next = files("atlas", """
                objects:
                  - nameSingular: gadget
                    namePlural: gadgets
                    labelSingular: Gadget
                    labelPlural: Gadgets
                    fields:
                      - {name: title, label: Title, type: TEXT}
                """);
        assertEquals(200, metadata.change(served, now -> FilesEdit.replace(now, "atlas", next)).status());
        WorkspaceRecord changed = workspaces.store().byName("atlas").orElseThrow();
        assertNull(digest(changed), "the change altered the schema by statements of its own");

        long before = version(changed);
        workspaces.load(changed);
        assertNotEquals(before, version(changed));
        String digest = digest(changed);
        long after = version(changed);
        workspaces.load(changed);
        assertEquals(after, version(changed));
        assertEquals(digest, digest(changed));
    }

    private static String digest(WorkspaceRecord record) {
        return (String) dsl().fetchValue("SELECT sha256 FROM core.applied_ddl WHERE schema_name = ?", record.schemaName());
    }

    private static long version(WorkspaceRecord record) {
        return ((Number) dsl().fetchValue(RecordChanges.VERSION_SQL, record.schemaName())).longValue();
    }

    private static DSLContext dsl() {
        return database.dsl();
    }

    private static MetadataFiles files(String name, String objectFile) {
        Map<String, String> files = new TreeMap<>();
        files.put(MetadataFiles.WORKSPACE_FILE, "workspace:\n  name: " + name + "\n  displayName: " + name + "\n");
        if (!objectFile.isEmpty()) {
            files.put("objects/gadget.yaml", objectFile);
        }
        return new MetadataFiles(files);
    }
}
