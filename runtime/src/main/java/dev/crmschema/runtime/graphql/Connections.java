package dev.crmschema.runtime.graphql;

import dev.crmschema.runtime.api.graphql.Page;
import dev.crmschema.runtime.api.graphql.PageInfo;
import dev.crmschema.runtime.query.Aggregate;
import dev.crmschema.runtime.query.RecordPage;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.CursorCodec;
import dev.crmschema.runtime.request.OrderItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes a page the query layer read into a connection of the support API: an edge per record with
 * its cursor (encoded like REST's {@code pageInfo} cursors), the page info, {@code totalCount} and the
 * selected aggregates.
 */
final class Connections {
    private static final CursorCodec CURSORS = new CursorCodec();

    private Connections() {}

    /** {@code values} are the page's records as values, in the order read. */
    static Page page(ConnectionQuery query, RecordPage read, List<Map<String, Object>> values,
            Map<Aggregate, Object> aggregateValues) {
        List<Map<String, Object>> records = new ArrayList<>(values);
        List<Cursor> cursors = new ArrayList<>(read.cursors());
        boolean hasNextPage = read.hasNextPage();
        boolean hasPreviousPage = read.hasPreviousPage();
        if (query.fromEnd()) {
            // Read walking backwards from the end: turn the page around; nothing follows it.
            Collections.reverse(records);
            Collections.reverse(cursors);
            hasPreviousPage = read.hasNextPage();
            hasNextPage = false;
        }
        Map<String, Object> aggregates = new LinkedHashMap<>();
        aggregates.put(AggregateCatalog.TOTAL_COUNT, read.totalCount());
        query.aggregates().forEach((name, aggregate) -> aggregates.put(name, aggregateValues.get(aggregate)));
        return page(query.order(), records, cursors, hasNextPage, hasPreviousPage, aggregates);
    }

    /** A page of records in a fixed order with only totalCount (duplicates). */
    static Page page(List<OrderItem> order, RecordPage read) {
        return page(order, read.values(), read.cursors(), read.hasNextPage(), read.hasPreviousPage(),
                Map.of(AggregateCatalog.TOTAL_COUNT, read.totalCount()));
    }

    private static Page page(List<OrderItem> order, List<Map<String, Object>> records, List<Cursor> cursors, boolean hasNextPage,
            boolean hasPreviousPage, Map<String, Object> aggregates) {
        List<Page.Edge> edges = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Cursor cursor = cursors.get(i);
            // Encoded only if selected (an edge's cursor, pageInfo's start or end): most queries select none.
            edges.add(new Page.Edge(records.get(i), () -> CURSORS.encode(order, cursor)));
        }
        return new Page(edges, PageInfo.of(edges, hasNextPage, hasPreviousPage), aggregates);
    }
}
