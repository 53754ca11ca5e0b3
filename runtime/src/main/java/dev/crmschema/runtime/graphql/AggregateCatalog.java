package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.runtime.query.Aggregate;
import dev.crmschema.runtime.query.AggregateNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The aggregate fields of an object's connection type (reference contract, section 2.6), by GraphQL
 * field name ({@code countEmptyName}, {@code sumAnnualRecurringRevenueAmountMicros}), named with the
 * compiler's {@link Names#aggregate} like the SDL's. A test checks that both list the same fields.
 */
final class AggregateCatalog {
    static final String TOTAL_COUNT = AggregateNames.TOTAL_COUNT;
    /** Connection fields that are not aggregates (group-by connections add their dimension values). */
    private static final Set<String> STRUCTURE = Set.of("edges", "pageInfo", "__typename", TOTAL_COUNT, "groupByDimensionValues");

    private AggregateCatalog() {}

    /** Every aggregate of the object's connection, totalCount aside. */
    static Map<String, Aggregate> of(ObjectType object) {
        return AggregateNames.of(object);
    }

    /** The aggregates a connection field selects, once each, in selection order; totalCount aside. */
    static Map<String, Aggregate> selected(ObjectType object, SelectedFields selection) {
        Map<String, Aggregate> catalog = null;
        Map<String, Aggregate> selected = new LinkedHashMap<>();
        for (String field : selection.names()) {
            if (STRUCTURE.contains(field) || selected.containsKey(field)) {
                continue;
            }
            catalog = catalog == null ? of(object) : catalog;
            Aggregate aggregate = catalog.get(field);
            if (aggregate == null) {
                throw new IllegalStateException("connection field '" + field + "' of '" + object.nameSingular()
                        + "' is not a known aggregate: the SDL and the runtime disagree");
            }
            selected.put(field, aggregate);
        }
        return selected;
    }
}
