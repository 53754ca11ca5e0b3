package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.FieldPath;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.MergeRequest;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordBodyParser;
import dev.crmschema.runtime.request.RecordWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Merges records inside one transaction: the priority record keeps its id and takes what it lacks from
 * the others ({@link MergedValues}); every record of any object that points at a merged-away record
 * through a MANY_TO_ONE relation is moved to the priority record; the merged-away records are
 * soft-deleted, so they answer 404 afterwards (reference contract, section 1.8). They are soft-deleted
 * before the priority record is updated: unique indexes cover live records only, so the priority record
 * can take over a unique value.
 */
final class RecordMerge {
    private final DSLContext tx;
    private final String schema;
    private final Function<String, ObjectType> objects;

    RecordMerge(DSLContext tx, String schema, Function<String, ObjectType> objects) {
        this.tx = tx;
        this.schema = schema;
        this.objects = objects;
    }

    /** The merged priority record; 404 when any id is absent or soft-deleted. */
    ObjectNode merge(ObjectType object, MergeRequest request, Projection projection) {
        Map<UUID, ObjectNode> byId = new HashMap<>();
        for (ObjectNode record : new RecordReads(tx, schema, objects).findByIds(object, request.ids(), Projection.DEFAULT).json()) {
            byId.put(UUID.fromString(record.get("id").asText()), record);
        }
        if (byId.size() != request.ids().size()) {
            throw ApiException.recordNotFound();
        }
        List<ObjectNode> others = new ArrayList<>();
        request.mergedAwayIds().forEach(id -> others.add(byId.get(id)));
        ObjectNode update = MergedValues.of(object, byId.get(request.priorityId()), others);

        for (Field field : object.fields()) {
            if (field.isOneToMany()) {
                moveRelated(field, request);
            }
        }
        RecordWrites writes = new RecordWrites(tx, schema, objects);
        FieldPath id = FieldPath.of(object.field(ObjectTable.ID).orElseThrow());
        writes.deleteMany(object, new Filter.Condition(id, Comparator.IN, List.copyOf(request.mergedAwayIds())), Projection.DEFAULT);
        RecordWrite values = new RecordBodyParser(RecordStore.MAX_RECORDS_PER_MUTATION).parseUpdate(object, update);
        return writes.updateOne(object, request.priorityId(), values, projection);
    }

    /** Points the inverse MANY_TO_ONE join column of a ONE_TO_MANY relation at the priority record. */
    private void moveRelated(Field oneToMany, MergeRequest request) {
        ObjectType target = objects.apply(oneToMany.relation().orElseThrow().targetObject());
        Optional<Column> join = target.field(oneToMany.relation().orElseThrow().inverseField()).flatMap(Field::joinColumn);
        if (join.isEmpty()) {
            return;
        }
        ObjectTable table = new ObjectTable(schema, target);
        org.jooq.Field<Object> column = table.field(join.get());
        Map<org.jooq.Field<?>, Object> pointAtPriority = Map.of(column, table.value(join.get(), request.priorityId()));
        tx.update(table.table())
                .set(pointAtPriority)
                .where(column.coerce(SQLDataType.UUID).eq(DSL.any(DSL.val(request.mergedAwayIds().toArray(UUID[]::new),
                        ColumnValues.UUID_ARRAY))))
                .execute();
    }
}
