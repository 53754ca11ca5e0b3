package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.db.JdbcQueries;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * One page of related records for every parent of a ONE_TO_MANY relation, in a single statement: the
 * same filter, order, cursor and limit as a list read, applied per parent with window functions.
 *
 * <p>Each parent's matching records are ranked in the walking order and the first {@code limit + 1}
 * kept. With a cursor they are first split into those beyond it and the others, ranked within their
 * part, and one row of the other part is kept as a carrier: every row then also carries how many
 * matching records lie on the other side of the cursor, which gives the page flags without further
 * queries. When the request counts ({@code totalCount} selected), every row also carries its parent's
 * match count. What is not needed is not computed: a nested connection's first page, the common case,
 * ranks its rows and nothing else.
 */
final class RelatedPages {
    private static final String RANKED = "ranked";
    private static final String TOTAL = "__total";
    private static final String BEHIND = "__behind";
    private static final String BEYOND = "__beyond";
    private static final String RANK = "__rank";

    private final DSLContext tx;
    private final String schema;
    private final RecordShaper shaper;

    RelatedPages(DSLContext tx, String schema, Function<String, ObjectType> objects) {
        this.tx = tx;
        this.schema = schema;
        this.shaper = new RecordShaper(tx, schema, objects);
    }

    /**
     * @param children the request on the related object; its page applies to each parent separately
     * @param joinColumn the related object's join column that points at the parent
     */
    Map<UUID, RecordPage> find(FindManyRequest children, Column joinColumn, Collection<UUID> parentIds) {
        Map<UUID, RecordPage> pages = new HashMap<>();
        if (parentIds.isEmpty()) {
            return pages;
        }
        ObjectTable table = new ObjectTable(schema, children.object());
        Keyset keyset = new Keyset(table, children.order());
        Page page = children.page();
        int limit = Math.max(0, Math.min(page.limit(), RecordStore.MAX_PAGE_SIZE));
        boolean backwards = page.before().isPresent();
        Optional<Cursor> cursor = backwards ? page.before() : page.after();
        Condition beyond = cursor.map(c -> keyset.after(c, backwards)).orElse(DSL.trueCondition());

        org.jooq.Field<Object> parent = table.field(joinColumn);
        UUID[] parents = parentIds.toArray(UUID[]::new);
        long rowsPerParent = (long) limit + 1;
        List<Column> columns = new ArrayList<>(table.readColumns(children.projection(), children.order()));
        if (!columns.contains(joinColumn)) {
            columns.add(joinColumn); // the rows are grouped by it
        }
        boolean seeking = cursor.isPresent();
        boolean counting = children.countTotal();
        // Built only when its SQL is not cached, or is not cacheable.
        Supplier<ResultQuery<Record>> statement = () -> {
            org.jooq.Field<UUID[]> parentValues = DSL.val(parents, ColumnValues.UUID_ARRAY);
            org.jooq.Field<Long> rankLimit = DSL.val(rowsPerParent);
            Condition matching = new FilterConditions(table).visible(children.filter())
                    .and(parent.coerce(SQLDataType.UUID).eq(DSL.any(parentValues)));
            List<SelectField<?>> inner = new ArrayList<>(table.selectList(columns));
            if (counting) {
                inner.add(DSL.count().over(DSL.partitionBy(parent)).as(TOTAL));
            }
            if (seeking) {
                inner.add(DSL.count().filterWhere(DSL.not(beyond)).over(DSL.partitionBy(parent)).as(BEHIND));
                inner.add(DSL.field(beyond).as(BEYOND));
            }
            inner.add(DSL.rowNumber().over((seeking ? DSL.partitionBy(parent, DSL.field(beyond)) : DSL.partitionBy(parent))
                    .orderBy(keyset.sortFields(backwards))).as(RANK));
            Table<?> ranked = tx.select(inner).from(table.table()).where(matching).asTable(RANKED);

            List<org.jooq.Field<?>> outer = new ArrayList<>();
            for (Column column : columns) {
                outer.add(DSL.field(DSL.name(RANKED, column.name()), ObjectTable.readType(column)));
            }
            if (counting) {
                outer.add(DSL.field(DSL.name(RANKED, TOTAL), SQLDataType.INTEGER));
            }
            org.jooq.Field<Long> rank = DSL.field(DSL.name(RANKED, RANK), SQLDataType.BIGINT);
            org.jooq.Field<?> parentOut = DSL.field(DSL.name(RANKED, joinColumn.name()), ColumnValues.dataType(joinColumn.type()));
            if (!seeking) {
                return tx.select(outer).from(ranked).where(rank.le(rankLimit)).orderBy(parentOut, rank);
            }
            outer.add(DSL.field(DSL.name(RANKED, BEHIND), SQLDataType.INTEGER));
            org.jooq.Field<Boolean> isBeyond = DSL.field(DSL.name(RANKED, BEYOND), SQLDataType.BOOLEAN);
            outer.add(isBeyond);
            return tx.select(outer)
                    .from(ranked)
                    .where(DSL.condition(isBeyond).and(rank.le(rankLimit))
                            .or(DSL.not(DSL.condition(isBeyond)).and(rank.eq(DSL.inline(1L)))))
                    .orderBy(parentOut, isBeyond, rank);
        };

        Map<UUID, Rows> byParent;
        if (children.filter().isEmpty() && !seeking) {
            // The first page of every parent, unfiltered: what a nested GraphQL query asks. Its text only
            // depends on the columns, the order and whether it counts, so it is rendered once.
            String sql = RenderedStatements.sql(tx, shape(table, columns, joinColumn, children), 2, statement);
            byParent = JdbcQueries.query(tx, sql, List.of(parents, rowsPerParent),
                    rows -> byParent(rows, columns, joinColumn, counting, false));
        } else {
            // jOOQ binds the filter's values (enum casts among them); the rows are read the same way.
            try (ResultSet rows = statement.get().fetchResultSet()) {
                byParent = byParent(rows, columns, joinColumn, counting, seeking);
            } catch (SQLException e) {
                throw new DataAccessException("cannot read related records: " + e.getMessage(), e);
            }
        }
        RecordJson.Layout layout = RecordJson.layout(children.object(), children.projection());
        for (UUID parentId : parentIds) {
            Rows rows = byParent.getOrDefault(parentId, new Rows());
            pages.put(parentId, page(children, layout, keyset, rows, limit, backwards, page.after().isPresent()));
        }
        return pages;
    }

    /**
     * The statement's rows by parent: each row's columns, then its parent's total when counting, and its
     * behind and beyond values when seeking (without a cursor nothing is behind and every row is beyond).
     */
    private static Map<UUID, Rows> byParent(ResultSet rows, List<Column> columns, Column joinColumn, boolean counting,
            boolean seeking) throws SQLException {
        Map<UUID, Rows> byParent = new LinkedHashMap<>();
        int extra = columns.size() + 1;
        RecordRow.Columns positions = RecordRow.Columns.of(columns);
        while (rows.next()) {
            RecordRow row = JdbcRows.row(rows, columns, positions);
            int total = counting ? rows.getInt(extra) : 0;
            int seek = counting ? extra + 1 : extra;
            byParent.computeIfAbsent((UUID) row.get(joinColumn), id -> new Rows())
                    .add(row, total, seeking ? rows.getInt(seek) : 0, !seeking || rows.getBoolean(seek + 1));
        }
        return byParent;
    }

    /** What decides the cached statement's text: the columns, the join column, whether it counts, and the order. */
    private RenderedStatements.Shape shape(ObjectTable table, List<Column> columns, Column joinColumn, FindManyRequest children) {
        List<Object> order = new ArrayList<>();
        order.add(joinColumn);
        order.add(children.countTotal());
        for (OrderItem item : children.order()) {
            order.add(item.path().column());
            order.add(item.direction());
        }
        return new RenderedStatements.Shape("relatedPages", schema, table.object().tableName(), columns, order);
    }

    private RecordPage page(FindManyRequest children, RecordJson.Layout layout, Keyset keyset, Rows rows, int limit,
            boolean backwards, boolean afterCursor) {
        List<RecordRow> records = rows.records;
        boolean more = records.size() > limit;
        if (more) {
            records = new ArrayList<>(records.subList(0, limit));
        }
        if (backwards) {
            records = new ArrayList<>(records);
            Collections.reverse(records);
        }
        boolean hasNextPage = backwards ? rows.behind > 0 : more;
        boolean hasPreviousPage = backwards ? more : afterCursor && rows.behind > 0;
        List<Cursor> cursors = records.stream().map(keyset::cursorOf).toList();
        return new RecordPage(shaper.shapeOnDemand(children.object(), records, children.projection(), layout), cursors, rows.total,
                hasNextPage, hasPreviousPage);
    }

    /** What the statement returned for one parent. */
    private static final class Rows {
        final List<RecordRow> records = new ArrayList<>();
        int total;
        int behind;

        /** One row of the statement: a record beyond the cursor, or the carrier of the other part. */
        void add(RecordRow row, int total, int behind, boolean beyond) {
            this.total = total;
            this.behind = behind;
            if (beyond) {
                records.add(row);
            }
        }
    }
}
