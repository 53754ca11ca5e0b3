package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.runtime.query.Aggregate.Operation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The SQL expression of each {@link Aggregate} over one object's table, and the conversion of its
 * result to the value the API returns: counts as Integer, shares as Double, numbers as BigDecimal,
 * dates and timestamps as the strings records carry them as.
 */
final class AggregateFields {
    private final ObjectTable table;

    AggregateFields(ObjectTable table) {
        this.table = table;
    }

    Field<?> expression(Aggregate aggregate) {
        Condition empty = empty(aggregate.field());
        Field<Object> value = table.field(aggregate.field().columns().get(0));
        return switch (aggregate.operation()) {
            case COUNT_UNIQUE_VALUES -> DSL.field("count(distinct ({0})) filter (where {1})", SQLDataType.INTEGER,
                    DSL.list(columns(aggregate.field())), DSL.not(empty));
            case COUNT_EMPTY -> DSL.count().filterWhere(empty);
            case COUNT_NOT_EMPTY -> DSL.count().filterWhere(DSL.not(empty));
            case PERCENTAGE_EMPTY -> share(empty);
            case PERCENTAGE_NOT_EMPTY -> share(DSL.not(empty));
            case COUNT_TRUE -> DSL.count().filterWhere(value.coerce(SQLDataType.BOOLEAN).isTrue());
            case COUNT_FALSE -> DSL.count().filterWhere(value.coerce(SQLDataType.BOOLEAN).isFalse());
            case MIN -> DSL.min(value);
            case MAX -> DSL.max(value);
            case AVG -> DSL.avg(value.coerce(SQLDataType.NUMERIC));
            case SUM -> DSL.sum(value.coerce(SQLDataType.NUMERIC));
        };
    }

    /** The API value of an expression's result. */
    static Object value(Aggregate aggregate, Object result) {
        if (result == null) {
            return null;
        }
        if (aggregate.operation() == Operation.MIN || aggregate.operation() == Operation.MAX) {
            if (result instanceof OffsetDateTime timestamp) {
                return RecordJson.timestamp(timestamp);
            }
            if (result instanceof java.time.LocalDate date) {
                return date.toString();
            }
        }
        return result;
    }

    /** Share of the matching records that satisfy {@code condition}, between 0 and 1; null without records. */
    private static Field<Double> share(Condition condition) {
        return DSL.count().filterWhere(condition).cast(SQLDataType.DOUBLE)
                .div(DSL.nullif(DSL.count(), 0).cast(SQLDataType.DOUBLE));
    }

    private List<Field<?>> columns(dev.crmschema.compiler.model.Field field) {
        List<Field<?>> fields = new ArrayList<>();
        for (Column column : field.columns()) {
            fields.add(table.field(column));
        }
        return fields;
    }

    private Condition empty(dev.crmschema.compiler.model.Field field) {
        List<Condition> parts = new ArrayList<>();
        for (Column column : field.columns()) {
            parts.add(empty(column));
        }
        return DSL.and(parts);
    }

    private Condition empty(Column column) {
        Field<Object> field = table.field(column);
        if (column.type() == ColumnType.TEXT) {
            return field.isNull().or(field.coerce(SQLDataType.VARCHAR).eq(""));
        } else if (column.type() == ColumnType.TEXT_ARRAY || column.type() == ColumnType.ENUM_ARRAY) {
            return field.isNull().or(DSL.condition("cardinality({0}) = 0", field));
        } else if (column.type() == ColumnType.JSONB) {
            return field.isNull().or(field.cast(SQLDataType.VARCHAR).in("null", "[]", "{}"));
        }
        return field.isNull();
    }
}
