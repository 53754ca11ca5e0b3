package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.JSONB;

/**
 * Reads rows selected with {@link ObjectTable#selectList} straight from JDBC, each value of its column's
 * canonical Java type: the types jOOQ's bindings give ({@link ColumnValues#dataType}), so the rows are
 * those {@link ObjectTable#read} makes from jOOQ records. Going through jOOQ's result and record classes
 * cost the cached statements of {@link RenderedStatements} more than running them.
 */
final class JdbcRows {
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
            case UUID -> rows.getObject(index, UUID.class);
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
            case TIMESTAMPTZ -> rows.getObject(index, OffsetDateTime.class);
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
}
