package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Projection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * One object's table in one workspace schema, as jOOQ query parts: the table, a typed reference per
 * column, bind values of a column's type, and the select list records are read with. Identifiers come
 * only from the model and are quoted by jOOQ; values only ever travel as bind values.
 */
final class ObjectTable {
    static final String ID = "id";
    static final String DELETED_AT = "deletedAt";
    static final String UPDATED_AT = "updatedAt";

    private final String schema;
    private final ObjectType object;
    private final Table<Record> table;

    ObjectTable(String schema, ObjectType object) {
        this.schema = schema;
        this.object = object;
        this.table = DSL.table(DSL.name(schema, object.tableName()));
    }

    ObjectType object() {
        return object;
    }

    Table<Record> table() {
        return table;
    }

    Column column(String name) {
        // A scan, not a map: a table is made per statement, and most look up one or two columns.
        for (Field field : object.fields()) {
            for (Column column : field.columns()) {
                if (column.name().equals(name)) {
                    return column;
                }
            }
        }
        throw new IllegalArgumentException("object '" + object.nameSingular() + "' has no column '" + name + "'");
    }

    /** A reference to the column, typed after its column type (unqualified: every query reads one table). */
    org.jooq.Field<Object> field(Column column) {
        return typed(DSL.field(DSL.name(column.name()), ColumnValues.dataType(column.type())));
    }

    org.jooq.Field<Object> field(String columnName) {
        return field(column(columnName));
    }

    org.jooq.Field<Object> id() {
        return field(ID);
    }

    /** Records that are not soft-deleted. */
    Condition live() {
        return field(DELETED_AT).isNull();
    }

    /**
     * A bind value of the column's type. Enum columns get their text cast to the column's PostgreSQL
     * enum type, because PostgreSQL does not compare or assign text to an enum implicitly.
     */
    org.jooq.Field<Object> value(Column column, Object value) {
        Object javaValue = ColumnValues.toJava(column, value);
        DataType<?> type = ColumnValues.dataType(column.type());
        if (column.type() == ColumnType.ENUM) {
            return typed(DSL.field("cast({0} as {1})", type, DSL.val(javaValue, type), enumType(column)));
        } else if (column.type() == ColumnType.ENUM_ARRAY) {
            return typed(DSL.field("cast({0} as {1}[])", type, DSL.val(javaValue, type), enumType(column)));
        }
        return typed(DSL.val(javaValue, type));
    }

    /** The column as it is selected: enum arrays and search vectors are read as text. */
    org.jooq.Field<?> readable(Column column) {
        if (column.type() == ColumnType.ENUM_ARRAY) {
            return DSL.field("cast({0} as text[])", readType(column), field(column)).as(column.name());
        } else if (column.type() == ColumnType.TSVECTOR) {
            return DSL.field("cast({0} as text)", readType(column), field(column)).as(column.name());
        }
        return field(column);
    }

    /** The jOOQ type of the column as selected by {@link #readable}. */
    static DataType<?> readType(Column column) {
        return switch (column.type()) {
            case ENUM_ARRAY -> ColumnValues.TEXT_ARRAY;
            case TSVECTOR -> SQLDataType.VARCHAR;
            default -> ColumnValues.dataType(column.type());
        };
    }

    /**
     * The columns a read returns: every stored column except search vectors, which are only read when
     * the projection names their field explicitly (they are large and derived from other fields).
     */
    List<Column> selectedColumns(Projection projection) {
        List<Column> columns = new ArrayList<>();
        for (Field field : object.storedFields()) {
            if (field.kind() == FieldKind.TS_VECTOR && !projection.fields().map(f -> f.contains(field.name())).orElse(false)) {
                continue;
            }
            columns.addAll(field.columns());
        }
        return columns;
    }

    /**
     * The columns a read needs: with a projection that names fields, only theirs (a MANY_TO_ONE
     * relation's join column among them), {@code id}, and the order's columns, which cursors are made
     * of; otherwise {@link #selectedColumns}. Reading what nobody asked for cost more than the query.
     */
    List<Column> readColumns(Projection projection, List<OrderItem> order) {
        if (projection.fields().isEmpty()) {
            return selectedColumns(projection);
        }
        Set<String> ordered = new HashSet<>();
        order.forEach(item -> ordered.add(item.path().column().name()));
        List<Column> columns = new ArrayList<>();
        for (Field field : object.storedFields()) {
            boolean wanted = projection.includes(field.name())
                    || field.joinColumn().map(join -> projection.includes(join.name())).orElse(false);
            for (Column column : field.columns()) {
                if (wanted || ordered.contains(column.name())) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    List<org.jooq.Field<?>> selectList(List<Column> columns) {
        return columns.stream().<org.jooq.Field<?>>map(this::readable).toList();
    }

    /** Reads records selected with {@link #selectList} over the same columns; its rows share one {@link RecordRow.Columns}. */
    static Function<Record, RecordRow> reader(List<Column> columns) {
        RecordRow.Columns positions = RecordRow.Columns.of(columns);
        return record -> {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = record.get(i);
            }
            return new RecordRow(positions, values);
        };
    }

    private Name enumType(Column column) {
        return DSL.name(schema, column.enumType().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static org.jooq.Field<Object> typed(org.jooq.Field<?> field) {
        return (org.jooq.Field<Object>) field;
    }
}
