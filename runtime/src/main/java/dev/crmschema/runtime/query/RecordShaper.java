package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Relation;
import dev.crmschema.runtime.request.Projection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Turns read rows into JSON records and, at depth 1, expands their relations. Each expanded relation
 * costs exactly one query for the whole batch of rows ({@code WHERE id = ANY(?)} for MANY_TO_ONE,
 * {@code WHERE <joinColumn> = ANY(?)} for ONE_TO_MANY), never one per record, and all of them go to the
 * database as one statement. Related records are shaped at depth 0 and exclude soft-deleted ones;
 * ONE_TO_MANY arrays hold at most {@link RecordStore#MAX_RELATED_RECORDS} records per parent, ordered by
 * position then id.
 */
final class RecordShaper {
    private static final String RANK = "__relationRank";
    private static final String RANKED = "ranked";

    private final DSLContext tx;
    private final String schema;
    private final Function<String, ObjectType> objects;

    RecordShaper(DSLContext tx, String schema, Function<String, ObjectType> objects) {
        this.tx = tx;
        this.schema = schema;
        this.objects = objects;
    }

    List<ObjectNode> shape(ObjectType object, List<RecordRow> rows, Projection projection) {
        return shapeOnDemand(object, rows, projection, RecordJson.layout(object, projection)).json();
    }

    /**
     * The records of these rows, shaped when and in the form their reader asks for ({@link ShapedRecords}).
     * When the projection expands relations, the related records are read now.
     */
    ShapedRecords shapeOnDemand(ObjectType object, List<RecordRow> rows, Projection projection, RecordJson.Layout layout) {
        if (projection.depth() < 1 || rows.isEmpty()) {
            return ShapedRecords.of(layout, rows);
        }
        List<Map<String, RecordJson.Related>> related = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            related.add(new HashMap<>());
        }
        List<Expansion> expansions = new ArrayList<>();
        for (Field field : object.fields()) {
            // With a fields projection, only the relations it names are expanded.
            if (field.relation().isPresent() && projection.includes(field.name())) {
                expansions.add(field.isManyToOne() ? manyToOne(field, rows) : oneToMany(field, rows));
            }
        }
        expand(expansions, related);
        return ShapedRecords.of(layout, rows, related);
    }

    /**
     * One relation of a depth-1 expansion: the statement that reads its records (null when no row points to
     * any) and how the records it read join the rows.
     */
    private record Expansion(RenderedStatements.Read read, BiConsumer<List<RecordRow>, List<Map<String, RecordJson.Related>>> attach) {}

    /** Reads every relation's records with one statement, then puts them on the rows. */
    private void expand(List<Expansion> expansions, List<Map<String, RecordJson.Related>> related) {
        List<RenderedStatements.Read> reads = expansions.stream().map(Expansion::read).filter(Objects::nonNull).toList();
        Iterator<List<RecordRow>> fetched = RenderedStatements.fetchRows(tx, reads).iterator();
        for (Expansion expansion : expansions) {
            expansion.attach().accept(expansion.read() == null ? List.of() : fetched.next(), related);
        }
    }

    private Expansion manyToOne(Field field, List<RecordRow> rows) {
        Column join = field.joinColumn().orElseThrow();
        ObjectType target = objects.apply(field.relation().orElseThrow().targetObject());
        ObjectTable table = new ObjectTable(schema, target);
        Set<UUID> ids = new LinkedHashSet<>();
        for (RecordRow row : rows) {
            if (row.get(join) != null) {
                ids.add((UUID) row.get(join));
            }
        }
        RenderedStatements.Read read = null;
        List<Column> columns = table.selectedColumns(Projection.DEFAULT);
        if (!ids.isEmpty()) {
            org.jooq.Field<UUID[]> idValues = uuidArray(ids);
            String sql = RenderedStatements.sql(tx, shape("relatedByIds", target, columns, List.of()), 1,
                    () -> tx.select(table.selectList(columns))
                            .from(table.table())
                            .where(table.id().coerce(SQLDataType.UUID).eq(DSL.any(idValues)))
                            .and(table.live()));
            read = new RenderedStatements.Read(sql, columns, idValues);
        }
        return new Expansion(read, (fetched, related) -> {
            RecordJson.Layout layout = RecordJson.layout(target, Projection.DEFAULT);
            Map<UUID, RecordRow> byId = new HashMap<>();
            fetched.forEach(row -> byId.put(row.id(), row));
            for (int i = 0; i < rows.size(); i++) {
                related.get(i).put(field.name(), new RecordJson.Related.One(layout, byId.get((UUID) rows.get(i).get(join))));
            }
        });
    }

    private Expansion oneToMany(Field field, List<RecordRow> rows) {
        Relation relation = field.relation().orElseThrow();
        ObjectType target = objects.apply(relation.targetObject());
        Column join = target.field(relation.inverseField()).flatMap(Field::joinColumn).orElseThrow(
                () -> new IllegalStateException("relation " + field.name() + " has no join column on " + target.nameSingular()));
        ObjectTable table = new ObjectTable(schema, target);
        Set<UUID> parentIds = new LinkedHashSet<>();
        rows.forEach(row -> parentIds.add(row.id()));

        List<Column> columns = table.selectedColumns(Projection.DEFAULT);
        org.jooq.Field<UUID[]> parentValues = uuidArray(parentIds);
        org.jooq.Field<Integer> cap = DSL.val(RecordStore.MAX_RELATED_RECORDS);
        String sql = RenderedStatements.sql(tx, shape("children", target, columns, List.of(join)), 2, () -> {
            List<org.jooq.SelectField<?>> inner = new ArrayList<>(table.selectList(columns));
            inner.add(DSL.rowNumber().over(DSL.partitionBy(table.field(join)).orderBy(childOrder(target, table))).as(RANK));
            // Ranking inside the query caps every parent's children in the same single statement.
            Table<?> ranked = tx.select(inner)
                    .from(table.table())
                    .where(table.field(join).coerce(SQLDataType.UUID).eq(DSL.any(parentValues)))
                    .and(table.live())
                    .asTable(RANKED);
            org.jooq.Field<Integer> rank = DSL.field(DSL.name(RANKED, RANK), SQLDataType.INTEGER);
            List<org.jooq.Field<?>> outer = new ArrayList<>();
            for (Column column : columns) {
                outer.add(DSL.field(DSL.name(RANKED, column.name()), ObjectTable.readType(column)));
            }
            return tx.select(outer).from(ranked).where(rank.le(cap)).orderBy(DSL.field(DSL.name(RANKED, join.name())), rank);
        });
        return new Expansion(new RenderedStatements.Read(sql, columns, parentValues, cap), (fetched, related) -> {
            RecordJson.Layout layout = RecordJson.layout(target, Projection.DEFAULT);
            Map<UUID, List<RecordRow>> byParent = new HashMap<>();
            for (RecordRow child : fetched) {
                byParent.computeIfAbsent((UUID) child.get(join), id -> new ArrayList<>()).add(child);
            }
            for (int i = 0; i < rows.size(); i++) {
                List<RecordRow> children = byParent.getOrDefault(rows.get(i).id(), List.of());
                related.get(i).put(field.name(), new RecordJson.Related.Many(layout, children));
            }
        });
    }

    private RenderedStatements.Shape shape(String kind, ObjectType target, List<Column> columns, List<Object> order) {
        return new RenderedStatements.Shape(kind, schema, target.tableName(), columns, order);
    }

    private static List<SortField<?>> childOrder(ObjectType target, ObjectTable table) {
        List<SortField<?>> order = new ArrayList<>();
        if (target.field("position").isPresent()) {
            order.add(table.field("position").asc().nullsLast());
        }
        order.add(table.id().asc());
        return order;
    }

    private static org.jooq.Field<UUID[]> uuidArray(Set<UUID> ids) {
        return DSL.val(ids.toArray(UUID[]::new), ColumnValues.UUID_ARRAY);
    }
}
