package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.api.graphql.GraphGroupConnection;
import dev.crmschema.runtime.api.graphql.Page;
import dev.crmschema.runtime.api.graphql.PageInfo;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.query.Aggregate;
import dev.crmschema.runtime.query.AggregateNames;
import dev.crmschema.runtime.query.GroupByRequest;
import dev.crmschema.runtime.query.GroupByRequest.GroupOrder;
import dev.crmschema.runtime.query.PlainValues;
import dev.crmschema.runtime.query.RecordGroup;
import dev.crmschema.runtime.query.RecordStore;
import dev.crmschema.runtime.request.FieldPath;
import dev.crmschema.runtime.request.FieldPathResolver;
import dev.crmschema.runtime.request.GroupByParser;
import dev.crmschema.runtime.request.GroupDimension;
import dev.crmschema.runtime.request.MergeRequest;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.QueryParameters;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code companiesGroupBy} and {@code mergeCompanies}: the arguments are read into the request model the
 * REST routes build ({@link GroupByParser}, {@link FilterInput}, {@link OrderByInput}, {@link MergeRequest})
 * and run through the same {@link RecordStore} operations. A group is a connection: its edges are its
 * first records (read only when {@code edges} is selected), its aggregates those selected, plus
 * {@code groupByDimensionValues}.
 */
final class GroupByAndMerge {
    private static final String CODE = "INVALID_QUERY_INPUT";
    private static final String DIMENSION_VALUES = GraphGroupConnection.DIMENSION_VALUES;

    List<Page> groupBy(String object, List<Map<String, Object>> groupBy, Map<String, Object> filter,
            List<Map<String, Object>> orderBy, List<Map<String, Object>> orderByForRecords, Object viewId, Integer limit,
            DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        if (viewId != null) {
            throw ApiException.badRequest("viewId is not supported: this server keeps no saved views. Pass the view's "
                    + "conditions as filter", CODE);
        }
        List<GroupDimension> dimensions = GroupByParser.parse(type, RecordValues.toJson(groupBy), "Invalid groupBy: ");
        if (limit != null && limit < 0) {
            throw ApiException.badRequest("Invalid limit: it must be non-negative", CODE);
        }
        SelectedFields selection = SelectedFields.of(env);
        boolean edges = selection.contains("edges");
        List<OrderItem> recordOrder = OrderByInput.read(type, orderByForRecords);
        GroupByRequest request = new GroupByRequest(type, dimensions, FilterInput.read(type, filter),
                AggregateCatalog.selected(type, selection), groupOrder(type, dimensions, orderBy),
                limit == null ? QueryParameters.DEFAULT_LIMIT : Math.min(limit, QueryParameters.MAX_LIMIT),
                edges ? GroupByRequest.MAX_RECORD_SAMPLE : 0, recordOrder, Projections.connection(type, selection, call.access()));
        List<Page> pages = new ArrayList<>();
        for (RecordGroup group : call.store().groupBy(request)) {
            Page records = group.records().map(page -> Connections.page(recordOrder, page))
                    .orElse(new Page(List.of(), new PageInfo(null, null, group.totalCount() > 0, false), Map.of()));
            Map<String, Object> aggregates = new LinkedHashMap<>(group.aggregates());
            aggregates.put(AggregateCatalog.TOTAL_COUNT, group.totalCount());
            aggregates.put(DIMENSION_VALUES, group.dimensionValues());
            pages.add(new Page(records.edges(), records.pageInfo(), aggregates));
        }
        return pages;
    }

    Map<String, Object> mergeMany(String object, List<Object> ids, int conflictPriorityIndex, boolean dryRun,
            DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        ArrayNode idList = arguments.putArray("ids");
        ids.forEach(id -> idList.add(String.valueOf(id)));
        arguments.put("conflictPriorityIndex", conflictPriorityIndex);
        arguments.put("dryRun", dryRun);
        MergeRequest request = MergeRequest.parse(arguments);
        return PlainValues.of(call.store().merge(type, request, Projections.records(type, SelectedFields.of(env), call.access())));
    }

    /**
     * {@code orderBy: [{stage: DescNullsLast}, {aggregate: {totalCount: DescNullsFirst}}]}: a term names a
     * grouped-by value (composite sub-fields nested, as in orderBy inputs) or one aggregate.
     */
    private static List<GroupOrder> groupOrder(ObjectType type, List<GroupDimension> dimensions, List<Map<String, Object>> orderBy) {
        List<GroupOrder> order = new ArrayList<>();
        Map<String, Aggregate> catalog = null;
        for (Map<String, Object> entry : orderBy) {
            for (Map.Entry<String, Object> term : entry.entrySet()) {
                if (term.getValue() == null) {
                    continue;
                }
                if (term.getKey().equals("aggregate")) {
                    for (Map.Entry<String, Object> aggregate : map(term.getValue()).entrySet()) {
                        if (aggregate.getValue() == null) {
                            continue;
                        }
                        OrderDirection direction = OrderDirection.valueOf(aggregate.getValue().toString());
                        if (aggregate.getKey().equals(AggregateNames.TOTAL_COUNT)) {
                            order.add(GroupOrder.byCount(direction));
                        } else {
                            catalog = catalog == null ? AggregateNames.of(type) : catalog;
                            order.add(GroupOrder.byAggregate(catalog.get(aggregate.getKey()), direction));
                        }
                    }
                } else if (term.getValue() instanceof Map<?, ?> parts) {
                    parts.forEach((part, direction) -> {
                        if (direction != null) {
                            order.add(byDimension(type, dimensions, term.getKey() + "." + part, direction));
                        }
                    });
                } else {
                    order.add(byDimension(type, dimensions, term.getKey(), term.getValue()));
                }
            }
        }
        return order;
    }

    private static GroupOrder byDimension(ObjectType type, List<GroupDimension> dimensions, String path, Object direction) {
        FieldPath resolved = FieldPathResolver.resolve(type, path, "Invalid orderBy on '" + path + "': ");
        for (int i = 0; i < dimensions.size(); i++) {
            if (dimensions.get(i).path().column().equals(resolved.column())) {
                return GroupOrder.byDimension(i, OrderDirection.valueOf(direction.toString()));
            }
        }
        throw ApiException.badRequest("Invalid orderBy on '" + path + "': groups can only be ordered by a value they are "
                + "grouped by, or by an aggregate", CODE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
