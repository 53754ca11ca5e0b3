package dev.crmschema.compiler.emit.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Migrates a real PostgreSQL schema from the showcase model to changed models and checks two things: the
 * records survive (renames keep data), and the migrated schema is exactly what creating the new model from
 * scratch gives (columns, defaults, enum types, indexes and constraints).
 */
class SchemaMigrationPostgresTest {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    /** The showcase files with text replacements (pairs of from and to) applied, linked with their inactive parts. */
    private static Workspace showcase(Map<String, List<String>> edits, List<String> removedFiles) {
        Map<String, String> files = new TreeMap<>(ExampleWorkspaces.files("showcase").byPath());
        removedFiles.forEach(files::remove);
        edits.forEach((file, replacements) -> {
            String text = files.get(file);
            for (int i = 0; i < replacements.size(); i += 2) {
                assertTrue(text.contains(replacements.get(i)), file + " lacks " + replacements.get(i));
                text = text.replace(replacements.get(i), replacements.get(i + 1));
            }
            files.put(file, text);
        });
        SchemaCompiler.Result result = SchemaCompiler.check(new MetadataFiles(files));
        assertTrue(result.succeeded(), result.diagnostics().toString());
        return result.withInactive().orElseThrow();
    }

    @Test
    void renamesKeepRecordsAndTheResultEqualsAFreshSchema() throws SQLException {
        Workspace before = showcase(Map.of(), List.of());
        Workspace after = showcase(Map.of(
                "objects/shelter.yaml", List.of("nameSingular: shelter", "nameSingular: refuge",
                        "namePlural: shelters", "namePlural: refuges",
                        "{name: city, label: City, type: TEXT}", "{name: town, label: Town, type: TEXT, isNullable: false, defaultValue: \"'Paris'\"}",
                        "{name: capacity, label: Capacity, type: NUMBER, settings: {dataType: int}}",
                                "{name: capacity, label: Capacity, type: NUMBER, settings: {dataType: bigint}}\n"
                                        + "      - {name: motto, label: Motto, type: TEXT, isUnique: true}"),
                "objects/pet.yaml", List.of("targetObject: shelter", "targetObject: refuge",
                        "{name: nickname, label: Nickname, type: TEXT, defaultValue: \"''\"}",
                                "{name: callName, label: Call name, type: TEXT, defaultValue: \"''\"}",
                        "searchFields: [name, nickname]", "searchFields: [name, callName]",
                        "{fields: [species, nickname]}", "{fields: [species, callName]}",
                        "{value: CAT, label: Cat, color: purple}", "{value: KITTEN, label: Kitten, color: purple}",
                        "          - {value: BIRD, label: Bird, color: yellow}\n", "",
                        "          - {value: BLACK, label: Black, color: gray}\n", "",
                        "{value: GINGER, label: Ginger, color: red}", "{value: GINGER, label: Ginger, color: red}\n"
                                + "          - {value: GREY, label: Grey, color: gray}",
                        "      - {name: traits, label: Traits, type: RAW_JSON, description: Free-form observations}\n", ""),
                "objects/visit.yaml", List.of()), List.of());
        ModelRenames renames = new ModelRenames(Map.of("shelter", "refuge"),
                Map.of("refuge", Map.of("city", "town"), "pet", Map.of("nickname", "callName")),
                Map.of("pet.species", Map.of("CAT", "KITTEN")));

        execute(DdlWriter.statements(before, "migrated"));
        execute(List.of(
                "INSERT INTO migrated.\"_shelter\" (id, city, capacity) VALUES ('00000000-0000-0000-0000-000000000001', 'Lyon', 12)",
                "INSERT INTO migrated.\"_shelter\" (id) VALUES ('00000000-0000-0000-0000-000000000002')",
                "INSERT INTO migrated.\"_pet\" (id, name, nickname, species, colors, \"shelterId\") VALUES "
                        + "('00000000-0000-0000-0000-0000000000a1', 'Tom', 'Tommy', 'CAT', '{BROWN,BLACK}', '00000000-0000-0000-0000-000000000001')"));
        execute(SchemaMigration.statements(before, after, renames, "migrated"));
        execute(DdlWriter.statements(after, "fresh"));

        assertEquals(describe("fresh"), describe("migrated"));
        assertEquals("Lyon/12", text("SELECT town || '/' || capacity FROM migrated.\"_refuge\" WHERE id = '00000000-0000-0000-0000-000000000001'"));
        assertEquals("Paris", text("SELECT town FROM migrated.\"_refuge\" WHERE id = '00000000-0000-0000-0000-000000000002'"));
        assertEquals("Tommy KITTEN {BROWN}", text("SELECT \"callName\" || ' ' || species || ' ' || colors::text FROM migrated.\"_pet\""));
        assertEquals("1", text("SELECT count(*) FROM migrated.\"_pet\" WHERE \"searchVector\" @@ to_tsquery('simple', 'tommy')"));
        assertEquals("Lyon", text("SELECT s.town FROM migrated.\"_pet\" p JOIN migrated.\"_refuge\" s ON s.id = p.\"shelterId\""));
    }

    @Test
    void droppingAnObjectDropsItsTableTypesAndTheRelationsToIt() throws SQLException {
        Workspace before = showcase(Map.of(), List.of());
        Workspace after = showcase(Map.of(
                "workspace.yaml", List.of("""
                          - object: workspaceMember
                            name: vetVisits
                            label: Vet visits
                            type: RELATION
                            description: Visits this member made as a vet
                            relation: {type: ONE_TO_MANY, targetObject: visit, inverseField: vet}
                        """, ""),
                "objects/pet.yaml", List.of("""
                              - {name: visits, label: Visits, type: RELATION,
                                 relation: {type: ONE_TO_MANY, targetObject: visit, inverseField: pet}}
                        """, "")), List.of("objects/visit.yaml"));
        execute(DdlWriter.statements(before, "dropped"));
        execute(SchemaMigration.statements(before, after, ModelRenames.NONE, "dropped"));
        execute(DdlWriter.statements(after, "dropped_fresh"));
        assertEquals(describe("dropped_fresh"), describe("dropped"));
    }

    @Test
    void deactivatingChangesNothingAndATypeChangeIsRefused() throws SQLException {
        Workspace before = showcase(Map.of(), List.of());
        Workspace inactive = showcase(Map.of("objects/visit.yaml", List.of("icon: IconStethoscope", "icon: IconStethoscope\n    isActive: false")),
                List.of());
        assertEquals(DdlWriter.statements(before, "s"), SchemaMigration.statements(before, inactive, ModelRenames.NONE, "s"));
        Workspace retyped = showcase(Map.of("objects/visit.yaml", List.of("{name: findings, label: Findings, type: TEXT}",
                "{name: findings, label: Findings, type: NUMBER}")), List.of());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SchemaMigration.statements(before, retyped, ModelRenames.NONE, "s"));
        assertEquals("field 'visit.findings' cannot change its type from TEXT to NUMBER", refused.getMessage());
    }

    /** Everything that makes up a schema, with the schema's own name taken out. */
    private static String describe(String schema) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.addAll(rows("SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '-')"
                + " || ' ' || coalesce(generation_expression, '-') FROM information_schema.columns WHERE table_schema = '" + schema + "'"));
        lines.addAll(rows("SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = '" + schema + "'"));
        lines.addAll(rows("SELECT conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                + " WHERE n.nspname = '" + schema + "'"));
        lines.addAll(rows("SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t"
                + " JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = '" + schema + "' GROUP BY t.typname"));
        return String.join("\n", lines.stream().map(l -> l.replace(schema + ".", "SCHEMA.")).sorted().toList());
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static String text(String sql) throws SQLException {
        List<String> rows = rows(sql);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    private static void execute(List<String> statements) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    try {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException(e.getMessage() + "\n  in: " + sql, e);
                    }
                }
            }
            connection.commit();
        }
    }
}
