package dev.crmschema.runtime.db;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Queries of different result types run as one statement ({@link JdbcQueries#queryEach}): each {@link #add}
 * returns a handle that gives its query's result once {@link #run} has run them all. A list request's page,
 * its EXISTS check and its table's version do not depend on each other; sent together, the two whose
 * answers are a boolean and a number share a round trip (the driver waits for rows of text before it sends
 * more, see {@code queryEach}). On loopback that saves little; where PostgreSQL runs on another machine, a
 * network's round trip each.
 */
public final class QueryBatch {
    private final List<JdbcQueries.Query<?>> queries = new ArrayList<>();
    private List<Object> results;

    /** Adds a query to the batch; its result is there after {@link #run}. */
    public <T> Result<T> add(JdbcQueries.Query<T> query) {
        if (results != null) {
            throw new IllegalStateException("the batch has run");
        }
        queries.add(query);
        return new Result<>(queries.size() - 1);
    }

    /** Runs every query added, in the order added, as one statement on one connection. */
    public void run(DSLContext dsl) {
        results = JdbcQueries.queryEach(dsl, queries);
    }

    /** The result of one query of a batch. */
    public final class Result<T> {
        private final int index;

        private Result(int index) {
            this.index = index;
        }

        @SuppressWarnings("unchecked") // the query at this index was a Query<T>, whose reader gave this result
        public T get() {
            if (results == null) {
                throw new IllegalStateException("the batch has not run");
            }
            return (T) results.get(index);
        }
    }
}
