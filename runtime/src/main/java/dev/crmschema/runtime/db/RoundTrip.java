package dev.crmschema.runtime.db;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Queries of different result types sent to PostgreSQL together ({@link JdbcQueries#queryEach}): each
 * {@link #add} returns a handle that gives its query's result once {@link #run} has run them all. A list
 * request's page, its EXISTS check and the schema's version do not depend on each other, so the request
 * waits for PostgreSQL once instead of once each: little on loopback, a network's round trip each when
 * PostgreSQL runs on another machine.
 */
public final class RoundTrip {
    private final List<JdbcQueries.Query<?>> queries = new ArrayList<>();
    private List<Object> results;

    /** Adds a query to the round trip; its result is there after {@link #run}. */
    public <T> Result<T> add(JdbcQueries.Query<T> query) {
        if (results != null) {
            throw new IllegalStateException("the round trip has run");
        }
        queries.add(query);
        return new Result<>(queries.size() - 1);
    }

    /** Runs every query added, in the order added, in one round trip on one connection. */
    public void run(DSLContext dsl) {
        results = JdbcQueries.queryEach(dsl, queries);
    }

    /** The result of one query of a round trip. */
    public final class Result<T> {
        private final int index;

        private Result(int index) {
            this.index = index;
        }

        @SuppressWarnings("unchecked") // the query at this index was a Query<T>, whose reader gave this result
        public T get() {
            if (results == null) {
                throw new IllegalStateException("the round trip has not run");
            }
            return (T) results.get(index);
        }
    }
}
