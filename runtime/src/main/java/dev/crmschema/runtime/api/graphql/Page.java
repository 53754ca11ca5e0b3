package dev.crmschema.runtime.api.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One page of records as a {@link GraphqlDataSource} returns it: the edges in order, where the page
 * sits, and the aggregates over every matching record ({@code totalCount}, {@code countEmptyName},
 * {@code sumEmployees}..., keyed by their GraphQL field names; only those the client asked for need
 * to be present).
 */
public record Page(List<Edge> edges, PageInfo pageInfo, Map<String, Object> aggregates) {
    public Page {
        edges = List.copyOf(edges);
        Objects.requireNonNull(pageInfo, "pageInfo");
        // Aggregates of an empty page are null (minEmployees of no records), so Map.copyOf will not do.
        aggregates = Collections.unmodifiableMap(new LinkedHashMap<>(aggregates));
    }

    /**
     * One record and its cursor. The record's values are keyed by GraphQL field name (see
     * {@link GraphObject} for how each kind of field is represented). The cursor can be given as a
     * supplier, called the first time the cursor is asked for: most queries select no edge's cursor.
     */
    public static final class Edge {
        private final Map<String, Object> node;
        private final Supplier<String> encode;
        private String cursor;

        public Edge(Map<String, Object> node, String cursor) {
            this(node, () -> cursor);
            Objects.requireNonNull(cursor, "cursor");
        }

        public Edge(Map<String, Object> node, Supplier<String> cursor) {
            this.node = Objects.requireNonNull(node, "node");
            this.encode = Objects.requireNonNull(cursor, "cursor");
        }

        public Map<String, Object> node() {
            return node;
        }

        public String cursor() {
            // Encoding is deterministic, so threads racing here agree; a String is safe to publish as is.
            if (cursor == null) {
                cursor = Objects.requireNonNull(encode.get(), "cursor");
            }
            return cursor;
        }
    }
}
