package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.runtime.db.JdbcQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;

/**
 * The SQL text of the statements nearly every request repeats (a record by id, records by ids, an
 * unfiltered first page and its count, a filtered or cursor page with its count and EXISTS check, the related records of a depth-1 expansion, the first related
 * page of every parent in a nested GraphQL query, an insert whose rows set the same columns), rendered
 * by jOOQ once per shape and then run through {@link JdbcQueries}: rendering the query tree cost a
 * quarter of such a request's CPU, and handing the text back to jOOQ as plain SQL cost nearly as much
 * again. The shape holds everything the text depends on; values stay bind
 * values, passed anew on every run. Past its size the cache starts over, so shapes of replaced models do
 * not pile up.
 */
final class RenderedStatements {
    private static final int MAX_SHAPES = 4_096;
    private static final Map<Shape, String> SQL = new ConcurrentHashMap<>();

    /**
     * What decides a statement's text.
     *
     * @param kind which statement ({@code byId}, {@code byIds}, {@code firstPage}, {@code count},
     *     {@code page}, {@code countMatching}, {@code existsFrom}, {@code relatedByIds}, {@code children},
     *     {@code relatedPages}, {@code insert})
     * @param order what else decides the text: the order's columns and directions, alternating; the
     *     join column children are grouped by and whether they are counted (first, for related pages);
     *     for an insert its columns and number of rows; for pages their limit; for filtered reads the
     *     filter's text key and which cursor values are null; empty for the others
     */
    record Shape(String kind, String schema, String table, List<Column> columns, List<Object> order) {
        // Written out, as Column's are: every cached statement hashes its shape once per run.
        @Override
        public int hashCode() {
            return (((kind.hashCode() * 31 + schema.hashCode()) * 31 + table.hashCode()) * 31 + columns.hashCode()) * 31
                    + order.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other == this
                    || other instanceof Shape shape
                            && kind.equals(shape.kind)
                            && table.equals(shape.table)
                            && schema.equals(shape.schema)
                            && columns.equals(shape.columns)
                            && order.equals(shape.order);
        }
    }

    private RenderedStatements() {}

    /**
     * The statement's SQL with {@code ?} for its bind values, rendered on the first use of the shape.
     * The statement must take exactly {@code bindValues} values, the ones its callers pass in order.
     */
    static String sql(DSLContext dsl, Shape shape, int bindValues, Supplier<? extends Query> statement) {
        String sql = SQL.get(shape);
        if (sql == null) {
            Query query = statement.get();
            if (query.getBindValues().size() != bindValues) {
                throw new IllegalStateException("a " + shape.kind() + " statement takes " + query.getBindValues().size()
                        + " bind values, not " + bindValues + ": " + dsl.render(query));
            }
            if (SQL.size() >= MAX_SHAPES) {
                SQL.clear();
            }
            sql = dsl.render(query);
            SQL.put(shape, sql);
        }
        return sql;
    }

    /**
     * As {@link #sql(DSLContext, Shape, int, Supplier)}, for a statement whose bind values are known
     * without rendering it: on the first use of the shape the statement must take exactly
     * {@code bindValues}, in that order.
     */
    static String sql(DSLContext dsl, Shape shape, List<?> bindValues, Supplier<? extends Query> statement) {
        return sql(dsl, shape, bindValues.size(), () -> {
            Query query = statement.get();
            if (!sameValues(query.getBindValues(), bindValues)) {
                throw new IllegalStateException("a " + shape.kind() + " statement binds " + query.getBindValues()
                        + ", not " + bindValues + ": " + dsl.render(query));
            }
            return query;
        });
    }

    /** Equal values in the same order; numbers by their text (jOOQ keeps a limit as a {@code Long}). */
    private static boolean sameValues(List<?> bound, List<?> expected) {
        if (bound.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < bound.size(); i++) {
            Object a = bound.get(i);
            Object b = expected.get(i);
            boolean same = a instanceof Number && b instanceof Number ? a.toString().equals(b.toString()) : Objects.equals(a, b);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs a shape's SQL that selects {@code columns} ({@link ObjectTable#selectList}) with its bind values
     * (the parameters it was rendered with), reading the rows through JDBC ({@link JdbcRows}).
     */
    static List<RecordRow> fetchRows(DSLContext dsl, String sql, List<Column> columns, Field<?>... bindValues) {
        return fetchRows(dsl, sql, columns, values(bindValues));
    }

    /** As {@link #fetchRows(DSLContext, String, List, Field[])}, with values of each column's canonical Java type. */
    static List<RecordRow> fetchRows(DSLContext dsl, String sql, List<Column> columns, List<?> values) {
        return JdbcQueries.query(dsl, sql, values, rows -> JdbcRows.read(rows, columns));
    }

    /** A statement to run with others ({@link #fetchRows(DSLContext, List)}): its SQL, the columns it reads, its values. */
    record Read(String sql, List<Column> columns, List<?> values) {
        Read(String sql, List<Column> columns, Field<?>... bindValues) {
            this(sql, columns, RenderedStatements.values(bindValues));
        }

        /** The statement with what reads its rows, typed as the select list. */
        JdbcQueries.Query<List<RecordRow>> query() {
            return new JdbcQueries.Query<>(sql, values, rows -> JdbcRows.read(rows, columns));
        }
    }

    /** The rows of each read, in order, fetched with one statement ({@link JdbcQueries#queryEach}). */
    static List<List<RecordRow>> fetchRows(DSLContext dsl, List<Read> reads) {
        List<JdbcQueries.Query<List<RecordRow>>> queries = new ArrayList<>(reads.size());
        for (Read read : reads) {
            queries.add(read.query());
        }
        return JdbcQueries.queryEach(dsl, queries);
    }

    private static List<Object> values(Field<?>... bindValues) {
        List<Object> values = new ArrayList<>(bindValues.length);
        for (Field<?> bindValue : bindValues) {
            if (!(bindValue instanceof Param<?> parameter)) {
                throw new IllegalStateException("a bind value must be a parameter, not " + bindValue);
            }
            values.add(parameter.getValue());
        }
        return values;
    }

    /** Runs a shape's SQL that returns one number, with its bind values. */
    static int fetchCount(DSLContext dsl, String sql, List<?> values) {
        return JdbcQueries.query(dsl, sql, values, rows -> {
            rows.next();
            return rows.getInt(1);
        });
    }
}
