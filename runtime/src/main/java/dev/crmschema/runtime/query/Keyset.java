package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.FieldPath;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.OrderItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Ordering and keyset ("seek") pagination over an order tuple that ends with {@code id}, so the order
 * is total. Null placement is explicit in every direction and the seek conditions follow it: a cursor
 * whose value is null sits at the start (NULLS FIRST) or the end (NULLS LAST) of its column's run.
 */
final class Keyset {
    private final ObjectTable table;
    private final List<OrderItem> order;

    Keyset(ObjectTable table, List<OrderItem> requested) {
        this.table = table;
        List<OrderItem> items = new ArrayList<>(requested);
        boolean endsWithId = !items.isEmpty() && items.get(items.size() - 1).path().column().name().equals(ObjectTable.ID);
        if (!endsWithId) {
            // The contract appends id as the final tie-breaker; requests normally carry it already.
            Column id = table.column(ObjectTable.ID);
            items.add(new OrderItem(
                    new FieldPath(table.object().field(ObjectTable.ID).orElseThrow(), Optional.empty(), id),
                    OrderDirection.AscNullsFirst));
        }
        this.order = List.copyOf(items);
    }

    List<OrderItem> order() {
        return order;
    }

    /** ORDER BY terms; {@code backwards} walks the same order from its end. */
    List<SortField<?>> sortFields(boolean backwards) {
        List<SortField<?>> fields = new ArrayList<>();
        for (OrderItem item : order) {
            OrderDirection direction = backwards ? item.direction().reversed() : item.direction();
            Column column = item.path().column();
            Field<Object> field = table.field(column);
            SortField<Object> sort = direction.ascending() ? field.asc() : field.desc();
            // A NOT NULL column has no nulls to place. Naming a placement anyway (ASC NULLS FIRST, the
            // default) keeps PostgreSQL from walking the column's btree index: every page of the default
            // order by id then read and sorted the whole table.
            if (column.nullable()) {
                sort = direction.nullsFirst() ? sort.nullsFirst() : sort.nullsLast();
            }
            fields.add(sort);
        }
        return fields;
    }

    /**
     * Records strictly after the cursor in the walking order: for some position i, equal on every
     * earlier term and after the cursor on term i.
     */
    Condition after(Cursor cursor, boolean backwards) {
        List<Object> values = values(cursor);
        List<Condition> alternatives = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            OrderItem item = order.get(i);
            OrderDirection direction = backwards ? item.direction().reversed() : item.direction();
            Optional<Condition> beyond = beyond(item.path().column(), direction, values.get(i));
            if (beyond.isPresent()) {
                List<Condition> terms = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    terms.add(equal(order.get(j).path().column(), values.get(j)));
                }
                terms.add(beyond.get());
                alternatives.add(DSL.and(terms));
            }
        }
        return alternatives.isEmpty() ? DSL.falseCondition() : DSL.or(alternatives);
    }

    /** The record the cursor points at (equal on every term, nulls included). */
    Condition at(Cursor cursor) {
        List<Object> values = values(cursor);
        List<Condition> terms = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            terms.add(equal(order.get(i).path().column(), values.get(i)));
        }
        return DSL.and(terms);
    }

    /** The cursor values of a record: its value per order term, id last. */
    Cursor cursorOf(RecordRow row) {
        List<Object> values = new ArrayList<>();
        for (OrderItem item : order) {
            values.add(row.get(item.path().column()));
        }
        // Cursor values may be null (nulls in an order column), so no List.copyOf here.
        return new Cursor(java.util.Collections.unmodifiableList(values));
    }

    /** Values on column positions strictly after {@code value} in {@code direction}, if any exist. */
    private Optional<Condition> beyond(Column column, OrderDirection direction, Object value) {
        Field<Object> field = table.field(column);
        if (value == null) {
            // Nulls first: every non-null value follows. Nulls last: nothing follows within this term.
            return direction.nullsFirst() ? Optional.of(field.isNotNull()) : Optional.empty();
        }
        Field<Object> bound = table.value(column, value);
        Condition greater = direction.ascending() ? field.gt(bound) : field.lt(bound);
        // Only a nullable column has nulls after its values; the extra OR would also keep the index out.
        return Optional.of(direction.nullsFirst() || !column.nullable() ? greater : greater.or(field.isNull()));
    }

    private Condition equal(Column column, Object value) {
        Field<Object> field = table.field(column);
        return value == null ? field.isNull() : field.eq(table.value(column, value));
    }

    private List<Object> values(Cursor cursor) {
        if (cursor.values().size() != order.size()) {
            throw invalidCursor();
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            try {
                values.add(ColumnValues.toJava(order.get(i).path().column(), cursor.values().get(i)));
            } catch (IllegalArgumentException e) {
                throw invalidCursor();
            }
        }
        if (values.get(values.size() - 1) == null) {
            throw invalidCursor();
        }
        return values;
    }

    private static ApiException invalidCursor() {
        return ApiException.badRequest("Invalid cursor: it does not match the requested order", "INVALID_CURSOR");
    }
}
