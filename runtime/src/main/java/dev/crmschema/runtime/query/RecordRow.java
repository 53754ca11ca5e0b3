package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One stored record as read from its table, before it is shaped into JSON: the value of each column read,
 * in its canonical Java type (see {@link ColumnValues}). The rows of one statement share their
 * {@link Columns}, and each holds only an array of values: a map per row was a quarter of what a list of
 * people at depth 1 allocated.
 */
final class RecordRow {
    private final Columns columns;
    private final Object[] values;

    /** @param values one per column of {@code columns}, in their order */
    RecordRow(Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** A row of the named values, for rows built by hand rather than read. */
    static RecordRow of(Map<String, ?> values) {
        Map<String, Integer> positions = new HashMap<>();
        Object[] row = new Object[values.size()];
        values.forEach((name, value) -> {
            row[positions.size()] = value;
            positions.put(name, positions.size());
        });
        return new RecordRow(new Columns(positions), row);
    }

    /** The column's value: null when it is null or was not read. */
    Object get(Column column) {
        Integer position = columns.positions.get(column.name());
        return position == null ? null : values[position];
    }

    /** The value at {@code position} of the row's {@link #columns}: null when it is null or the position is -1. */
    Object value(int position) {
        return position < 0 ? null : values[position];
    }

    /** The columns this row was read with, shared by the rows of one statement. */
    Columns columns() {
        return columns;
    }

    /** Whether the column was read, null or not. */
    boolean has(Column column) {
        return columns.positions.containsKey(column.name());
    }

    UUID id() {
        Integer position = columns.positions.get("id");
        return position == null ? null : (UUID) values[position];
    }

    /** The columns one statement reads, each with its position in a row's values. */
    static final class Columns {
        private final Map<String, Integer> positions;

        private Columns(Map<String, Integer> positions) {
            this.positions = positions;
        }

        /** The column's position in a row's values, or -1 when it was not read. */
        int position(String name) {
            Integer position = positions.get(name);
            return position == null ? -1 : position;
        }

        static Columns of(List<Column> columns) {
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                positions.put(columns.get(i).name(), i);
            }
            return new Columns(positions);
        }
    }
}
