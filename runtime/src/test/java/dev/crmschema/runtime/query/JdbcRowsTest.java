package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.Requests.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.db.JdbcQueries;
import dev.crmschema.runtime.request.Projection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;

/** Rows read through plain JDBC carry the same values, of the same Java types, as rows read through jOOQ. */
class JdbcRowsTest {
    static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void timestampsReadInTextAndBinaryFormAsTheDriverReadsThem() {
        assertReadAsTheDriverReads(ColumnType.TIMESTAMPTZ, OffsetDateTime.class, "SELECT v FROM (VALUES "
                + "(timestamptz '2025-01-01T01:02:03.456789+02'), ('1999-12-31T23:59:59.999999Z'), ('2000-01-01Z'), ('1970-01-01Z'),"
                + " ('0001-01-01Z'), ('294276-12-31T23:59:59.999999Z'), ('infinity'), ('-infinity'), (NULL)) AS t(v)", 9);
    }

    @Test
    void uuidsReadInTextAndBinaryFormAsTheDriverReadsThem() {
        // Both halves with the sign bit set and clear, all zeros, all ones.
        assertReadAsTheDriverReads(ColumnType.UUID, UUID.class, "SELECT v FROM (VALUES (uuid '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'),"
                + " ('f0e1d2c3-b4a5-9687-7869-5a4b3c2d1e0f'), ('00000000-0000-0000-0000-000000000000'),"
                + " ('ffffffff-ffff-ffff-ffff-ffffffffffff'), (NULL)) AS t(v)", 5);
    }

    /** Reads {@code sql}'s column {@code v} often enough for the driver to switch from text to binary form. */
    private static void assertReadAsTheDriverReads(ColumnType type, Class<?> javaType, String sql, int expectedRows) {
        Column column = new Column("v", type, Optional.empty(), true, Optional.empty());
        Set<Integer> formats = new TreeSet<>();
        db.dsl().connection(connection -> {
            // The driver reads in text form until it prepares the statement on the server (5th run), then in binary.
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int run = 0; run < 8; run++) {
                    try (ResultSet rows = select.executeQuery()) {
                        formats.add(rows.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1));
                        int count = 0;
                        while (rows.next()) {
                            Object read = JdbcRows.row(rows, List.of(column), RecordRow.Columns.of(List.of(column))).get(column);
                            assertEquals(rows.getObject(1, javaType), read, "run " + run + ", row " + count++);
                        }
                        assertEquals(expectedRows, count);
                    }
                }
            }
        });
        assertEquals(Set.of(0, 1), formats, "both forms were read");
    }

    @Test
    void everyColumnTypeReadsAsJooqReadsIt() {
        ObjectType shelter = db.workspace().require("shelter");
        ObjectType pet = db.workspace().require("pet");
        RecordStore store = db.store();
        UUID home = FindManyTest.id(store.createMany(shelter, List.of(write(shelter, "name", "Home")),
                RecordWritesTest.ACTOR, Projection.DEFAULT).get(0));
        UUID full = FindManyTest.id(store.createMany(pet, List.of(write(pet, "name", "Full", "shelter", home)),
                RecordWritesTest.ACTOR, Projection.DEFAULT).get(0));
        store.createMany(pet, List.of(write(pet, "name", "Sparse", "shelter", home)), RecordWritesTest.ACTOR, Projection.DEFAULT);
        ObjectTable table = new ObjectTable(TestDatabase.SCHEMA, pet);
        List<Column> columns = pet.fields().stream().flatMap(field -> field.columns().stream()).toList();
        // Fill every column of "Full" whose value needs no model knowledge (enums keep their defaults, ids their links).
        List<String> assignments = new ArrayList<>();
        List<Column> assigned = new ArrayList<>();
        for (Column column : columns) {
            String value = switch (column.type()) {
                case TEXT -> "'it''s text'";
                case DOUBLE -> "10.5";
                case INTEGER -> "7";
                case BIGINT -> "1234567890123";
                case NUMERIC -> "123.450";
                case BOOLEAN -> "true";
                case TIMESTAMPTZ -> "'2025-01-01T01:02:03.456789+02'";
                case DATE -> "'2020-02-29'";
                case JSONB -> "'{\"a\": [1, 2.5, null]}'";
                case TEXT_ARRAY -> "ARRAY['x', 'y, z']";
                case UUID, ENUM, ENUM_ARRAY, TSVECTOR -> null;
            };
            if (value != null) {
                assignments.add("\"" + column.name() + "\" = " + value);
                assigned.add(column);
            }
        }
        db.dsl().execute("UPDATE \"" + TestDatabase.SCHEMA + "\".\"" + pet.tableName() + "\" SET " + String.join(", ", assignments)
                + " WHERE id = '" + full + "'");

        ResultQuery<Record> select = db.dsl().select(table.selectList(columns)).from(table.table()).orderBy(table.id());
        List<RecordRow> viaJooq = select.fetch().stream().map(ObjectTable.reader(columns)).toList();
        List<RecordRow> viaJdbc = JdbcQueries.query(db.dsl(), select.getSQL(), List.of(), rows -> JdbcRows.read(rows, columns));

        assertEquals(2, viaJdbc.size());
        for (int row = 0; row < 2; row++) {
            for (Column column : columns) {
                Object expected = viaJooq.get(row).get(column);
                Object actual = viaJdbc.get(row).get(column);
                String where = "row " + row + ", " + column.name() + " (" + column.type() + ")";
                if (expected == null) {
                    assertNull(actual, where);
                } else if (expected instanceof Object[] items) {
                    assertArrayEquals(items, (Object[]) actual, where);
                } else if (expected instanceof OffsetDateTime timestamp) {
                    // The same instant; the offset follows the session's time zone in one, UTC in the other.
                    assertEquals(timestamp.toInstant(), ((OffsetDateTime) actual).toInstant(), where);
                } else {
                    assertEquals(expected, actual, where);
                    assertEquals(expected.getClass(), actual.getClass(), where);
                }
            }
        }
        RecordRow filled = viaJdbc.get(viaJdbc.get(0).id().equals(full) ? 0 : 1);
        assigned.forEach(column -> assertNotNull(filled.get(column), column.name()));
        // Every type the pet has (the showcase has no bigint NUMBER), enums and ids with their defaults and links.
        assertEquals(List.of(ColumnType.TEXT, ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.NUMERIC, ColumnType.BOOLEAN,
                ColumnType.TIMESTAMPTZ, ColumnType.DATE, ColumnType.JSONB, ColumnType.TEXT_ARRAY),
                assigned.stream().map(Column::type).distinct().sorted().toList());
        assertEquals(List.of(ColumnType.UUID, ColumnType.ENUM, ColumnType.ENUM_ARRAY, ColumnType.TSVECTOR), columns.stream()
                .map(Column::type).filter(type -> !assigned.stream().map(Column::type).toList().contains(type)).distinct().sorted().toList());
    }
}
