package dev.crmschema.runtime.api.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Base of the generated group classes of groupBy queries ({@code CompanyGroupByConnection extends
 * GraphGroupConnection<CompanyEdge>}): a connection whose page's aggregates also hold
 * {@value #DIMENSION_VALUES}, the group's values as text. That list has a typed getter, because
 * graphql-java-tools needs the element type of a list field.
 */
public abstract class GraphGroupConnection<E extends GraphEdge<?>> extends GraphConnection<E> {
    /** The aggregate key of the group's values. */
    public static final String DIMENSION_VALUES = "groupByDimensionValues";

    private final List<String> dimensionValues;

    protected GraphGroupConnection(Page page, Function<Page.Edge, E> edge) {
        super(page, edge);
        List<String> values = new ArrayList<>();
        if (page.aggregates().get(DIMENSION_VALUES) instanceof List<?> list) {
            list.forEach(value -> values.add(value == null ? null : value.toString()));
        }
        this.dimensionValues = Collections.unmodifiableList(values);
    }

    /** The group's value of each groupBy entry, in order; null for the group of empty values. */
    public final List<String> getGroupByDimensionValues() {
        return dimensionValues;
    }
}
