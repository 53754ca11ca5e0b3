package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.ObjectType;
import java.util.List;
import java.util.Optional;

/**
 * A parsed list request, shared by {@code GET /rest/{plural}} and GraphQL connection fields.
 *
 * @param countTotal whether to count every matching record ({@code totalCount}): REST always answers
 *     it, GraphQL only when selected, since on a large table the count costs more than the page
 */
public record FindManyRequest(ObjectType object, Optional<Filter> filter, List<OrderItem> order, Page page,
        Projection projection, boolean countTotal) {

    /** A request that counts the matching records. */
    public FindManyRequest(ObjectType object, Optional<Filter> filter, List<OrderItem> order, Page page, Projection projection) {
        this(object, filter, order, page, projection, true);
    }
}
