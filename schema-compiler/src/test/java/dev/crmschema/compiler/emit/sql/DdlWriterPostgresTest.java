package dev.crmschema.compiler.emit.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the generated DDL on a real PostgreSQL 17 and checks what the tables then do. */
class DdlWriterPostgresTest {
    private static final String SHOWCASE = "showcase_test";

    private static EmbeddedPostgres postgres;
    private static Workspace showcase;

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        showcase = ExampleWorkspaces.showcase();
        execute(DdlWriter.statements(showcase, SHOWCASE));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void theStandardWorkspaceAppliesTwiceAndHasEveryTableIndexAndForeignKey() throws SQLException {
        Workspace standard = ExampleWorkspaces.standard();
        List<String> statements = DdlWriter.statements(standard, "standard_test");
        execute(statements);
        execute(statements);
        assertEquals(standard.objects().size(), count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'standard_test'"));
        long foreignKeys = standard.objects().stream().mapToLong(o -> ForeignKey.of(standard, o).size()).sum();
        assertEquals(foreignKeys, count("SELECT count(*) FROM information_schema.table_constraints"
                + " WHERE constraint_schema = 'standard_test' AND constraint_type = 'FOREIGN KEY'"));
        long indexes = standard.objects().stream().mapToLong(o -> TableIndex.of(o).size() + 1).sum(); // + primary key
        assertEquals(indexes, count("SELECT count(*) FROM pg_indexes WHERE schemaname = 'standard_test'"));
        assertEquals(1, count("SELECT count(*) FROM pg_indexes WHERE schemaname = 'standard_test'"
                + " AND indexname = 'uq_person_emailsPrimaryEmail' AND indexdef LIKE '%UNIQUE%WHERE (\"deletedAt\" IS NULL)%'"));
        assertEquals(1, count("SELECT count(*) FROM pg_indexes WHERE schemaname = 'standard_test'"
                + " AND indexname = 'idx_company_searchVector' AND indexdef LIKE '%USING gin%'"));
    }

    @Test
    void textSearchIndexesKeepSmallPendingListsAlsoWhenCreatedBefore() throws SQLException {
        List<String> statements = DdlWriter.statements(ExampleWorkspaces.standard(), "pending_test");
        execute(statements);
        String gin = "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam"
                + " WHERE n.nspname = 'pending_test' AND a.amname = 'gin'";
        String limited = gin + " AND c.reloptions @> ARRAY['gin_pending_list_limit=" + DdlWriter.GIN_PENDING_LIST_KB + "']";
        long indexes = count(gin);
        assertTrue(indexes > 5, "text-search indexes: " + indexes);
        assertEquals(indexes, count(limited));

        update("ALTER INDEX pending_test.\"idx_company_searchVector\" RESET (gin_pending_list_limit)"); // as an earlier version made it
        assertEquals(indexes - 1, count(limited));
        // An ALTER writes a new catalog row; an index that has the limit must not be altered again (it would lock out readers).
        String catalogRow = "SELECT xmin::text FROM pg_class WHERE oid = 'pending_test.\"idx_person_searchVector\"'::regclass";
        String untouched = text(catalogRow);
        execute(statements);
        assertEquals(indexes, count(limited));
        assertEquals(untouched, text(catalogRow));
    }

    @Test
    void theEmittedSchemaFileRunsAsOneScriptTwice() throws SQLException {
        GeneratedFile file = new DdlEmitter().emit(showcase, new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE)).get(0);
        assertEquals("crm-schema/showcase/schema.sql", file.path());
        assertTrue(file.content().startsWith("-- " + Headers.GENERATED + "\n"));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(file.content());
            statement.execute(file.content());
        }
        String schema = Names.defaultSchema("showcase");
        assertEquals(showcase.objects().size(), count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'"));
    }

    @Test
    void emittingTwiceGivesTheSameBytes() {
        EmitContext context = new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE);
        assertEquals(new DdlEmitter().emit(ExampleWorkspaces.showcase(), context), new DdlEmitter().emit(showcase, context));
    }

    @Test
    void aRowInsertedWithoutValuesGetsEveryDefaultAndASearchVector() throws SQLException {
        UUID shelter = insertShelter("North");
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO showcase_test.\"_pet\" (\"name\", \"nickname\", \"shelterId\") VALUES ('Rex', 'Good Boy', ?)"
                        + " RETURNING \"id\", \"createdAt\", \"species\"::text, \"colors\"::text[], \"friendliness\"::text,"
                        + " \"isAdopted\", \"vaccinationCount\", \"monthlyCostAmountMicros\", \"monthlyCostCurrencyCode\","
                        + " \"createdBySource\"::text, \"createdByName\", \"position\", \"arrivedAt\", \"searchVector\"::text,"
                        + " \"searchVector\" @@ to_tsquery('simple', 'boy'), \"deletedAt\"")) {
            insert.setObject(1, shelter);
            try (ResultSet row = insert.executeQuery()) {
                assertTrue(row.next());
                assertNotNull(row.getObject("id", UUID.class));
                OffsetDateTime createdAt = row.getObject("createdAt", OffsetDateTime.class);
                assertTrue(Duration.between(createdAt, OffsetDateTime.now()).abs().toMinutes() < 5, "createdAt is now: " + createdAt);
                assertEquals("DOG", row.getString(3));
                assertArrayEquals(new String[] {"BROWN"}, (String[]) row.getArray(4).getArray());
                assertEquals("RATING_3", row.getString(5));
                assertFalse(row.getBoolean("isAdopted"));
                assertEquals(0, row.getInt("vaccinationCount"));
                assertEquals(0, row.getBigDecimal("monthlyCostAmountMicros").signum());
                assertEquals("EUR", row.getString("monthlyCostCurrencyCode"));
                assertEquals("MANUAL", row.getString(10));
                assertEquals("System", row.getString("createdByName"));
                assertEquals(0.0, row.getDouble("position"));
                assertNotNull(row.getObject("arrivedAt", OffsetDateTime.class));
                assertEquals("'boy':3 'good':2 'rex':1", row.getString(14));
                assertTrue(row.getBoolean(15));
                assertNull(row.getObject("deletedAt"));
            }
        }
    }

    @Test
    void foreignKeysCascadeSetNullAndRestrictAsTheRelationsSay() throws SQLException {
        UUID shelter = insertShelter("South");
        UUID adopter = insertReturningId("INSERT INTO showcase_test.\"person\" (\"nameFirstName\") VALUES ('Ada') RETURNING \"id\"");
        UUID vet = insertReturningId("INSERT INTO showcase_test.\"workspaceMember\" (\"nameFirstName\") VALUES ('Vet') RETURNING \"id\"");
        UUID pet = insertReturningId("INSERT INTO showcase_test.\"_pet\" (\"name\", \"shelterId\", \"adopterId\") VALUES ('Tom', '"
                + shelter + "', '" + adopter + "') RETURNING \"id\"");
        insertReturningId("INSERT INTO showcase_test.\"_visit\" (\"petId\", \"vetId\") VALUES ('" + pet + "', '" + vet + "') RETURNING \"id\"");

        update("DELETE FROM showcase_test.\"person\" WHERE \"id\" = '" + adopter + "'");
        assertEquals(1, count("SELECT count(*) FROM showcase_test.\"_pet\" WHERE \"id\" = '" + pet + "' AND \"adopterId\" IS NULL"));

        SQLException restricted = assertThrows(SQLException.class,
                () -> update("DELETE FROM showcase_test.\"workspaceMember\" WHERE \"id\" = '" + vet + "'"));
        assertEquals("23503", restricted.getSQLState(), restricted.getMessage());
        assertTrue(restricted.getMessage().contains("fk__visit_vetId"), restricted.getMessage());

        update("DELETE FROM showcase_test.\"_shelter\" WHERE \"id\" = '" + shelter + "'");
        assertEquals(0, count("SELECT count(*) FROM showcase_test.\"_pet\" WHERE \"id\" = '" + pet + "'"));
        assertEquals(0, count("SELECT count(*) FROM showcase_test.\"_visit\" WHERE \"petId\" = '" + pet + "'"));
    }

    @Test
    void declaredIndexesCoverTheirColumnsInOrderAndServeAFilter() throws SQLException {
        assertEquals("""
                CREATE INDEX "idx__pet_isAdopted_arrivedAt" ON showcase_test._pet USING btree ("isAdopted", "arrivedAt")
                CREATE INDEX idx__pet_species_nickname ON showcase_test._pet USING btree (species, nickname)
                CREATE INDEX "idx_company_addressAddressCity" ON showcase_test.company USING btree ("addressAddressCity")
                """, text("SELECT indexdef FROM pg_indexes WHERE schemaname = 'showcase_test' AND indexname IN"
                + " ('idx__pet_isAdopted_arrivedAt', 'idx__pet_species_nickname', 'idx_company_addressAddressCity') ORDER BY indexname"));
        String plan = text("SET enable_seqscan = off; EXPLAIN SELECT * FROM showcase_test.company WHERE \"addressAddressCity\" = 'Lyon'");
        assertTrue(plan.contains("idx_company_addressAddressCity"), plan);
    }

    @Test
    void theLiveRowsOfATableAreCountedFromAnIndexAlone() throws SQLException {
        // Notes have no unique field, whose partial index could answer as well.
        update("INSERT INTO showcase_test.\"note\" SELECT FROM generate_series(1, 500)");
        update("UPDATE showcase_test.\"note\" SET \"deletedAt\" = now() WHERE \"id\" IN (SELECT \"id\" FROM showcase_test.\"note\" LIMIT 100)");
        update("VACUUM ANALYZE showcase_test.\"note\"");
        String live = "SELECT count(*) FROM showcase_test.\"note\" WHERE \"deletedAt\" IS NULL";
        // The planner prefers other scans of so few rows; what matters is that the index alone can answer.
        String plan = text("SET enable_seqscan = off; SET enable_bitmapscan = off; EXPLAIN " + live);
        assertTrue(plan.contains("Index Only Scan using idx_note_live"), plan);
        assertEquals(count("SELECT count(*) FROM showcase_test.\"note\"")
                - count("SELECT count(*) FROM showcase_test.\"note\" WHERE \"deletedAt\" IS NOT NULL"), count(live));
    }

    @Test
    void aUniquePrimaryEmailConflictsOnlyAmongRowsThatAreNotSoftDeleted() throws SQLException {
        String insert = "INSERT INTO showcase_test.\"person\" (\"emailsPrimaryEmail\") VALUES ('ada@example.org') RETURNING \"id\"";
        UUID first = insertReturningId(insert);
        SQLException duplicate = assertThrows(SQLException.class, () -> insertReturningId(insert));
        assertEquals("23505", duplicate.getSQLState(), duplicate.getMessage());

        update("UPDATE showcase_test.\"person\" SET \"deletedAt\" = now() WHERE \"id\" = '" + first + "'");
        UUID second = insertReturningId(insert);
        update("UPDATE showcase_test.\"person\" SET \"deletedAt\" = now() WHERE \"id\" = '" + second + "'");
        insertReturningId(insert);
        assertEquals(3, count("SELECT count(*) FROM showcase_test.\"person\" WHERE \"emailsPrimaryEmail\" = 'ada@example.org'"));
    }

    @Test
    void literalDefaultsAreEscapedAndLongIndexNamesStayDistinct() throws SQLException {
        Workspace quirks = link("""
                workspace: {name: quirks, standardObjects: false}
                objects:
                  - nameSingular: rescueQuirk
                    namePlural: rescueQuirks
                    labelSingular: Quirk
                    labelPlural: Quirks
                    fields:
                      - {name: motto, label: Motto, type: TEXT, defaultValue: "'O'Brien said \\\\ \\"hi\\" $ddl$'"}
                      - {name: words, label: Words, type: ARRAY, defaultValue: ["a,b", "say \\"hi\\"", "back\\\\slash", "{x}"]}
                      - {name: extra, label: Extra, type: RAW_JSON, defaultValue: {note: "it's"}}
                      - {name: big, label: Big, type: NUMBER, settings: {dataType: bigint}, defaultValue: 9007199254740993}
                      - {name: ratio, label: Ratio, type: NUMERIC, defaultValue: 12.5}
                      - {name: flag, label: Flag, type: BOOLEAN, defaultValue: true}
                      - {name: since, label: Since, type: DATE_TIME, defaultValue: "'2024-01-02T03:04:05Z'"}
                      - {name: day, label: Day, type: DATE, defaultValue: now}
                      - {name: ref, label: Ref, type: UUID, defaultValue: "'0b6e1a51-0c2a-4a55-9d36-2b8a1b8f1f10'"}
                      - {name: contactPhones, label: Phones, type: PHONES, isUnique: true}
                      - {name: caretakerOfTheNorthernRescueCenterBranchNumberOne, label: Caretaker one, type: RELATION,
                         relation: {type: MANY_TO_ONE, targetObject: rescueQuirk, inverseField: caredForOne, onDelete: SET_NULL}}
                      - {name: caredForOne, label: Cared for, type: RELATION,
                         relation: {type: ONE_TO_MANY, targetObject: rescueQuirk, inverseField: caretakerOfTheNorthernRescueCenterBranchNumberOne}}
                      - {name: caretakerOfTheNorthernRescueCenterBranchNumberTwo, label: Caretaker two, type: RELATION,
                         relation: {type: MANY_TO_ONE, targetObject: rescueQuirk, inverseField: caredForTwo, onDelete: SET_NULL}}
                      - {name: caredForTwo, label: Cared for, type: RELATION,
                         relation: {type: ONE_TO_MANY, targetObject: rescueQuirk, inverseField: caretakerOfTheNorthernRescueCenterBranchNumberTwo}}
                """);
        execute(DdlWriter.statements(quirks, "quirks_test"));
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("INSERT INTO quirks_test.\"_rescueQuirk\" DEFAULT VALUES RETURNING"
                        + " \"motto\", \"words\", \"extra\"::text, \"big\", \"ratio\"::text, \"flag\", \"since\", \"day\" = CURRENT_DATE, \"ref\"")) {
            assertTrue(row.next());
            assertEquals("O'Brien said \\ \"hi\" $ddl$", row.getString(1));
            assertArrayEquals(new String[] {"a,b", "say \"hi\"", "back\\slash", "{x}"}, (String[]) row.getArray(2).getArray());
            assertEquals("{\"note\": \"it's\"}", row.getString(3));
            assertEquals(9007199254740993L, row.getLong(4));
            assertEquals("12.5", row.getString(5));
            assertTrue(row.getBoolean(6));
            assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05Z").toInstant(), row.getObject(7, OffsetDateTime.class).toInstant());
            assertTrue(row.getBoolean(8));
            assertEquals(UUID.fromString("0b6e1a51-0c2a-4a55-9d36-2b8a1b8f1f10"), row.getObject(9, UUID.class));
        }
        for (String suffix : List.of("One", "Two")) {
            String index = Names.index("_rescueQuirk", List.of("caretakerOfTheNorthernRescueCenterBranchNumber" + suffix + "Id"));
            assertEquals(Names.MAX_SQL_IDENTIFIER, index.length());
            assertEquals(1, count("SELECT count(*) FROM pg_indexes WHERE schemaname = 'quirks_test' AND indexname = '" + index + "'"));
        }
        assertEquals(1, count("SELECT count(*) FROM pg_indexes WHERE schemaname = 'quirks_test'"
                + " AND indexname = 'uq__rescueQuirk_contactPhonesPrimaryPhoneNumber'"));
    }

    private static Workspace link(String yaml) {
        SchemaCompiler.Result result = SchemaCompiler.check(new MetadataFiles(Map.of("workspace.yaml", yaml)));
        assertTrue(result.succeeded(), () -> result.diagnostics().toString());
        return result.workspace().orElseThrow();
    }

    private static UUID insertShelter(String name) throws SQLException {
        return insertReturningId("INSERT INTO showcase_test.\"_shelter\" (\"name\") VALUES ('" + name + "') RETURNING \"id\"");
    }

    private static UUID insertReturningId(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next());
            return row.getObject(1, UUID.class);
        }
    }

    private static void update(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** The first column of every row the last statement of {@code sql} returns, one line each. */
    private static String text(String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            boolean rows = statement.execute(sql);
            while (!rows && statement.getUpdateCount() != -1) {
                rows = statement.getMoreResults();
            }
            try (ResultSet row = statement.getResultSet()) {
                while (row.next()) {
                    text.append(row.getString(1)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }

    private static void execute(List<String> statements) throws SQLException {
        List<String> failed = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    failed.add(e.getMessage() + "\n" + sql);
                }
            }
        }
        assertEquals(List.of(), failed);
    }

    private static Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }
}
