package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.query.Aggregate;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Page;
import dev.crmschema.runtime.request.Projection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connection field's arguments and selection, checked and parsed into the request model: what to
 * read, and how to shape it back ({@link Connections}).
 *
 * @param order the requested order, ending with {@code id}; cursors are always encoded in it
 * @param fromEnd the page is the last {@code last} records with no {@code before} cursor: the query
 *     layer walks the order backwards from its end and the page is turned around afterwards
 * @param aggregates the selected aggregates by GraphQL field name, totalCount aside
 * @param totalCount whether {@code totalCount} is selected
 */
record ConnectionQuery(ObjectType object, Optional<Filter> filter, List<OrderItem> order, Page page, boolean fromEnd,
        Projection projection, Map<String, Aggregate> aggregates, boolean totalCount) {

    /** The read for the query layer. */
    FindManyRequest request() {
        List<OrderItem> walked = fromEnd
                ? order.stream().map(item -> new OrderItem(item.path(), item.direction().reversed())).toList()
                : order;
        return new FindManyRequest(object, filter, walked, page, projection, totalCount);
    }

    List<Aggregate> aggregateList() {
        return List.copyOf(aggregates.values());
    }
}
