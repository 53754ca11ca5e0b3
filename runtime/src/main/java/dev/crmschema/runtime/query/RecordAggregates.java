package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Computes aggregates in one statement: over every record a filter matches, or per parent over the
 * related records of a ONE_TO_MANY relation ({@code GROUP BY} the join column). The soft-delete rule
 * of reads applies.
 */
final class RecordAggregates {
    private final DSLContext tx;
    private final String schema;

    RecordAggregates(DSLContext tx, String schema) {
        this.tx = tx;
        this.schema = schema;
    }

    Map<Aggregate, Object> over(ObjectType object, Optional<Filter> filter, List<Aggregate> aggregates) {
        if (aggregates.isEmpty()) {
            return Map.of();
        }
        ObjectTable table = new ObjectTable(schema, object);
        AggregateFields fields = new AggregateFields(table);
        Record record = tx.select(expressions(fields, aggregates))
                .from(table.table())
                .where(new FilterConditions(table).visible(filter))
                .fetchOne();
        return values(aggregates, record, 0);
    }

    /** Aggregates per parent id; a parent without matching related records gets the values over none. */
    Map<UUID, Map<Aggregate, Object>> perParent(ObjectType object, Column joinColumn, Collection<UUID> parentIds,
            Optional<Filter> filter, List<Aggregate> aggregates) {
        Map<UUID, Map<Aggregate, Object>> byParent = new HashMap<>();
        if (aggregates.isEmpty() || parentIds.isEmpty()) {
            return byParent;
        }
        ObjectTable table = new ObjectTable(schema, object);
        org.jooq.Field<UUID> parent = table.field(joinColumn).coerce(SQLDataType.UUID);
        Condition ofParents = parent.eq(DSL.any(DSL.val(parentIds.toArray(UUID[]::new), ColumnValues.UUID_ARRAY)));
        List<SelectField<?>> select = new ArrayList<>();
        select.add(parent);
        select.addAll(expressions(new AggregateFields(table), aggregates));
        for (Record record : tx.select(select)
                .from(table.table())
                .where(new FilterConditions(table).visible(filter).and(ofParents))
                .groupBy(parent)
                .fetch()) {
            byParent.put(record.get(0, UUID.class), values(aggregates, record, 1));
        }
        for (UUID parentId : parentIds) {
            byParent.computeIfAbsent(parentId, id -> overNothing(aggregates));
        }
        return byParent;
    }

    /** What the aggregates are over no records: counts are 0, everything else is null. */
    private static Map<Aggregate, Object> overNothing(List<Aggregate> aggregates) {
        Map<Aggregate, Object> values = new LinkedHashMap<>();
        for (Aggregate aggregate : aggregates) {
            values.put(aggregate, switch (aggregate.operation()) {
                case COUNT_UNIQUE_VALUES, COUNT_EMPTY, COUNT_NOT_EMPTY, COUNT_TRUE, COUNT_FALSE -> 0;
                default -> null;
            });
        }
        return Collections.unmodifiableMap(values);
    }

    private static List<SelectField<?>> expressions(AggregateFields fields, List<Aggregate> aggregates) {
        List<SelectField<?>> select = new ArrayList<>();
        for (Aggregate aggregate : aggregates) {
            select.add(fields.expression(aggregate));
        }
        return select;
    }

    private static Map<Aggregate, Object> values(List<Aggregate> aggregates, Record record, int offset) {
        // Values may be null (the minimum of no values), so no Map.copyOf.
        Map<Aggregate, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < aggregates.size(); i++) {
            values.put(aggregates.get(i), AggregateFields.value(aggregates.get(i), record.get(offset + i)));
        }
        return Collections.unmodifiableMap(values);
    }
}
