package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.query.GroupByRequest.GroupOrder;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.DateGranularity;
import dev.crmschema.runtime.request.GroupDimension;
import dev.crmschema.runtime.request.OrderDirection;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Runs a group-by in one statement ({@code GROUP BY} over the dimension expressions, count and
 * aggregates per group, order, limit), plus one statement for the record samples when asked for.
 *
 * <p>The dimension expressions carry bind values (a time zone), and PostgreSQL does not see two
 * expressions with different parameters as the same, so both statements compute the dimensions once in a
 * derived table and group, order and match by their aliases. The sample statement picks the same
 * groups by repeating the grouping (same order and limit) and ranks each group's records with
 * {@code row_number()}, so it reads only the chosen groups' first records.
 */
final class RecordGroups {
    private static final String SOURCE = "grouped";
    private static final String PICKED = "picked";
    private static final String RANKED = "ranked";
    private static final String RANK = "__groupRank";
    private static final String DIMENSION = "__group";

    private final DSLContext tx;
    private final String schema;
    private final RecordShaper shaper;

    RecordGroups(DSLContext tx, String schema, Function<String, ObjectType> objects) {
        this.tx = tx;
        this.schema = schema;
        this.shaper = new RecordShaper(tx, schema, objects);
    }

    List<RecordGroup> find(GroupByRequest request) {
        ObjectTable table = new ObjectTable(schema, request.object());
        AggregateFields aggregateFields = new AggregateFields(table);
        List<SelectField<?>> select = new ArrayList<>(dimensionAliases(request, null));
        select.add(DSL.count());
        for (Aggregate aggregate : request.aggregates().values()) {
            select.add(aggregateFields.expression(aggregate));
        }
        List<Record> rows = tx.select(select)
                .from(source(table, request, SOURCE))
                .groupBy(dimensionAliases(request, null))
                .orderBy(groupOrder(request, aggregateFields))
                .limit(Math.max(0, request.limit()))
                .fetch();

        int dimensions = request.dimensions().size();
        List<String> names = new ArrayList<>(request.aggregates().keySet());
        List<Aggregate> aggregates = new ArrayList<>(request.aggregates().values());
        Map<List<Object>, Integer> indexOfKey = new HashMap<>();
        List<List<String>> values = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<Map<String, Object>> aggregateValues = new ArrayList<>();
        for (Record row : rows) {
            List<Object> key = new ArrayList<>();
            List<String> text = new ArrayList<>();
            for (int i = 0; i < dimensions; i++) {
                key.add(row.get(i));
                text.add(display(request.dimensions().get(i), row.get(i)));
            }
            indexOfKey.put(key, values.size());
            values.add(text);
            counts.add(row.get(dimensions, Integer.class));
            Map<String, Object> byName = new LinkedHashMap<>();
            for (int i = 0; i < aggregates.size(); i++) {
                byName.put(names.get(i), AggregateFields.value(aggregates.get(i), row.get(dimensions + 1 + i)));
            }
            aggregateValues.add(byName);
        }
        List<Optional<RecordPage>> samples = request.recordSample() > 0 && !rows.isEmpty()
                ? samples(table, aggregateFields, request, indexOfKey, counts)
                : rows.stream().map(row -> Optional.<RecordPage>empty()).toList();
        List<RecordGroup> groups = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            groups.add(new RecordGroup(values.get(i), counts.get(i), aggregateValues.get(i), samples.get(i)));
        }
        return groups;
    }

    /** The first records of each chosen group, in the request's record order, one statement for all groups. */
    private List<Optional<RecordPage>> samples(ObjectTable table, AggregateFields aggregateFields, GroupByRequest request,
            Map<List<Object>, Integer> indexOfKey, List<Integer> counts) {
        Table<?> picked = tx.select(dimensionAliases(request, null))
                .from(source(table, request, SOURCE))
                .groupBy(dimensionAliases(request, null))
                .orderBy(groupOrder(request, aggregateFields))
                .limit(Math.max(0, request.limit()))
                .asTable(PICKED);
        List<Condition> sameGroup = new ArrayList<>();
        List<Field<Object>> pickedDimensions = dimensionAliases(request, PICKED);
        List<Field<Object>> sourceDimensions = dimensionAliases(request, SOURCE);
        for (int i = 0; i < pickedDimensions.size(); i++) {
            sameGroup.add(pickedDimensions.get(i).isNotDistinctFrom(sourceDimensions.get(i)));
        }
        Keyset keyset = new Keyset(table, request.recordOrder());
        List<Column> columns = table.selectedColumns(request.projection());
        List<SelectField<?>> inner = new ArrayList<>(table.selectList(columns));
        inner.addAll(dimensionAliases(request, null));
        inner.add(DSL.rowNumber().over(DSL.partitionBy(dimensionAliases(request, null)).orderBy(keyset.sortFields(false))).as(RANK));
        Table<?> ranked = tx.select(inner)
                .from(source(table, request, SOURCE))
                .whereExists(DSL.selectOne().from(picked).where(DSL.and(sameGroup)))
                .asTable(RANKED);
        List<SelectField<?>> outer = new ArrayList<>();
        for (Column column : columns) {
            outer.add(DSL.field(DSL.name(RANKED, column.name()), ObjectTable.readType(column)));
        }
        outer.addAll(dimensionAliases(request, RANKED));
        Field<Integer> rank = DSL.field(DSL.name(RANKED, RANK), SQLDataType.INTEGER);
        List<List<RecordRow>> rowsByGroup = new ArrayList<>();
        counts.forEach(count -> rowsByGroup.add(new ArrayList<>()));
        Function<Record, RecordRow> reader = ObjectTable.reader(columns);
        for (Record record : tx.select(outer).from(ranked).where(rank.le(request.recordSample())).orderBy(rank).fetch()) {
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < request.dimensions().size(); i++) {
                key.add(record.get(columns.size() + i));
            }
            Integer group = indexOfKey.get(key);
            if (group != null) {
                rowsByGroup.get(group).add(reader.apply(record));
            }
        }
        List<Optional<RecordPage>> pages = new ArrayList<>();
        RecordJson.Layout layout = RecordJson.layout(request.object(), request.projection());
        for (int i = 0; i < rowsByGroup.size(); i++) {
            List<RecordRow> rows = rowsByGroup.get(i);
            ShapedRecords records = shaper.shapeOnDemand(request.object(), rows, request.projection(), layout);
            List<Cursor> cursors = rows.stream().map(keyset::cursorOf).toList();
            pages.add(Optional.of(new RecordPage(records, cursors, counts.get(i), counts.get(i) > rows.size(), false)));
        }
        return pages;
    }

    /** The matching records with their dimension values as extra columns. */
    private static Table<?> source(ObjectTable table, GroupByRequest request, String alias) {
        List<SelectFieldOrAsterisk> select = new ArrayList<>();
        select.add(table.table().asterisk());
        List<GroupDimension> dimensions = request.dimensions();
        for (int i = 0; i < dimensions.size(); i++) {
            select.add(expression(table, dimensions.get(i)).as(DIMENSION + i));
        }
        return DSL.select(select).from(table.table()).where(new FilterConditions(table).visible(request.filter())).asTable(alias);
    }

    /** The dimension columns of a derived table, typed so that values read back as the expressions' Java types. */
    @SuppressWarnings("unchecked")
    private static List<Field<Object>> dimensionAliases(GroupByRequest request, String qualifier) {
        List<Field<Object>> fields = new ArrayList<>();
        for (int i = 0; i < request.dimensions().size(); i++) {
            DataType<Object> type = (DataType<Object>) type(request.dimensions().get(i));
            fields.add(qualifier == null
                    ? DSL.field(DSL.name(DIMENSION + i), type)
                    : DSL.field(DSL.name(qualifier, DIMENSION + i), type));
        }
        return fields;
    }

    private static DataType<?> type(GroupDimension dimension) {
        if (dimension.granularity().isEmpty()) {
            return ColumnValues.dataType(dimension.path().column().type());
        }
        return dimension.granularity().get().isPeriod() ? SQLDataType.LOCALDATETIME : SQLDataType.INTEGER;
    }

    /** The requested terms, then every dimension not ordered yet, ascending with empty values last. */
    private static List<SortField<?>> groupOrder(GroupByRequest request, AggregateFields aggregateFields) {
        List<SortField<?>> sort = new ArrayList<>();
        boolean[] ordered = new boolean[request.dimensions().size()];
        for (GroupOrder term : request.groupOrder()) {
            Field<?> field;
            if (term.dimension().isPresent()) {
                ordered[term.dimension().get()] = true;
                field = DSL.field(DSL.name(DIMENSION + term.dimension().get()));
            } else {
                field = term.aggregate().<Field<?>>map(aggregateFields::expression).orElse(DSL.count());
            }
            sort.add(sortField(field, term.direction()));
        }
        for (int i = 0; i < ordered.length; i++) {
            if (!ordered[i]) {
                sort.add(sortField(DSL.field(DSL.name(DIMENSION + i)), OrderDirection.AscNullsLast));
            }
        }
        return sort;
    }

    private static SortField<?> sortField(Field<?> field, OrderDirection direction) {
        SortField<?> sort = direction.ascending() ? field.asc() : field.desc();
        return direction.nullsFirst() ? sort.nullsFirst() : sort.nullsLast();
    }

    /** The value a record is grouped by: the column, or its date bucket in the dimension's time zone. */
    private static Field<?> expression(ObjectTable table, GroupDimension dimension) {
        Column column = dimension.path().column();
        Field<Object> value = table.field(column);
        if (dimension.granularity().isEmpty()) {
            return value;
        }
        DateGranularity granularity = dimension.granularity().get();
        Field<LocalDateTime> local = column.type() == ColumnType.TIMESTAMPTZ
                ? DSL.field("({0} at time zone {1})", SQLDataType.LOCALDATETIME, value, DSL.val(dimension.timeZone().getId()))
                : DSL.field("cast({0} as timestamp)", SQLDataType.LOCALDATETIME, value);
        return switch (granularity) {
            case DAY, WEEK, MONTH, QUARTER, YEAR -> DSL.field("date_trunc({0}, {1})", SQLDataType.LOCALDATETIME,
                    DSL.inline(granularity.name().toLowerCase(Locale.ROOT)), local);
            case DAY_OF_THE_WEEK -> DSL.field("cast(extract(isodow from {0}) as integer)", SQLDataType.INTEGER, local);
            case MONTH_OF_THE_YEAR -> DSL.field("cast(extract(month from {0}) as integer)", SQLDataType.INTEGER, local);
            case QUARTER_OF_THE_YEAR -> DSL.field("cast(extract(quarter from {0}) as integer)", SQLDataType.INTEGER, local);
        };
    }

    /** The dimension value as the API shows it; null stays null (the group of empty values). */
    static String display(GroupDimension dimension, Object value) {
        if (value == null) {
            return null;
        }
        if (dimension.granularity().isPresent()) {
            return switch (dimension.granularity().get()) {
                case DAY, WEEK, MONTH, QUARTER, YEAR -> ((LocalDateTime) value).toLocalDate().toString();
                case DAY_OF_THE_WEEK -> DayOfWeek.of(((Number) value).intValue()).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case MONTH_OF_THE_YEAR -> Month.of(((Number) value).intValue()).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case QUARTER_OF_THE_YEAR -> "Q" + ((Number) value).intValue();
            };
        }
        if (value instanceof OffsetDateTime timestamp) {
            return RecordJson.timestamp(timestamp);
        } else if (value instanceof LocalDate date) {
            return date.toString();
        } else if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        } else if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        } else if (value instanceof Object[] items) {
            return Arrays.toString(items);
        }
        return value.toString();
    }
}
