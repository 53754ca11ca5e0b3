package dev.crmschema.runtime.query;

import dev.crmschema.compiler.diag.DidYouMean;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.query.Aggregate.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregates of an object by their API name (reference contract, section 2.6):
 * {@code countEmptyName}, {@code sumAnnualRecurringRevenueAmountMicros}..., named with the compiler's
 * {@link Names#aggregate} like the SDL's connection fields. GraphQL connections and the REST
 * {@code aggregate} parameter of group-by both read names through it.
 */
public final class AggregateNames {
    /** The count of matching records; not an {@link Aggregate}, every read computes it. */
    public static final String TOTAL_COUNT = "totalCount";
    private static final String AMOUNT_MICROS = "amountMicros";

    private AggregateNames() {}

    /** Every aggregate of the object, totalCount aside, in field order. */
    public static Map<String, Aggregate> of(ObjectType object) {
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

    /**
     * The aggregates named, in the order given, each once; {@value #TOTAL_COUNT} is accepted and left
     * out (every group has it). An unknown name is refused with a suggestion.
     */
    public static Map<String, Aggregate> resolve(ObjectType object, List<String> names, String prefix, String code) {
        Map<String, Aggregate> catalog = of(object);
        Map<String, Aggregate> resolved = new LinkedHashMap<>();
        for (String name : names) {
            if (name.equals(TOTAL_COUNT)) {
                continue;
            }
            Aggregate aggregate = catalog.get(name);
            if (aggregate == null) {
                throw ApiException.badRequest(prefix + "'" + name + "' is not an aggregate of '" + object.nameSingular() + "'"
                        + DidYouMean.hint(name, new ArrayList<>(catalog.keySet())).map(h -> ", " + h).orElse(""), code);
            }
            resolved.put(name, aggregate);
        }
        return Collections.unmodifiableMap(resolved);
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
