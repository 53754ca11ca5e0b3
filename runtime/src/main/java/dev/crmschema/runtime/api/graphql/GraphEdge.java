package dev.crmschema.runtime.api.graphql;

import java.util.Map;
import java.util.function.Function;

/**
 * Base of the generated edge classes ({@code CompanyEdge extends GraphEdge<Company>}): a record and its
 * cursor. graphql-java-tools resolves {@code node} and {@code cursor} through the two getters; the type
 * argument tells it which generated class {@code node} is.
 */
public abstract class GraphEdge<N extends GraphObject> {
    private final N node;
    private final Page.Edge edge;

    protected GraphEdge(Page.Edge edge, Function<Map<String, Object>, N> node) {
        this.node = node.apply(edge.node());
        this.edge = edge;
    }

    public final N getNode() {
        return node;
    }

    public final String getCursor() {
        return edge.cursor();
    }
}
