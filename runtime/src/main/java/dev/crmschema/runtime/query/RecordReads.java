package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.Page;
import dev.crmschema.runtime.request.Projection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Read operations inside one transaction: paginated lists and single records. */
final class RecordReads {
    private final DSLContext tx;
    private final String schema;
    private final RecordShaper shaper;

    RecordReads(DSLContext tx, String schema, Function<String, ObjectType> objects) {
        this.tx = tx;
        this.schema = schema;
        this.shaper = new RecordShaper(tx, schema, objects);
    }

    /**
     * One page in keyset order. Forward pages read {@code limit + 1} rows after the cursor to learn
     * whether a next page exists; {@code before} pages read the last {@code limit + 1} rows before their
     * cursor by walking the order backwards, then restore the requested order. The side a page was not
     * read towards is checked with one EXISTS query, and only when there is a cursor on that side.
     */
    RecordPage findMany(FindManyRequest request) {
        ObjectTable table = new ObjectTable(schema, request.object());
        Condition matching = new FilterConditions(table).visible(request.filter());
        Keyset keyset = new Keyset(table, request.order());
        Page page = request.page();
        int limit = Math.max(0, Math.min(page.limit(), RecordStore.MAX_PAGE_SIZE));
        boolean backwards = page.before().isPresent();

        Condition seek = matching;
        if (page.after().isPresent()) {
            seek = seek.and(keyset.after(page.after().get(), false));
        }
        if (page.before().isPresent()) {
            seek = seek.and(keyset.after(page.before().get(), true));
        }
        List<Column> columns = table.selectedColumns(request.projection());
        List<RecordRow> rows = new ArrayList<>();
        for (Record record : tx.select(table.selectList(columns))
                .from(table.table())
                .where(seek)
                .orderBy(keyset.sortFields(backwards))
                .limit(limit + 1)
                .fetch()) {
            rows.add(ObjectTable.read(columns, record));
        }
        boolean more = rows.size() > limit;
        if (more) {
            rows = new ArrayList<>(rows.subList(0, limit));
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean hasNextPage = backwards ? existsFrom(table, matching, keyset, page.before().get(), false) : more;
        boolean hasPreviousPage = backwards ? more : page.after().isPresent() && existsFrom(table, matching, keyset, page.after().get(), true);
        int totalCount = request.countTotal() ? tx.fetchCount(table.table(), matching) : 0;

        List<Cursor> cursors = rows.stream().map(keyset::cursorOf).toList();
        return new RecordPage(shaper.shape(request.object(), rows, request.projection()), cursors, totalCount, hasNextPage,
                hasPreviousPage);
    }

    /** A live record by id, or 404. */
    ObjectNode findOne(ObjectType object, UUID id, Projection projection) {
        ObjectTable table = new ObjectTable(schema, object);
        List<RecordRow> rows = select(table, table.id().eq(table.value(table.column(ObjectTable.ID), id)).and(table.live()), projection);
        if (rows.isEmpty()) {
            throw ApiException.recordNotFound();
        }
        return shaper.shape(object, rows, projection).get(0);
    }

    /** Live records by id, unordered. */
    List<ObjectNode> findByIds(ObjectType object, Collection<UUID> ids, Projection projection) {
        if (ids.isEmpty()) {
            return List.of();
        }
        ObjectTable table = new ObjectTable(schema, object);
        Condition byIds = table.id().coerce(SQLDataType.UUID).eq(DSL.any(DSL.val(ids.toArray(UUID[]::new), SQLDataType.UUID.array())));
        return shaper.shape(object, select(table, byIds.and(table.live()), projection), projection);
    }

    /** Rows matching a condition, unordered. */
    List<RecordRow> select(ObjectTable table, Condition condition, Projection projection) {
        List<Column> columns = table.selectedColumns(projection);
        List<RecordRow> rows = new ArrayList<>();
        for (Record record : tx.select(table.selectList(columns)).from(table.table()).where(condition).fetch()) {
            rows.add(ObjectTable.read(columns, record));
        }
        return rows;
    }

    /** Whether any matching record sits at the cursor or beyond it (backwards: before it). */
    private boolean existsFrom(ObjectTable table, Condition matching, Keyset keyset, Cursor cursor, boolean backwards) {
        Condition beyond = keyset.after(cursor, backwards).or(keyset.at(cursor));
        return tx.fetchExists(DSL.selectOne().from(table.table()).where(matching.and(beyond)));
    }
}
