package dev.crmschema.runtime.api.graphql;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Base of the generated connection classes ({@code CompanyConnection extends GraphConnection<CompanyEdge>}).
 * {@code edges} and {@code pageInfo} resolve through the two getters. The connection is also a
 * read-only map of its aggregates, so graphql-java-tools resolves {@code totalCount} and every
 * aggregate field ({@code countEmptyName}, {@code sumEmployees}...) by key, with no generated method per
 * aggregate. Aggregate names all start with an operation ({@code count}, {@code sum}, {@code min}...), so
 * none of them can be mistaken for a method of {@link Map}.
 */
public abstract class GraphConnection<E extends GraphEdge<?>> extends AbstractMap<String, Object> {
    private final List<E> edges;
    private final PageInfo pageInfo;
    private final Map<String, Object> aggregates;

    protected GraphConnection(Page page, Function<Page.Edge, E> edge) {
        this.edges = page.edges().stream().map(edge).toList();
        this.pageInfo = page.pageInfo();
        this.aggregates = page.aggregates();
    }

    public final List<E> getEdges() {
        return edges;
    }

    public final PageInfo getPageInfo() {
        return pageInfo;
    }

    @Override
    public final Object get(Object key) {
        return aggregates.get(key);
    }

    @Override
    public final Set<Map.Entry<String, Object>> entrySet() {
        return aggregates.entrySet();
    }
}
