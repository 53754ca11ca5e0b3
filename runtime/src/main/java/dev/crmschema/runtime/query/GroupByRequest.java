package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.GroupDimension;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Projection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed group-by, shared by {@code GET /rest/{plural}/groupBy} and GraphQL {@code {plural}GroupBy}:
 * the dimensions, the filter (soft-delete rule of reads), the aggregates computed per group by API name
 * (every group also has its {@code totalCount}), the order of the groups, at most {@code limit} groups,
 * and optionally a sample of each group's records in {@code recordOrder}.
 *
 * @param recordSample how many records each group's sample holds; 0 reads no records at all
 */
public record GroupByRequest(
        ObjectType object,
        List<GroupDimension> dimensions,
        Optional<Filter> filter,
        Map<String, Aggregate> aggregates,
        List<GroupOrder> groupOrder,
        int limit,
        int recordSample,
        List<OrderItem> recordOrder,
        Projection projection) {

    /** Most records of one group's sample, as for a nested ONE_TO_MANY list. */
    public static final int MAX_RECORD_SAMPLE = RecordStore.MAX_RELATED_RECORDS;

    public GroupByRequest {
        dimensions = List.copyOf(dimensions);
        aggregates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aggregates));
        groupOrder = List.copyOf(groupOrder);
        recordOrder = List.copyOf(recordOrder);
    }

    /**
     * One ordering term of the groups: by a dimension (its index in {@link #dimensions}), by the
     * group's record count, or by a named aggregate. Groups are otherwise ordered by their dimensions.
     */
    public record GroupOrder(Optional<Integer> dimension, Optional<Aggregate> aggregate, OrderDirection direction) {
        public static GroupOrder byDimension(int index, OrderDirection direction) {
            return new GroupOrder(Optional.of(index), Optional.empty(), direction);
        }

        public static GroupOrder byAggregate(Aggregate aggregate, OrderDirection direction) {
            return new GroupOrder(Optional.empty(), Optional.of(aggregate), direction);
        }

        /** By the number of records in the group. */
        public static GroupOrder byCount(OrderDirection direction) {
            return new GroupOrder(Optional.empty(), Optional.empty(), direction);
        }
    }
}
