package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.Projection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Finds likely duplicates by the object's {@code duplicateCriteria}: each criterion is a group of paths
 * ({@code name}, {@code emails.primaryEmail}, {@code name.firstName}); a live record is a duplicate of
 * the input when it has the same values on every path of at least one group whose values the input
 * has. Records are returned ordered by id, at most {@link RecordStore#MAX_PAGE_SIZE}.
 */
final class Duplicates {
    private final DSLContext tx;
    private final ObjectTable table;
    private final RecordShaper shaper;

    Duplicates(DSLContext tx, String schema, ObjectType object, Function<String, ObjectType> objects) {
        this.tx = tx;
        this.table = new ObjectTable(schema, object);
        this.shaper = new RecordShaper(tx, schema, objects);
    }

    /** One page per input record, compared on the input's values. */
    List<RecordPage> ofValues(List<Map<Column, Object>> inputs, Projection projection) {
        List<RecordPage> pages = new ArrayList<>();
        for (Map<Column, Object> input : inputs) {
            pages.add(page(input, Optional.empty(), projection));
        }
        return pages;
    }

    /** One page per id, compared on that stored record's values and never containing the record itself. */
    List<RecordPage> ofIds(List<UUID> ids, Projection projection) {
        Map<UUID, RecordRow> stored = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Column> columns = table.selectedColumns(Projection.DEFAULT);
            List<Record> records = tx.select(table.selectList(columns))
                    .from(table.table())
                    .where(table.id().coerce(SQLDataType.UUID).eq(DSL.any(DSL.val(ids.toArray(UUID[]::new), ColumnValues.UUID_ARRAY))))
                    .and(table.live())
                    .fetch();
            Function<Record, RecordRow> reader = ObjectTable.reader(columns);
            records.forEach(record -> {
                RecordRow row = reader.apply(record);
                stored.put(row.id(), row);
            });
        }
        List<RecordPage> pages = new ArrayList<>();
        for (UUID id : ids) {
            RecordRow row = stored.get(id);
            Map<Column, Object> values = new LinkedHashMap<>();
            if (row != null) {
                table.object().columns().forEach(column -> values.put(column, row.get(column)));
            }
            pages.add(page(values, Optional.of(id), projection));
        }
        return pages;
    }

    private RecordPage page(Map<Column, Object> values, Optional<UUID> self, Projection projection) {
        List<Condition> groups = new ArrayList<>();
        for (List<String> criterion : table.object().duplicateCriteria()) {
            groupCondition(criterion, values).ifPresent(groups::add);
        }
        if (groups.isEmpty()) {
            return new RecordPage(List.of(), List.of(), 0, false, false);
        }
        Condition where = DSL.or(groups).and(table.live());
        if (self.isPresent()) {
            where = where.and(table.id().ne(table.value(table.column(ObjectTable.ID), self.get())));
        }
        List<Column> columns = table.selectedColumns(projection);
        List<RecordRow> rows = new ArrayList<>();
        tx.select(table.selectList(columns))
                .from(table.table())
                .where(where)
                .orderBy(table.id())
                .limit(RecordStore.MAX_PAGE_SIZE + 1)
                .fetch()
                .map(ObjectTable.reader(columns)::apply)
                .forEach(rows::add);
        boolean more = rows.size() > RecordStore.MAX_PAGE_SIZE;
        List<RecordRow> page = more ? rows.subList(0, RecordStore.MAX_PAGE_SIZE) : rows;
        int total = more ? tx.fetchCount(table.table(), where) : page.size();
        List<Cursor> cursors = page.stream().map(row -> new Cursor(List.of(row.id()))).toList();
        ShapedRecords records = shaper.shapeOnDemand(table.object(), page, projection, RecordJson.layout(table.object(), projection));
        return new RecordPage(records, cursors, total, more, false);
    }

    /** Equality on every column of the group, or nothing when the input lacks one of its values. */
    private Optional<Condition> groupCondition(List<String> paths, Map<Column, Object> values) {
        List<Condition> terms = new ArrayList<>();
        for (String path : paths) {
            for (Column column : columns(path)) {
                Object value = values.get(column);
                if (value == null || "".equals(value)) {
                    return Optional.empty();
                }
                terms.add(table.field(column).eq(table.value(column, value)));
            }
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(DSL.and(terms));
    }

    /** The columns a criterion path names: a sub-field's column, or every column of a whole field. */
    private List<Column> columns(String path) {
        String[] parts = path.split("\\.", 2);
        Field field = table.object().field(parts[0])
                .orElseThrow(() -> new IllegalStateException("duplicate criterion names unknown field " + path));
        if (parts.length == 1) {
            return field.columns();
        }
        return field.columns().stream().filter(c -> c.property().equals(Optional.of(parts[1]))).toList();
    }
}
