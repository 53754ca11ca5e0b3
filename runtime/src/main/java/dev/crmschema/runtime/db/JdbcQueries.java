package dev.crmschema.runtime.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PGobject;

/**
 * Runs SQL text that is already final (rendered once, {@code ?} for every value) straight through JDBC on
 * the context's connection, so it joins the context's transaction when there is one. Handing such text
 * to jOOQ as plain SQL makes it parse the text for placeholders and build an execution context on every
 * run: a third of a point read's CPU. Failures surface as jOOQ's {@link DataAccessException}, with their
 * SQL state, like every other statement's.
 */
public final class JdbcQueries {
    /** Reads what a query returned; the rows are closed afterwards. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private JdbcQueries() {}

    /**
     * Runs {@code sql} with {@code values} bound in order. A value is a {@code UUID[]} or {@code String[]}
     * (bound as a {@code uuid[]} or {@code text[]} array), a {@code JSONB} (bound as its text: the SQL casts
     * it), {@code null}, or anything the driver binds by itself (UUID, numbers, text, booleans,
     * {@code OffsetDateTime}, {@code LocalDate}; their MIN and MAX go as text, for the SQL's cast to refuse).
     */
    public static <T> T query(DSLContext dsl, String sql, List<?> values, RowReader<T> reader) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    bind(connection, statement, i + 1, values.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        });
    }

    /** Runs one {@link Query} ({@link #query(DSLContext, String, List, RowReader)}). */
    public static <T> T query(DSLContext dsl, Query<T> query) {
        return query(dsl, query.sql(), query.values(), query.reader());
    }

    /** A query to run alone or with others: its text, its values in order, and what reads its rows. */
    public record Query<T>(String sql, List<?> values, RowReader<T> reader) {}

    /**
     * Runs several queries as one statement: their texts joined into one, with each query's values bound in
     * turn. The results come back in the order of {@code queries}. The driver sends the queries' messages
     * together and waits once, except that once it knows a query's rows may be of any size (text, jsonb,
     * numeric columns), it waits for the answers so far before sending a query after it, lest both sides'
     * socket buffers fill up ({@code JdbcQueriesTest}). So queries answering with booleans, integers, uuids
     * or timestamps go in one round trip, and each query reading records in one of its own. No queries
     * need no round trip.
     */
    public static <T> List<T> queryEach(DSLContext dsl, List<? extends Query<? extends T>> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        if (queries.size() == 1) {
            return List.<T>of(query(dsl, queries.get(0)));
        }
        String sql = queries.stream().map(Query::sql).collect(Collectors.joining(";\n"));
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Query<? extends T> query : queries) {
                    for (Object value : query.values()) {
                        bind(connection, statement, index++, value);
                    }
                }
                List<T> results = new ArrayList<>(queries.size());
                boolean rowsNext = statement.execute();
                for (Query<? extends T> query : queries) {
                    if (!rowsNext) {
                        throw new SQLException("query " + (results.size() + 1) + " of " + queries.size() + " returned no rows");
                    }
                    try (ResultSet rows = statement.getResultSet()) {
                        results.add(query.reader().read(rows));
                    }
                    rowsNext = statement.getMoreResults();
                }
                return results;
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        });
    }

    /**
     * A {@code uuid[]} from its text form, which needs no quoting: the driver's {@code createArrayOf} escapes
     * every character of every element, a few percent of a nested GraphQL read that binds two such arrays.
     */
    private static PGobject uuidArray(UUID[] ids) throws SQLException {
        StringBuilder text = new StringBuilder(2 + ids.length * 37).append('{');
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(ids[i]);
        }
        PGobject array = new PGobject();
        array.setType("uuid[]");
        array.setValue(text.append('}').toString());
        return array;
    }

    private static boolean isExtreme(Object value) {
        return value.equals(LocalDate.MIN) || value.equals(LocalDate.MAX)
                || value.equals(OffsetDateTime.MIN) || value.equals(OffsetDateTime.MAX);
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof UUID[] ids) {
            statement.setObject(index, uuidArray(ids));
        } else if (value instanceof String[] texts) {
            statement.setArray(index, connection.createArrayOf("text", texts));
        } else if (value instanceof JSONB json) {
            statement.setString(index, json.data());
        } else if (isExtreme(value)) {
            // The driver would send these as -infinity/infinity; as text PostgreSQL refuses them as out of range.
            statement.setObject(index, value.toString(), Types.VARCHAR);
        } else {
            statement.setObject(index, value);
        }
    }
}
