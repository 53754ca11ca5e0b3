package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.JSONB;
import org.postgresql.PGResultSetMetaData;

/**
 * Reads rows selected with {@link ObjectTable#selectList} straight from JDBC, each value of its column's
 * canonical Java type: the types jOOQ's bindings give ({@link ColumnValues#dataType}), so the rows are
 * those {@link ObjectTable#read} makes from jOOQ records. Going through jOOQ's result and record classes
 * cost the cached statements of {@link RenderedStatements} more than running them.
 */
final class JdbcRows {
    /** {@link PGResultSetMetaData#getFormat} of a column sent in binary form. */
    private static final int BINARY = 1;
    /** PostgreSQL's epoch, 2000-01-01T00:00Z, in seconds since Java's. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private JdbcRows() {}

    static List<RecordRow> read(ResultSet rows, List<Column> columns) throws SQLException {
        RecordRow.Columns positions = RecordRow.Columns.of(columns);
        List<RecordRow> read = new ArrayList<>();
        while (rows.next()) {
            read.add(row(rows, columns, positions));
        }
        return read;
    }

    /**
     * The current row's first {@code columns.size()} values; a statement may select more after them.
     *
     * @param positions {@link RecordRow.Columns#of} the columns, shared by every row of the statement
     */
    static RecordRow row(ResultSet rows, List<Column> columns, RecordRow.Columns positions) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(rows, i + 1, columns.get(i));
        }
        return new RecordRow(positions, values);
    }

    private static Object value(ResultSet rows, int index, Column column) throws SQLException {
        return switch (column.type()) {
            case UUID -> uuid(rows, index);
            // Enums are selected as their label, search vectors as their text form.
            case TEXT, ENUM, TSVECTOR -> rows.getString(index);
            case DOUBLE -> {
                double value = rows.getDouble(index);
                yield rows.wasNull() ? null : (Double) value;
            }
            case INTEGER -> {
                int value = rows.getInt(index);
                yield rows.wasNull() ? null : (Integer) value;
            }
            case BIGINT -> {
                long value = rows.getLong(index);
                yield rows.wasNull() ? null : (Long) value;
            }
            case NUMERIC -> rows.getBigDecimal(index);
            case BOOLEAN -> {
                boolean value = rows.getBoolean(index);
                yield rows.wasNull() ? null : (Boolean) value;
            }
            case TIMESTAMPTZ -> timestamp(rows, index);
            case DATE -> rows.getObject(index, LocalDate.class);
            case JSONB -> {
                String text = rows.getString(index);
                yield text == null ? null : JSONB.valueOf(text);
            }
            // Enum arrays are selected cast to text[].
            case TEXT_ARRAY, ENUM_ARRAY -> {
                Array array = rows.getArray(index);
                yield array == null ? null : (String[]) array.getArray();
            }
        };
    }

    /**
     * A uuid as the driver reads it, without its generic {@code getObject}: that looks up the column's SQL
     * type for every value, 8 % of a nested GraphQL query's CPU in a profile. In binary form a uuid is its
     * 16 bytes, most significant first; values in text form still go through the driver.
     */
    private static UUID uuid(ResultSet rows, int index) throws SQLException {
        if (!binary(rows, index)) {
            return rows.getObject(index, UUID.class);
        }
        byte[] raw = rows.getBytes(index);
        return raw == null ? null : new UUID((long) BIG_ENDIAN_LONG.get(raw, 0), (long) BIG_ENDIAN_LONG.get(raw, 8));
    }

    private static boolean binary(ResultSet rows, int index) throws SQLException {
        return rows.getMetaData() instanceof PGResultSetMetaData metadata && metadata.getFormat(index) == BINARY;
    }

    /**
     * A timestamptz as the driver reads it (UTC), without its detour through
     * {@code OffsetDateTime.ofInstant}: on Java 17 that builds new {@code ZoneRules}, with a
     * {@code ConcurrentHashMap}, for every value, the largest single share of what a list of people at
     * depth 1 allocated. Once the driver prepares a statement on the server it reads timestamps in
     * binary form, microseconds since 2000-01-01 UTC, with the largest and smallest longs for
     * {@code infinity} and {@code -infinity}; values in text form still go through the driver.
     */
    private static OffsetDateTime timestamp(ResultSet rows, int index) throws SQLException {
        if (!binary(rows, index)) {
            return rows.getObject(index, OffsetDateTime.class);
        }
        byte[] raw = rows.getBytes(index);
        if (raw == null) {
            return null;
        }
        long micros = (long) BIG_ENDIAN_LONG.get(raw, 0);
        if (micros == Long.MAX_VALUE) {
            return OffsetDateTime.MAX;
        } else if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.MIN;
        }
        long seconds = Math.floorDiv(micros, 1_000_000L) + POSTGRES_EPOCH_SECONDS;
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1_000;
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
