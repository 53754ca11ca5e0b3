package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the REST {@code order_by} parameter, {@code f1,f2[DIR],rel.sub[DIR]} (reference contract,
 * section 1.3), into order items that always end with {@code id} as the tie-breaker, so that keyset
 * pagination has a total order.
 */
public final class OrderByParser {
    public static final OrderDirection DEFAULT_DIRECTION = OrderDirection.AscNullsFirst;

    private static final Pattern ITEM = Pattern.compile("^([^\\[\\]]+?)\\s*(?:\\[([^\\[\\]]*)\\])?$");
    private static final String EXAMPLE = "eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3";
    private static final String DIRECTIONS =
            Arrays.stream(OrderDirection.values()).map(d -> "'" + d.name() + "'").collect(Collectors.joining(", "));

    public OrderByParser() {}

    /** An absent or blank parameter orders by {@code id} only. */
    public List<OrderItem> parse(ObjectType object, String orderBy) {
        List<OrderItem> items = new ArrayList<>();
        if (orderBy != null && !orderBy.isBlank()) {
            for (String rawItem : orderBy.split(",", -1)) {
                String item = rawItem.trim();
                Matcher matcher = ITEM.matcher(item);
                if (!matcher.matches()) {
                    throw ApiException.badRequest("'order_by' invalid for '" + item + "'. " + EXAMPLE);
                }
                OrderDirection direction = direction(matcher.group(2));
                FieldPath path = FieldPathResolver.resolve(object, matcher.group(1), "'order_by' invalid for '" + item + "', ");
                if (items.stream().anyMatch(existing -> existing.path().column().equals(path.column()))) {
                    throw ApiException.badRequest("'order_by' invalid for '" + item + "', '" + path.display()
                            + "' is already ordered on");
                }
                items.add(new OrderItem(path, direction));
            }
        }
        return withIdTieBreaker(object, items);
    }

    /** {@code items} followed by {@code id AscNullsFirst}, unless they already order by {@code id}. */
    public static List<OrderItem> withIdTieBreaker(ObjectType object, List<OrderItem> items) {
        FieldPath id = FieldPath.of(object.field("id").orElseThrow(() -> new IllegalStateException(
                "object '" + object.nameSingular() + "' has no id field")));
        if (items.stream().anyMatch(item -> item.path().column().equals(id.column()))) {
            return List.copyOf(items);
        }
        List<OrderItem> withId = new ArrayList<>(items);
        withId.add(new OrderItem(id, DEFAULT_DIRECTION));
        return List.copyOf(withId);
    }

    private static OrderDirection direction(String written) {
        if (written == null) {
            return DEFAULT_DIRECTION;
        }
        Optional<OrderDirection> direction =
                Arrays.stream(OrderDirection.values()).filter(d -> d.name().equals(written)).findFirst();
        return direction.orElseThrow(() -> ApiException.badRequest("'order_by' direction '" + written
                + "' invalid. Allowed values are " + DIRECTIONS + ". " + EXAMPLE));
    }
}
