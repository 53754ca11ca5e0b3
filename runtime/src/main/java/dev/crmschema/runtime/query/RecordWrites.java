package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStepN;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Write operations, each inside one transaction or as one statement. Every write returns the written
 * rows (RETURNING) shaped like reads. Bulk writes first lock at most
 * {@link RecordStore#MAX_RECORDS_PER_MUTATION} + 1 target ids and refuse the whole operation when there
 * are more, so nothing changes in that case.
 */
final class RecordWrites {
    private final DSLContext tx;
    private final String schema;
    private final RecordShaper shaper;

    RecordWrites(DSLContext tx, String schema, Function<String, ObjectType> objects) {
        this.tx = tx;
        this.schema = schema;
        this.shaper = new RecordShaper(tx, schema, objects);
    }

    /** Inserts the records with one statement (so it needs no transaction), then shapes them. */
    List<ObjectNode> create(ObjectType object, List<RecordWrite> writes, Actor actor, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        List<Column> columns = object.columns();
        List<Map<Column, Object>> rows = new ArrayList<>();
        for (RecordWrite write : writes) {
            rows.add(withActor(object, values(object, columns, write), actor));
        }
        return shaper.shape(object, insert(table, rows, projection), projection);
    }

    /**
     * Matches each input, in order, on {@code id} and on every unique column (the primary sub-column for
     * composites). One matching record is updated, none means insert, several different ones is a
     * conflict. Unique columns match live records only, as unique indexes ignore soft-deleted rows; an id
     * matches any record, since ids stay taken, and a soft-deleted record matched by id is restored.
     */
    List<ObjectNode> upsert(ObjectType object, List<RecordWrite> writes, Actor actor, Projection projection) {
        if (writes.size() > RecordStore.MAX_RECORDS_PER_MUTATION) {
            throw ApiException.badRequest(
                    "Maximum number of records to upsert is " + RecordStore.MAX_RECORDS_PER_MUTATION + ".", "UPSERT_MAX_RECORDS_EXCEEDED");
        }
        ObjectTable table = new ObjectTable(schema, object);
        List<RecordRow> rows = new ArrayList<>();
        for (RecordWrite write : writes) {
            Map<Column, Object> values = values(table, write);
            Set<UUID> matches = matches(table, values);
            if (matches.size() > 1) {
                throw ApiException.badRequest(
                        "Several existing records match one upserted record on its id or unique fields",
                        "UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT");
            } else if (matches.size() == 1) {
                Map<org.jooq.Field<?>, org.jooq.Field<?>> set = assignments(table, values);
                if (!values.containsKey(table.column(ObjectTable.DELETED_AT))) {
                    set.put(table.field(ObjectTable.DELETED_AT), DSL.inline(null, SQLDataType.TIMESTAMPWITHTIMEZONE));
                }
                rows.addAll(update(table, set, byId(table, matches.iterator().next()), projection));
            } else {
                rows.addAll(insert(table, List.of(withActor(object, values, actor)), projection));
            }
        }
        return shaper.shape(object, rows, projection);
    }

    /** Updates a live record; {@code updatedAt} becomes now. 404 when absent or soft-deleted. */
    ObjectNode updateOne(ObjectType object, UUID id, RecordWrite write, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        return one(object, update(table, assignments(table, values(table, write)), byId(table, id).and(table.live()), projection),
                projection);
    }

    /** Updates every record the filter matches (soft-delete rule applies); at most 200. */
    List<ObjectNode> updateMany(ObjectType object, Filter filter, RecordWrite write, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        List<UUID> ids = targets(table, new FilterConditions(table).visible(java.util.Optional.of(filter)), "update");
        return many(object, table, ids, assignments(table, values(table, write)), projection);
    }

    /** Soft-deletes a live record (sets {@code deletedAt}). 404 when absent or already deleted. */
    ObjectNode deleteOne(ObjectType object, UUID id, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        return one(object, update(table, deletedAt(table, DSL.currentOffsetDateTime()), byId(table, id).and(table.live()), projection),
                projection);
    }

    /** Soft-deletes the live records the filter matches; at most 200. */
    List<ObjectNode> deleteMany(ObjectType object, Filter filter, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        List<UUID> ids = targets(table, new FilterConditions(table).of(filter).and(table.live()), "delete");
        return many(object, table, ids, deletedAt(table, DSL.currentOffsetDateTime()), projection);
    }

    /** Removes a record for good, soft-deleted or not. 404 when absent. */
    ObjectNode destroyOne(ObjectType object, UUID id, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        return one(object, delete(table, byId(table, id), projection), projection);
    }

    /**
     * Removes the records the filter matches for good; at most 200. Destroying is how the trash is
     * emptied, so soft-deleted records match without the filter naming {@code deletedAt}.
     */
    List<ObjectNode> destroyMany(ObjectType object, Filter filter, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        List<UUID> ids = targets(table, new FilterConditions(table).of(filter), "destroy");
        if (ids.isEmpty()) {
            return List.of();
        }
        return shaper.shape(object, inOrder(ids, delete(table, anyId(table, ids), projection)), projection);
    }

    /** Clears {@code deletedAt} of a record. 404 when absent. */
    ObjectNode restoreOne(ObjectType object, UUID id, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        return one(object, update(table, deletedAt(table, null), byId(table, id), projection), projection);
    }

    /** Restores the soft-deleted records the filter matches; at most 200. */
    List<ObjectNode> restoreMany(ObjectType object, Filter filter, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        Condition deleted = table.field(ObjectTable.DELETED_AT).isNotNull();
        List<UUID> ids = targets(table, new FilterConditions(table).of(filter).and(deleted), "restore");
        return many(object, table, ids, deletedAt(table, null), projection);
    }

    // building blocks

    /** The input's values in the object's column order (so generated SQL never depends on map order). */
    private static Map<Column, Object> values(ObjectTable table, RecordWrite write) {
        return values(table.object(), table.object().columns(), write);
    }

    /** The same, with {@code object.columns()} given, so that a batch builds that list once. */
    private static Map<Column, Object> values(ObjectType object, List<Column> columns, RecordWrite write) {
        Map<Column, Object> values = new LinkedHashMap<>();
        for (Column column : columns) {
            if (write.values().containsKey(column)) {
                values.put(column, write.values().get(column));
            }
        }
        if (values.size() != write.values().size()) {
            throw new IllegalArgumentException("write has columns that object '" + object.nameSingular() + "' does not have");
        }
        return values;
    }

    /** Fills the {@code createdBy} sub-fields the input leaves out from the writing actor. */
    private static Map<Column, Object> withActor(ObjectType object, Map<Column, Object> values, Actor actor) {
        Map<Column, Object> filled = new LinkedHashMap<>(values);
        object.field("createdBy").filter(field -> field.kind() == FieldKind.ACTOR).ifPresent(createdBy -> {
            for (Column column : createdBy.columns()) {
                Object value = switch (column.property().orElseThrow()) {
                    case "source" -> actor.source();
                    case "workspaceMemberId" -> actor.workspaceMemberId().orElse(null);
                    case "name" -> actor.name();
                    default -> JSONB.valueOf("{}");
                };
                filled.putIfAbsent(column, value);
            }
        });
        return filled;
    }

    /** SET clause of an update: the input's columns (never the id) and {@code updatedAt = now()}. */
    private static Map<org.jooq.Field<?>, org.jooq.Field<?>> assignments(ObjectTable table, Map<Column, Object> values) {
        Map<org.jooq.Field<?>, org.jooq.Field<?>> set = new LinkedHashMap<>();
        values.forEach((column, value) -> {
            if (!column.name().equals(ObjectTable.ID) && !column.name().equals(ObjectTable.UPDATED_AT)) {
                set.put(table.field(column), table.value(column, value));
            }
        });
        if (table.object().field(ObjectTable.UPDATED_AT).isPresent()) {
            set.put(table.field(ObjectTable.UPDATED_AT), DSL.currentOffsetDateTime());
        }
        return set;
    }

    private static Map<org.jooq.Field<?>, org.jooq.Field<?>> deletedAt(ObjectTable table, org.jooq.Field<?> value) {
        Map<org.jooq.Field<?>, org.jooq.Field<?>> set = new LinkedHashMap<>();
        set.put(table.field(ObjectTable.DELETED_AT), value == null ? DSL.inline(null, SQLDataType.TIMESTAMPWITHTIMEZONE) : value);
        return set;
    }

    private List<RecordRow> insert(ObjectTable table, List<Map<Column, Object>> rows, Projection projection) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Column> read = table.selectedColumns(projection);
        // The columns any row sets, in model order: one pass over the rows, not one per column (a batch of 60
        // records that set one field each asked 60 rows about each of some 40 columns).
        Set<Column> setByAnyRow = new HashSet<>();
        rows.forEach(row -> setByAnyRow.addAll(row.keySet()));
        List<Column> columns = new ArrayList<>(setByAnyRow.size());
        for (Column column : table.object().columns()) {
            if (setByAnyRow.contains(column)) {
                columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            // Rows that set nothing: still one statement, every row's id set to its default.
            columns.add(table.column(ObjectTable.ID));
        }
        if (rows.stream().allMatch(row -> row.keySet().containsAll(columns))) {
            return insertRendered(table, rows, columns, read);
        }
        // PostgreSQL returns the rows of a multi-row VALUES insert in input order.
        return insertValues(table, rows, columns).returningResult(table.selectList(read)).fetch().map(ObjectTable.reader(read)::apply);
    }

    /**
     * The usual insert, where every row sets the same columns: its SQL is rendered once per shape (table,
     * columns, number of rows, columns returned) and then run with plain JDBC. jOOQ renders a value's
     * bind marker after its column's type alone (a null gets the same cast as any other value), so the
     * text fits every row of the shape.
     */
    private List<RecordRow> insertRendered(ObjectTable table, List<Map<Column, Object>> rows, List<Column> columns, List<Column> read) {
        List<Object> values = new ArrayList<>(rows.size() * columns.size());
        for (Map<Column, Object> row : rows) {
            for (Column column : columns) {
                values.add(ColumnValues.toJava(column, row.get(column)));
            }
        }
        RenderedStatements.Shape shape = new RenderedStatements.Shape("insert", schema, table.object().tableName(), read,
                List.of(columns, rows.size()));
        String sql = RenderedStatements.sql(tx, shape, values.size(),
                () -> insertValues(table, rows, columns).returningResult(table.selectList(read)));
        return RenderedStatements.fetchRows(tx, sql, read, values);
    }

    private InsertValuesStepN<Record> insertValues(ObjectTable table, List<Map<Column, Object>> rows, List<Column> columns) {
        InsertValuesStepN<Record> insert = tx.insertInto(table.table(), columns.stream().map(table::field).toList());
        for (Map<Column, Object> row : rows) {
            // Columns one input lacks take their database default, so one statement serves the batch.
            insert = insert.values(columns.stream()
                    .map(c -> row.containsKey(c) ? table.value(c, row.get(c)) : DSL.defaultValue(table.field(c)))
                    .toList());
        }
        return insert;
    }

    private List<RecordRow> update(ObjectTable table, Map<org.jooq.Field<?>, org.jooq.Field<?>> set, Condition where, Projection projection) {
        List<Column> read = table.selectedColumns(projection);
        return tx.update(table.table()).set(set).where(where).returningResult(table.selectList(read)).fetch()
                .map(ObjectTable.reader(read)::apply);
    }

    private List<RecordRow> delete(ObjectTable table, Condition where, Projection projection) {
        List<Column> read = table.selectedColumns(projection);
        return tx.deleteFrom(table.table()).where(where).returningResult(table.selectList(read)).fetch()
                .map(ObjectTable.reader(read)::apply);
    }

    /**
     * Locks the ids a bulk operation will touch, in id order, refusing the operation when more than the
     * limit match (checked before anything is written).
     */
    private List<UUID> targets(ObjectTable table, Condition where, String verb) {
        List<UUID> ids = tx.select(table.id().coerce(SQLDataType.UUID))
                .from(table.table())
                .where(where)
                .orderBy(table.id())
                .limit(RecordStore.MAX_RECORDS_PER_MUTATION + 1)
                .forUpdate()
                .fetch(0, UUID.class);
        if (ids.size() > RecordStore.MAX_RECORDS_PER_MUTATION) {
            throw ApiException.badRequest(
                    "Cannot " + verb + " more than " + RecordStore.MAX_RECORDS_PER_MUTATION + " records at once", "TOO_MANY_RECORDS_TO_UPDATE");
        }
        return ids;
    }

    private List<ObjectNode> many(ObjectType object, ObjectTable table, List<UUID> ids, Map<org.jooq.Field<?>, org.jooq.Field<?>> set,
            Projection projection) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return shaper.shape(object, inOrder(ids, update(table, set, anyId(table, ids), projection)), projection);
    }

    private ObjectNode one(ObjectType object, List<RecordRow> rows, Projection projection) {
        if (rows.isEmpty()) {
            throw ApiException.recordNotFound();
        }
        return shaper.shape(object, rows, projection).get(0);
    }

    private Set<UUID> matches(ObjectTable table, Map<Column, Object> values) {
        List<Condition> matchers = new ArrayList<>();
        for (Column column : conflictColumns(table.object())) {
            Object value = values.get(column);
            // Empty text is the contract's null-equivalent and identifies nothing.
            if (value != null && !"".equals(value)) {
                Condition equal = table.field(column).eq(table.value(column, value));
                matchers.add(column.name().equals(ObjectTable.ID) ? equal : equal.and(table.live()));
            }
        }
        if (matchers.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(tx.select(table.id().coerce(SQLDataType.UUID))
                .from(table.table())
                .where(DSL.or(matchers))
                .orderBy(table.id())
                .fetch(0, UUID.class));
    }

    /** Columns that identify a record for upsert: id, then each unique field's column (composites: the primary one). */
    static List<Column> conflictColumns(ObjectType object) {
        List<Column> columns = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.name().equals(ObjectTable.ID) || (field.isUnique() && !field.columns().isEmpty())) {
                columns.add(field.columns().get(0));
            }
        }
        return columns;
    }

    private static Condition byId(ObjectTable table, UUID id) {
        return table.id().eq(table.value(table.column(ObjectTable.ID), id));
    }

    private static Condition anyId(ObjectTable table, List<UUID> ids) {
        return table.id().coerce(SQLDataType.UUID).eq(DSL.any(DSL.val(ids.toArray(UUID[]::new), ColumnValues.UUID_ARRAY)));
    }

    /** RETURNING has no order; results follow the locked id order instead. */
    private static List<RecordRow> inOrder(List<UUID> ids, List<RecordRow> rows) {
        Map<UUID, RecordRow> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }
}
