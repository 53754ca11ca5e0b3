package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.db.JdbcQueries;
import dev.crmschema.runtime.db.QueryBatch;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Page;
import dev.crmschema.runtime.request.Projection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Read operations: paginated lists and single records. */
final class RecordReads {
    private final DSLContext tx;
    private final String schema;
    private final RecordShaper shaper;
    private final RecordCounts counts;

    RecordReads(DSLContext tx, String schema, Function<String, ObjectType> objects) {
        this(tx, schema, objects, RecordCounts.NONE);
    }

    /** Reads whose {@code totalCount}s come from {@code counts}. */
    RecordReads(DSLContext tx, String schema, Function<String, ObjectType> objects, RecordCounts counts) {
        this.tx = tx;
        this.schema = schema;
        this.shaper = new RecordShaper(tx, schema, objects);
        this.counts = counts;
    }

    /**
     * One page in keyset order. Forward pages read {@code limit + 1} rows after the cursor to learn
     * whether a next page exists; {@code before} pages read the last {@code limit + 1} rows before their
     * cursor by walking the order backwards, then restore the requested order. The side a page was not
     * read towards is checked with one EXISTS query, and only when there is a cursor on that side. The
     * page, that check and the table's version for a kept count ({@link RecordCounts}) go to PostgreSQL
     * as one statement ({@link QueryBatch}): in one round trip, or in two when the page binds text, such as a
     * filter's value (the check and the version then wait for its rows); a count that is not kept takes another.
     */
    RecordPage findMany(FindManyRequest request) {
        ObjectTable table = new ObjectTable(schema, request.object());
        Keyset keyset = new Keyset(table, request.order());
        Page page = request.page();
        int limit = Math.max(0, Math.min(page.limit(), RecordStore.MAX_PAGE_SIZE));
        boolean backwards = page.before().isPresent();

        List<Column> columns = table.readColumns(request.projection(), request.order());
        boolean noCursor = page.after().isEmpty() && page.before().isEmpty();
        boolean firstPage = request.filter().isEmpty() && noCursor;
        // A filter of just "id = X" matches at most one row: the cached read by id finds it, and counts it.
        Optional<UUID> onlyId = noCursor ? request.filter().flatMap(RecordReads::onlyId) : Optional.empty();
        // The cached statements (by id, first page) need no condition, unless their SQL is rendered now.
        Condition matching = onlyId.isPresent() || firstPage ? null : new FilterConditions(table).visible(request.filter());
        Condition seeking = matching == null ? null : seek(matching, keyset, page);
        // Names the SQL text of the filtered statements below (page, EXISTS, count).
        String filterKey = matching == null ? null : FilterConditions.textKey(request.filter());
        // Built only when its SQL is not cached yet. The limit is written into the text, not bound: with a bound
        // LIMIT, PostgreSQL plans the statement anew on every run (its generic plan assumes a tenth of the
        // table), which was a sixth of its CPU on a depth-1 list. It is a number the server clamped, and part of
        // the statement's shape.
        Supplier<ResultQuery<Record>> pageQuery = () -> tx.select(table.selectList(columns))
                .from(table.table())
                .where(seeking != null ? seeking : seek(new FilterConditions(table).visible(request.filter()), keyset, page))
                .orderBy(keyset.sortFields(backwards))
                .limit(DSL.inline(limit + 1));
        RenderedStatements.Read pageRead = onlyId.isPresent() ? byId(table, columns, onlyId.get())
                : firstPage
                ? new RenderedStatements.Read(RenderedStatements.sql(tx, shape("firstPage", table, columns,
                        withLimit(orderKey(request), limit)), 0, pageQuery), columns)
                : filteredPage(table, columns, request, filterKey, seeking, limit, pageQuery);
        QueryBatch batch = new QueryBatch();
        QueryBatch.Result<List<RecordRow>> pageRows = batch.add(pageRead.query());
        // Backwards, the check is for a next page; forwards, for a previous one, which only a cursor can have.
        Optional<QueryBatch.Result<Boolean>> beyondCursor = (backwards ? page.before() : page.after())
                .map(cursor -> batch.add(existsFrom(table, matching, filterKey, keyset, request, cursor, !backwards)));
        boolean counting = request.countTotal() && onlyId.isEmpty();
        Optional<QueryBatch.Result<Long>> version = counting && counts.keepsCounts()
                ? Optional.of(batch.add(RecordCounts.version(schema, request.object().tableName()))) : Optional.empty();
        batch.run(tx);

        List<RecordRow> rows = pageRows.get();
        int matchedById = rows.size();
        boolean more = rows.size() > limit;
        if (more) {
            rows = new ArrayList<>(rows.subList(0, limit));
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean cursorSideExists = beyondCursor.map(QueryBatch.Result::get).orElse(false);
        boolean hasNextPage = backwards ? cursorSideExists : more;
        boolean hasPreviousPage = backwards ? more : cursorSideExists;
        long tableVersion = version.map(QueryBatch.Result::get).orElse(0L);
        int totalCount = !request.countTotal() ? 0
                : onlyId.isPresent() ? matchedById
                : request.filter().isEmpty() ? countLive(table, tableVersion)
                : countMatching(table, matching, filterKey, tableVersion);

        List<Cursor> cursors = rows.stream().map(keyset::cursorOf).toList();
        RecordJson.Layout layout = RecordJson.layout(request.object(), request.projection());
        return new RecordPage(shaper.shapeOnDemand(request.object(), rows, request.projection(), layout), cursors, totalCount,
                hasNextPage, hasPreviousPage);
    }

    /** The matching records beyond the page's cursors. */
    private static Condition seek(Condition matching, Keyset keyset, Page page) {
        Condition seek = matching;
        if (page.after().isPresent()) {
            seek = seek.and(keyset.after(page.after().get(), false));
        }
        if (page.before().isPresent()) {
            seek = seek.and(keyset.after(page.before().get(), true));
        }
        return seek;
    }

    /** A live record by id, or 404. */
    ObjectNode findOne(ObjectType object, UUID id, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        List<RecordRow> rows = JdbcQueries.query(tx, byId(table, table.readColumns(projection, List.of()), id).query());
        if (rows.isEmpty()) {
            throw ApiException.recordNotFound();
        }
        return shaper.shape(object, rows, projection).get(0);
    }

    /** The statement that reads the live row with this id, if any. */
    private RenderedStatements.Read byId(ObjectTable table, List<Column> columns, UUID id) {
        Field<Object> idValue = table.value(table.column(ObjectTable.ID), id);
        String sql = RenderedStatements.sql(tx, shape("byId", table, columns, List.of()), 1,
                () -> tx.select(table.selectList(columns)).from(table.table()).where(table.id().eq(idValue).and(table.live())));
        return new RenderedStatements.Read(sql, columns, idValue);
    }

    /** The id of a filter that is one {@code id = X} comparison, alone or as the only item of an "and". */
    private static Optional<UUID> onlyId(Filter filter) {
        if (filter instanceof Filter.And and && and.items().size() == 1) {
            return onlyId(and.items().get(0));
        }
        if (filter instanceof Filter.Condition condition && condition.comparator() == Comparator.EQ
                && condition.path().property().isEmpty() && condition.path().field().name().equals(ObjectTable.ID)
                && condition.value() instanceof UUID id) {
            return Optional.of(id);
        }
        return Optional.empty();
    }

    /** Live records by id, unordered. */
    ShapedRecords findByIds(ObjectType object, Collection<UUID> ids, Projection projection) {
        if (ids.isEmpty()) {
            return ShapedRecords.of(List.of());
        }
        ObjectTable table = new ObjectTable(schema, object);
        List<Column> columns = table.readColumns(projection, List.of());
        Field<UUID[]> idValues = DSL.val(ids.toArray(UUID[]::new), ColumnValues.UUID_ARRAY);
        String sql = RenderedStatements.sql(tx, shape("byIds", table, columns, List.of()), 1,
                () -> tx.select(table.selectList(columns)).from(table.table())
                        .where(table.id().coerce(SQLDataType.UUID).eq(DSL.any(idValues)).and(table.live())));
        List<RecordRow> rows = RenderedStatements.fetchRows(tx, sql, columns, idValues);
        return shaper.shapeOnDemand(object, rows, projection, RecordJson.layout(object, projection));
    }

    /** Rows matching a condition, unordered. */
    List<RecordRow> select(ObjectTable table, Condition condition, Projection projection) {
        List<Column> columns = table.selectedColumns(projection);
        return read(table, columns, tx.select(table.selectList(columns)).from(table.table()).where(condition));
    }

    private static List<RecordRow> read(ObjectTable table, List<Column> columns, ResultQuery<? extends Record> query) {
        return query.fetch().map(ObjectTable.reader(columns)::apply);
    }

    /** The live records of an object, counted with the SQL of a {@link RenderedStatements} shape, or kept. */
    private int countLive(ObjectTable table, long version) {
        Condition live = new FilterConditions(table).visible(Optional.empty());
        String sql = RenderedStatements.sql(tx, shape("count", table, List.of(), List.of()), 0,
                () -> tx.selectCount().from(table.table()).where(live));
        return counts.count(tx, schema, table.object().tableName(), sql, List.of(), version);
    }

    /** {@code key} with a page's limit added: the page statements write it into their text. */
    private static List<Object> withLimit(List<Object> key, int limit) {
        key.add(limit);
        return key;
    }

    /** The request's order columns and directions, alternating (a new, modifiable list). */
    private static List<Object> orderKey(FindManyRequest request) {
        List<Object> order = new ArrayList<>();
        for (OrderItem item : request.order()) {
            order.add(item.path().column());
            order.add(item.direction());
        }
        return order;
    }

    private RenderedStatements.Shape shape(String kind, ObjectTable table, List<Column> columns, List<Object> order) {
        return new RenderedStatements.Shape(kind, schema, table.object().tableName(), columns, order);
    }

    /**
     * The statement of a filtered or cursor page: {@code seek}'s rows, {@code limit + 1} at most, with the
     * SQL of a {@link RenderedStatements} shape that names the filter's text ({@link FilterConditions#textKey})
     * and which cursor values are null (a null cursor value changes the seek condition's text).
     */
    private RenderedStatements.Read filteredPage(ObjectTable table, List<Column> columns, FindManyRequest request, String filterKey,
            Condition seek, int limit, Supplier<ResultQuery<Record>> pageQuery) {
        List<Object> key = withLimit(orderKey(request), limit);
        key.add(filterKey);
        key.add(cursorKey(request.page().after()));
        key.add(cursorKey(request.page().before()));
        List<Object> values = tx.extractBindValues(seek);
        String sql = RenderedStatements.sql(tx, shape("page", table, columns, key), values, pageQuery);
        return new RenderedStatements.Read(sql, columns, values);
    }

    /** The records a filter matches, counted with the SQL of a {@link RenderedStatements} shape, or kept. */
    private int countMatching(ObjectTable table, Condition matching, String filterKey, long version) {
        List<Object> values = tx.extractBindValues(matching);
        String sql = RenderedStatements.sql(tx, shape("countMatching", table, List.of(), List.of(filterKey)), values,
                () -> tx.selectCount().from(table.table()).where(matching));
        return counts.count(tx, schema, table.object().tableName(), sql, values, version);
    }

    /** The statement that tells whether any matching record sits at the cursor or beyond it (backwards: before it). */
    private JdbcQueries.Query<Boolean> existsFrom(ObjectTable table, Condition matching, String filterKey, Keyset keyset,
            FindManyRequest request, Cursor cursor, boolean backwards) {
        Condition beyond = matching.and(keyset.after(cursor, backwards).or(keyset.at(cursor)));
        List<Object> values = tx.extractBindValues(beyond);
        List<Object> key = orderKey(request);
        key.add(filterKey);
        key.add(cursorKey(Optional.of(cursor)));
        key.add(backwards);
        String sql = RenderedStatements.sql(tx, shape("existsFrom", table, List.of(), key), values,
                () -> tx.select(DSL.field(DSL.exists(DSL.selectOne().from(table.table()).where(beyond)))));
        return new JdbcQueries.Query<>(sql, values, rows -> rows.next() && rows.getBoolean(1));
    }

    /** Which values of a cursor are null, or that there is none. */
    private static String cursorKey(Optional<Cursor> cursor) {
        if (cursor.isEmpty()) {
            return "no cursor";
        }
        StringBuilder key = new StringBuilder("cursor ");
        for (Object value : cursor.get().values()) {
            key.append(value == null ? 'n' : 'v');
        }
        return key.toString();
    }
}
