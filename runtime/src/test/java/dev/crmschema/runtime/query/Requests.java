package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.FieldPath;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Page;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordWrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds typed requests for tests the way the REST/GraphQL parsers would, from paths written like in
 * the API: {@code name}, {@code emails.primaryEmail}, {@code companyId}.
 */
final class Requests {
    private Requests() {}

    static FieldPath path(ObjectType object, String path) {
        String[] parts = path.split("\\.", 2);
        Optional<Field> field = object.field(parts[0]);
        if (field.isEmpty()) {
            // A join column, written as the API writes it: companyId.
            Field relation = object.fields().stream()
                    .filter(f -> f.joinColumn().map(c -> c.name().equals(path)).orElse(false))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no path " + path));
            return new FieldPath(relation, Optional.empty(), relation.joinColumn().orElseThrow());
        }
        if (parts.length == 1) {
            Column column = field.get().isManyToOne() ? field.get().joinColumn().orElseThrow() : field.get().columns().get(0);
            return new FieldPath(field.get(), Optional.empty(), column);
        }
        CompositeProperty property = field.get().kind().property(parts[1]).orElseThrow();
        Column column = field.get().columns().stream()
                .filter(c -> c.property().equals(Optional.of(parts[1])))
                .findFirst()
                .orElseThrow();
        return new FieldPath(field.get(), Optional.of(property), column);
    }

    static Filter.Condition where(ObjectType object, String path, Comparator comparator, Object value) {
        return new Filter.Condition(path(object, path), comparator, value);
    }

    static Filter and(Filter... items) {
        return new Filter.And(List.of(items));
    }

    static Filter or(Filter... items) {
        return new Filter.Or(List.of(items));
    }

    static OrderItem order(ObjectType object, String path, OrderDirection direction) {
        return new OrderItem(path(object, path), direction);
    }

    /** Order items with {@code id AscNullsFirst} appended, as the parsers append it. */
    static List<OrderItem> orderBy(ObjectType object, OrderItem... items) {
        List<OrderItem> order = new ArrayList<>(List.of(items));
        order.add(order(object, "id", OrderDirection.AscNullsFirst));
        return order;
    }

    static FindManyRequest findMany(ObjectType object, Optional<Filter> filter, List<OrderItem> order, int limit,
            Optional<Cursor> after, Optional<Cursor> before, Projection projection) {
        return new FindManyRequest(object, filter, order, new Page(limit, after, before), projection);
    }

    static FindManyRequest all(ObjectType object, Optional<Filter> filter) {
        return findMany(object, filter, orderBy(object), 200, Optional.empty(), Optional.empty(), Projection.DEFAULT);
    }

    /** A record write from alternating path/value pairs. */
    static RecordWrite write(ObjectType object, Object... pathsAndValues) {
        Map<Column, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            values.put(path(object, (String) pathsAndValues[i]).column(), pathsAndValues[i + 1]);
        }
        return new RecordWrite(values);
    }
}
