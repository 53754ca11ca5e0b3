package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.Filter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Turns a parsed {@link Filter} into a jOOQ condition over one object's table. */
final class FilterConditions {
    private final ObjectTable table;

    FilterConditions(ObjectTable table) {
        this.table = table;
    }

    /**
     * The condition a read or bulk write applies: the filter plus the soft-delete rule (records with a
     * {@code deletedAt} are invisible unless the filter names {@code deletedAt}).
     */
    Condition visible(Optional<Filter> filter) {
        Condition condition = filter.map(this::of).orElse(DSL.noCondition());
        return filter.map(Filter::mentionsDeletedAt).orElse(false) ? condition : condition.and(table.live());
    }

    Condition of(Filter filter) {
        if (filter instanceof Filter.And and) {
            return DSL.and(and.items().stream().map(this::of).toList());
        } else if (filter instanceof Filter.Or or) {
            // An empty OR matches nothing, as the empty disjunction does in logic.
            return or.items().isEmpty() ? DSL.falseCondition() : DSL.or(or.items().stream().map(this::of).toList());
        } else if (filter instanceof Filter.Not not) {
            return DSL.not(of(not.item()));
        }
        return condition((Filter.Condition) filter);
    }

    private Condition condition(Filter.Condition condition) {
        Column column = condition.path().column();
        Field<Object> field = table.field(column);
        Object value = condition.value();
        boolean array = isArray(column);
        return switch (condition.comparator()) {
            case IS -> value == Filter.IsValue.NULL ? field.isNull() : field.isNotNull();
            case EQ -> field.eq(table.value(column, value));
            case NEQ -> field.ne(table.value(column, value));
            case GT -> field.gt(table.value(column, value));
            case GTE -> field.ge(table.value(column, value));
            case LT -> field.lt(table.value(column, value));
            case LTE -> field.le(table.value(column, value));
            case IN -> array ? overlaps(column, value) : field.in(values(column, value));
            // On an array column: any element in common; on a scalar column it is the same as IN.
            case CONTAINS_ANY -> array ? overlaps(column, value) : field.in(values(column, value));
            case STARTS_WITH -> asText(column).startsWith(text(value));
            case ENDS_WITH -> asText(column).endsWith(text(value));
            case LIKE -> asText(column).like(text(value));
            case ILIKE -> asText(column).likeIgnoreCase(text(value));
            // Any element matches any of the patterns.
            case CONTAINS_ILIKE -> DSL.condition("exists (select 1 from unnest({0}) as element where cast(element as text) ilike any({1}))",
                    field, DSL.val(items(value).stream().map(FilterConditions::text).toArray(String[]::new), ColumnValues.VARCHAR_ARRAY));
            case IS_EMPTY_ARRAY -> Boolean.TRUE.equals(value)
                    ? DSL.condition("cardinality({0}) = 0", field)
                    : DSL.condition("cardinality({0}) > 0", field);
            case CONTAINS_JSONB -> DSL.condition("{0} @> cast({1} as jsonb)", field, DSL.val(text(value), SQLDataType.VARCHAR));
            case SEARCH -> DSL.condition("{0} @@ plainto_tsquery('simple', {1})", field, DSL.val(text(value), SQLDataType.VARCHAR));
        };
    }

    /**
     * What the SQL text of {@link #visible} depends on for {@code filter}: its structure, columns and
     * comparators, and of the values only what {@link #condition} writes differently (IS's operand,
     * the length of an IN list on a scalar column, IS_EMPTY_ARRAY's flag, a null where a value goes).
     * Every other value is a bind value, never in the text. Requests with the same key share one
     * rendered statement ({@link RenderedStatements}), so a new branch in {@link #condition} that writes
     * text from a value must show here too.
     */
    static String textKey(Optional<Filter> filter) {
        StringBuilder key = new StringBuilder();
        filter.ifPresentOrElse(f -> appendKey(f, key), () -> key.append("none"));
        return key.toString();
    }

    private static void appendKey(Filter filter, StringBuilder key) {
        if (filter instanceof Filter.Condition condition) {
            Column column = condition.path().column();
            key.append(column.name()).append(' ').append(condition.comparator()).append(' ')
                    .append(valueKey(column, condition.comparator(), condition.value()));
            return;
        }
        List<Filter> items = filter instanceof Filter.And and ? and.items()
                : filter instanceof Filter.Or or ? or.items()
                : List.of(((Filter.Not) filter).item());
        key.append(filter instanceof Filter.And ? "and(" : filter instanceof Filter.Or ? "or(" : "not(");
        for (Filter item : items) {
            appendKey(item, key);
            key.append(';');
        }
        key.append(')');
    }

    private static String valueKey(Column column, Comparator comparator, Object value) {
        boolean array = isArray(column);
        return switch (comparator) {
            case IS -> String.valueOf(value);
            case IS_EMPTY_ARRAY -> String.valueOf(Boolean.TRUE.equals(value));
            case IN, CONTAINS_ANY -> array ? "one array" : itemsKey(value);
            case CONTAINS_ILIKE -> "one array";
            case EQ, NEQ, GT, GTE, LT, LTE, STARTS_WITH, ENDS_WITH, LIKE, ILIKE, CONTAINS_JSONB, SEARCH ->
                    value == null ? "null" : value.getClass().getName();
        };
    }

    private static boolean isArray(Column column) {
        return column.type() == ColumnType.TEXT_ARRAY || column.type() == ColumnType.ENUM_ARRAY;
    }

    /** An IN list's length, and which of its items are null. */
    private static String itemsKey(Object value) {
        StringBuilder key = new StringBuilder("list ");
        for (Object item : items(value)) {
            key.append(item == null ? 'n' : 'v');
        }
        return key.toString();
    }

    private List<Field<Object>> values(Column column, Object value) {
        return items(value).stream().map(item -> table.value(column, item)).toList();
    }

    private Condition overlaps(Column column, Object value) {
        return DSL.condition("{0} && {1}", table.field(column), table.value(column, items(value)));
    }

    /** Pattern comparators work on the text form of non-text columns (jsonb, uuid, arrays, enums). */
    private Field<String> asText(Column column) {
        Field<Object> field = table.field(column);
        return column.type() == ColumnType.TEXT
                ? field.coerce(SQLDataType.VARCHAR)
                : DSL.field("cast({0} as text)", SQLDataType.VARCHAR, field);
    }

    private static Collection<?> items(Object value) {
        if (value instanceof Collection<?> items) {
            return items;
        } else if (value instanceof Object[] items) {
            return Arrays.asList(items);
        }
        throw new IllegalArgumentException("in and containsAny need a list value, got " + value);
    }

    private static String text(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        throw new IllegalArgumentException("pattern comparators need a text value, got " + value);
    }
}
