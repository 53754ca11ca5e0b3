package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.runtime.query.Aggregate;
import dev.crmschema.runtime.query.Aggregate.Operation;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aggregate fields of an object's connection type (reference contract, section 2.6), by GraphQL
 * field name ({@code countEmptyName}, {@code sumAnnualRecurringRevenueAmountMicros}), named with the
 * compiler's {@link Names#aggregate} like the SDL's. A test checks that both list the same fields.
 */
final class AggregateCatalog {
    static final String TOTAL_COUNT = "totalCount";
    /** Connection fields that are not aggregates. */
    private static final Set<String> STRUCTURE = Set.of("edges", "pageInfo", "__typename", TOTAL_COUNT);
    private static final String AMOUNT_MICROS = "amountMicros";

    private AggregateCatalog() {}

    /** Every aggregate of the object's connection, totalCount aside. */
    static Map<String, Aggregate> of(ObjectType object) {
        Map<String, Aggregate> aggregates = new LinkedHashMap<>();
        for (Field field : object.fields()) {
            if (field.kind() == FieldKind.RELATION) {
                continue;
            }
            String name = field.name();
            for (Operation operation : List.of(Operation.COUNT_UNIQUE_VALUES, Operation.COUNT_EMPTY, Operation.COUNT_NOT_EMPTY,
                    Operation.PERCENTAGE_EMPTY, Operation.PERCENTAGE_NOT_EMPTY)) {
                aggregates.put(Names.aggregate(prefix(operation), name), new Aggregate(operation, field));
            }
            // The amount operations of a currency are named after its amount column, like the SDL's.
            String valueName = field.kind() == FieldKind.CURRENCY ? Names.compositeColumn(name, AMOUNT_MICROS) : name;
            for (Operation operation : List.of(Operation.MIN, Operation.MAX, Operation.AVG, Operation.SUM,
                    Operation.COUNT_TRUE, Operation.COUNT_FALSE)) {
                if (Aggregate.applies(operation, field.kind())) {
                    aggregates.put(Names.aggregate(prefix(operation), valueName), new Aggregate(operation, field));
                }
            }
        }
        return Collections.unmodifiableMap(aggregates);
    }

    /** The aggregates a connection field selects, once each, in selection order; totalCount aside. */
    static Map<String, Aggregate> selected(ObjectType object, DataFetchingFieldSelectionSet selection) {
        Map<String, Aggregate> catalog = null;
        Map<String, Aggregate> selected = new LinkedHashMap<>();
        for (SelectedField field : selection.getImmediateFields()) {
            if (STRUCTURE.contains(field.getName()) || selected.containsKey(field.getName())) {
                continue;
            }
            catalog = catalog == null ? of(object) : catalog;
            Aggregate aggregate = catalog.get(field.getName());
            if (aggregate == null) {
                throw new IllegalStateException("connection field '" + field.getName() + "' of '" + object.nameSingular()
                        + "' is not a known aggregate: the SDL and the runtime disagree");
            }
            selected.put(field.getName(), aggregate);
        }
        return selected;
    }

    private static String prefix(Operation operation) {
        return switch (operation) {
            case COUNT_UNIQUE_VALUES -> "countUniqueValues";
            case COUNT_EMPTY -> "countEmpty";
            case COUNT_NOT_EMPTY -> "countNotEmpty";
            case PERCENTAGE_EMPTY -> "percentageEmpty";
            case PERCENTAGE_NOT_EMPTY -> "percentageNotEmpty";
            case COUNT_TRUE -> "countTrue";
            case COUNT_FALSE -> "countFalse";
            case MIN -> "min";
            case MAX -> "max";
            case AVG -> "avg";
            case SUM -> "sum";
        };
    }
}
