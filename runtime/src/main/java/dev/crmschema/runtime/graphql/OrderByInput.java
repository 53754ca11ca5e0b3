package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.FieldPath;
import dev.crmschema.runtime.request.FieldPathResolver;
import dev.crmschema.runtime.request.OrderByParser;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.OrderItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a GraphQL {@code orderBy} list ({@code [{position: AscNullsFirst}, {name: {firstName: DescNullsLast}}]},
 * reference contract, section 2.5) into the order items REST's {@code order_by} parses into, ending with
 * {@code id} as the tie-breaker. Several entries in one input object keep the schema's field order, so
 * clients wanting a precise order give one entry per object.
 */
final class OrderByInput {
    private OrderByInput() {}

    static List<OrderItem> read(ObjectType object, List<Map<String, Object>> input) {
        List<OrderItem> items = new ArrayList<>();
        if (input != null) {
            for (Map<String, Object> entry : input) {
                if (entry != null) {
                    entry.forEach((name, value) -> add(object, name, value, items));
                }
            }
        }
        return OrderByParser.withIdTieBreaker(object, items);
    }

    private static void add(ObjectType object, String name, Object value, List<OrderItem> items) {
        if (value == null) {
            return;
        }
        Optional<Field> field = object.field(name);
        if (field.isPresent() && field.get().kind().isComposite() && value instanceof Map<?, ?> parts) {
            parts.forEach((part, direction) -> {
                if (direction != null) {
                    item(object, name + "." + part, direction, items);
                }
            });
        } else {
            item(object, name, value, items);
        }
    }

    private static void item(ObjectType object, String path, Object direction, List<OrderItem> items) {
        String prefix = "Invalid orderBy on '" + path + "': ";
        FieldPath resolved = FieldPathResolver.resolve(object, path, prefix);
        if (items.stream().anyMatch(existing -> existing.path().column().equals(resolved.column()))) {
            throw ApiException.badRequest(prefix + "'" + resolved.display() + "' is already ordered on", "INVALID_QUERY_INPUT");
        }
        items.add(new OrderItem(resolved, OrderDirection.valueOf(direction.toString())));
    }
}
