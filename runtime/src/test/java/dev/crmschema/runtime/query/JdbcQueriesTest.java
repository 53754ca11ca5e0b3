package dev.crmschema.runtime.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.runtime.db.JdbcQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link JdbcQueries#queryEach}: several queries in one statement, each with its own values, answered in order. */
class JdbcQueriesTest {
    static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static JdbcQueries.Query<List<String>> query(String sql, Object... values) {
        return new JdbcQueries.Query<>(sql, List.of(values), rows -> {
            List<String> read = new ArrayList<>();
            while (rows.next()) {
                read.add(rows.getString(1));
            }
            return read;
        });
    }

    @Test
    void eachQueryGetsItsOwnValuesAndItsOwnRowsInOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        db.resetStatements();
        List<List<String>> results = JdbcQueries.queryEach(db.dsl(), List.of(
                query("select cast(? as int) + cast(? as int)", 1, 2),
                query("select unnest(cast(? as text[])) order by 1", (Object) new String[] {"b", "a"}),
                query("select x from (select 1 as x) t where x > cast(? as int)", 5),
                query("select id from unnest(cast(? as uuid[])) as id", (Object) new UUID[] {first, second})));
        assertEquals(List.of(List.of("3"), List.of("a", "b"), List.of(), List.of(first.toString(), second.toString())), results);
        assertEquals(1, db.statements().size(), "one statement for the four queries: " + db.statements());
    }

    /**
     * What the driver does with a statement it runs often: once it has prepared it on the server, it knows the
     * types of its columns if it had to ask for the types of its parameters (a text value, which the server
     * binds as of unknown type, makes it ask). It then sends the next query only after the answers so far if
     * this one's rows have no bounded size, for fear of filling the socket's buffers.
     */
    @Test
    void queriesWhoseRowsHaveABoundedSizeShareARoundTripAndATextQueryWaitsForTheAnswersBeforeIt() {
        JdbcQueries.Query<List<String>> number = query("select 1 where ? <> ''", "x");
        JdbcQueries.Query<List<String>> yes = query("select true where ? <> ''", "x");
        JdbcQueries.Query<List<String>> text = query("select 'a' where ? <> ''", "x");
        assertEquals(1, steadyRoundTrips(number, yes, number), "numbers and booleans go together");
        assertEquals(2, steadyRoundTrips(text, number, yes), "text first: the driver waits for its rows, then sends the others");
        assertEquals(2, steadyRoundTrips(number, text), "text after a query: the driver waits for that query's answer first");
    }

    @SafeVarargs
    private static int steadyRoundTrips(JdbcQueries.Query<List<String>>... queries) {
        // One connection, so that the statement is prepared on the one that is measured.
        return db.dsl().connectionResult(connection -> {
            DSLContext one = DSL.using(connection, SQLDialect.POSTGRES);
            for (int run = 0; run < 6; run++) {
                JdbcQueries.queryEach(one, List.of(queries));
            }
            try (DriverRoundTrips roundTrips = DriverRoundTrips.count()) {
                JdbcQueries.queryEach(one, List.of(queries));
                return roundTrips.take();
            }
        });
    }

    @Test
    void aFailingQueryFailsThemAllAndLeavesTheConnectionUsable() {
        DataAccessException failure = assertThrows(DataAccessException.class, () -> JdbcQueries.queryEach(db.dsl(), List.of(
                query("select 1"),
                query("select cast(? as int)", "not a number"))));
        assertEquals("22P02", failure.sqlState());
        assertTrue(failure.getMessage().contains("select cast(? as int)"), failure.getMessage());
        // Whichever pooled connection comes next still answers.
        for (int i = 0; i < 20; i++) {
            assertEquals(List.of(List.of("1"), List.of("2")),
                    JdbcQueries.queryEach(db.dsl(), List.of(query("select 1"), query("select 2"))));
        }
    }
}
