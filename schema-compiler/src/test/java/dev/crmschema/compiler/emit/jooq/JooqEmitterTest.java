package dev.crmschema.compiler.emit.jooq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.sql.DdlWriter;
import dev.crmschema.compiler.javac.InMemoryJavaCompiler;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UpdatableRecord;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generates jOOQ classes for the showcase workspace, compiles them and queries a real PostgreSQL through them. */
class JooqEmitterTest {
    private static final String PACKAGE = "dev.crmschema.generated.showcase.jooq";
    private static final String SCHEMA = "jooq_test";

    private static EmbeddedPostgres postgres;
    private static Workspace showcase;
    private static List<GeneratedFile> files;

    @BeforeAll
    static void start() throws IOException {
        showcase = ExampleWorkspaces.showcase();
        files = new JooqEmitter().emit(showcase, new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE));
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void classesAreNamedAfterTheObjectsAndStartWithTheHeader() {
        List<String> paths = files.stream().map(GeneratedFile::path).toList();
        String folder = PACKAGE.replace('.', '/') + "/";
        assertTrue(paths.contains(folder + "Tables.java"), paths::toString);
        assertTrue(paths.contains(folder + "Keys.java"), paths::toString);
        assertTrue(paths.contains(folder + "tables/Pet.java"), paths::toString);
        assertTrue(paths.contains(folder + "tables/records/PetRecord.java"), paths::toString);
        assertTrue(paths.contains(folder + "tables/Company.java"), paths::toString);
        assertTrue(paths.contains(folder + "tables/records/WorkspaceMemberRecord.java"), paths::toString);
        for (GeneratedFile file : files) {
            assertEquals(GeneratedFile.Kind.JAVA_SOURCE, file.kind());
            assertTrue(file.content().startsWith("// " + Headers.GENERATED + "\n"), file.path());
            assertFalse(file.content().contains("_Pet"), file.path());
            assertFalse(file.content().contains("@Generated"), file.path());
        }
        String pet = source("tables/Pet.java");
        assertTrue(pet.contains("public static final Pet PET = new Pet();"));
        assertTrue(pet.contains("TableField<PetRecord, String> OWNER_EMAILS_PRIMARY_EMAIL"));
        assertTrue(source("tables/records/PetRecord.java").contains("public String getOwnerEmailsPrimaryEmail()"));
    }

    @Test
    void everyColumnConstantUsesTheCheapColumnFactory() {
        String folder = PACKAGE.replace('.', '/') + "/tables/";
        List<GeneratedFile> tables = files.stream()
                .filter(file -> file.path().startsWith(folder) && !file.path().substring(folder.length()).contains("/"))
                .toList();
        assertFalse(tables.isEmpty());
        for (GeneratedFile table : tables) {
            // If jooq-codegen ever prints its column lines differently, ColumnInitializers stops matching them.
            assertFalse(table.content().contains("createField("), table.path());
            assertTrue(table.content().contains(" extends WorkspaceTableImpl<"), table.path());
        }
        assertTrue(source("tables/Pet.java").contains(
                "TableField<PetRecord, String> NAME = column(\"name\", SQLDataType.CLOB, \""));
    }

    @Test
    void emittingTwiceGivesTheSameBytes() {
        assertEquals(files, new JooqEmitter().emit(ExampleWorkspaces.showcase(), new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE)));
    }

    @Test
    void theClassesCompileWithoutWarningsAndRunATypedInsertAndSelectOnTheRealSchema() throws Exception {
        Map<String, String> sources = files.stream()
                .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content, (a, b) -> a, LinkedHashMap::new));
        InMemoryJavaCompiler.Result compiled = InMemoryJavaCompiler.compile(
                sources, InMemoryJavaCompiler.currentClasspath(), List.of("-Xlint:all", "-Werror"));
        assertTrue(compiled.success(), () -> String.join("\n", compiled.messages()));
        assertEquals(List.of(), compiled.messages());
        Class<?> tables = compiled.classLoader(getClass().getClassLoader()).loadClass(PACKAGE + ".Tables");

        try (Connection connection = connect()) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : DdlWriter.statements(showcase, SCHEMA)) {
                    statement.execute(sql);
                }
            }
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES, new Settings().withRenderMapping(new RenderMapping()
                    .withSchemata(new MappedSchema().withInput(Names.JOOQ_SCHEMA).withOutput(SCHEMA))));

            Table<?> shelter = (Table<?>) tables.getField("SHELTER").get(null);
            Field<String> shelterName = field(shelter, "NAME", String.class);
            Field<UUID> shelterId = field(shelter, "ID", UUID.class);
            UUID shelterKey = db.insertInto(shelter).set(shelterName, "North").returning(shelterId).fetchOne(shelterId);
            assertNotNull(shelterKey);

            Table<?> pet = (Table<?>) tables.getField("PET").get(null);
            Field<String[]> colors = field(pet, "COLORS", String[].class);
            db.insertInto(pet)
                    .set(field(pet, "NAME", String.class), "Rex")
                    .set(field(pet, "SHELTER_ID", UUID.class), shelterKey)
                    .set(field(pet, "SPECIES", String.class), "CAT")
                    .set(colors, DSL.val("{BLACK,WHITE}", SQLDataType.OTHER).coerce(colors.getDataType()))
                    .set(field(pet, "TAGS", String[].class), new String[] {"calm", "old, wise"})
                    .set(field(pet, "TRAITS", JSONB.class), JSONB.valueOf("{\"likes\": \"naps\"}"))
                    .set(field(pet, "BIRTHDAY", LocalDate.class), LocalDate.of(2020, 5, 17))
                    .set(field(pet, "ADOPTION_FEE", BigDecimal.class), new BigDecimal("49.90"))
                    .execute();

            Record row = db.select(pet.fields()).from(pet).where(field(pet, "SPECIES", String.class).eq("CAT")).fetchOne();
            assertNotNull(row);
            assertEquals("Rex", row.get(field(pet, "NAME", String.class)));
            assertNotNull(row.get(field(pet, "ID", UUID.class)));
            assertNotNull(row.get(field(pet, "CREATED_AT", OffsetDateTime.class)));
            assertArrayEquals(new String[] {"BLACK", "WHITE"}, row.get(colors));
            assertArrayEquals(new String[] {"calm", "old, wise"}, row.get(field(pet, "TAGS", String[].class)));
            assertEquals(JSONB.valueOf("{\"likes\": \"naps\"}"), row.get(field(pet, "TRAITS", JSONB.class)));
            assertEquals(LocalDate.of(2020, 5, 17), row.get(field(pet, "BIRTHDAY", LocalDate.class)));
            assertEquals(new BigDecimal("49.90"), row.get(field(pet, "ADOPTION_FEE", BigDecimal.class)));
            assertEquals("RATING_3", row.get(field(pet, "FRIENDLINESS", String.class)));
            assertEquals("MANUAL", row.get(field(pet, "CREATED_BY_SOURCE", String.class)));
            assertEquals("'rex':1", row.get(field(pet, "SEARCH_VECTOR", String.class)));

            // Records store through the primary key, also in the mapped schema.
            UpdatableRecord<?> record = (UpdatableRecord<?>) db.selectFrom(pet).where(field(pet, "NAME", String.class).eq("Rex")).fetchOne();
            assertNotNull(record);
            record.set(field(pet, "NICKNAME", String.class), "Tiger");
            assertEquals(1, record.store());
            assertEquals(1, db.fetchCount(pet, field(pet, "SEARCH_VECTOR", String.class).eq("'rex':1 'tiger':2")));
        }
    }

    @Test
    void objectsNamedLikeJooqsOwnClassesStillCompile() {
        StringBuilder yaml = new StringBuilder("workspace: {name: clash, standardObjects: false}\nobjects:\n");
        for (String name : List.of("dsl", "workspace", "keys", "tables", "indexes")) {
            yaml.append("  - {nameSingular: ").append(name).append(", namePlural: ").append(name).append("Items")
                    .append(", labelSingular: X, labelPlural: Xs, fields: [{name: ").append(name)
                    .append(", label: Same, type: TEXT}, {name: dsl").append(name.equals("dsl") ? "Value" : "")
                    .append(", label: Dsl, type: TEXT}]}\n");
        }
        SchemaCompiler.Result linked = SchemaCompiler.check(new MetadataFiles(Map.of("workspace.yaml", yaml.toString())));
        assertTrue(linked.succeeded(), () -> linked.diagnostics().toString());
        List<GeneratedFile> clash = new JooqEmitter().emit(linked.workspace().orElseThrow(), new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE));
        Map<String, String> sources = clash.stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
        InMemoryJavaCompiler.Result compiled = InMemoryJavaCompiler.compile(
                sources, InMemoryJavaCompiler.currentClasspath(), List.of("-Xlint:all", "-Werror"));
        assertTrue(compiled.success(), () -> String.join("\n", compiled.messages()));
    }

    /** A generated column constant, checked to have the Java type the emitter promises. */
    private static <T> Field<T> field(Table<?> table, String constant, Class<T> type) throws ReflectiveOperationException {
        Field<?> field = (Field<?>) table.getClass().getField(constant).get(table);
        assertEquals(type, field.getType(), constant);
        @SuppressWarnings("unchecked")
        Field<T> typed = (Field<T>) field;
        return typed;
    }

    private static String source(String relative) {
        String path = PACKAGE.replace('.', '/') + "/" + relative;
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    /** {@code stringtype=unspecified} lets string binds take the column's type, as the runtime's connections do. */
    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres") + "&stringtype=unspecified");
    }
}
