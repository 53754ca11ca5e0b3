package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.Requests.all;
import static dev.crmschema.runtime.query.Requests.where;
import static dev.crmschema.runtime.query.Requests.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.core.RecordChanges;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.Projection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kept counts: used while nothing was written, counted again once any write to the workspace commits. */
class RecordCountsTest {
    static TestDatabase db;
    static RecordStore store;
    static ObjectType pet;
    static ObjectType shelter;
    static UUID home;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        CoreSchema.migrate(db.dsl());
        RecordChanges.track(db.dsl(), TestDatabase.SCHEMA);
        pet = db.workspace().require("pet");
        shelter = db.workspace().require("shelter");
        store = new RecordStore(db.dsl(), TestDatabase.SCHEMA, db.workspace()::require, Access.FULL, new RecordCounts());
        home = UUID.fromString(store.createMany(shelter, List.of(write(shelter, "name", "Home")), Actor.apiKey("test"), Projection.DEFAULT)
                .get(0).get("id").asText());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.dsl().execute("DELETE FROM " + pets());
        addPets("Rex", "Mia");
    }

    @Test
    void aKeptCountIsUsedUntilAWriteThroughTheStoreCommits() {
        assertEquals(2, count(Optional.empty()));
        assertEquals(2, keptCount(Optional.empty()));

        addPets("Tom");
        assertEquals(3, count(Optional.empty()));
        assertTrue(countRan());
    }

    @Test
    void writesMadeOutsideTheServerAreSeenToo() {
        assertEquals(2, count(Optional.empty()));
        db.dsl().execute("INSERT INTO " + pets() + " (name, \"shelterId\") VALUES ('Hand-written', '" + home + "')");
        assertEquals(3, count(Optional.empty()));
        db.dsl().execute("UPDATE " + pets() + " SET \"deletedAt\" = now() WHERE name = 'Rex'");
        assertEquals(2, count(Optional.empty()));
        db.dsl().execute("TRUNCATE " + pets() + " CASCADE");
        assertEquals(0, count(Optional.empty()));
    }

    @Test
    void aWriteToAnotherTableKeepsTheCountAndDdlOnTheSchemaDoesNot() {
        assertEquals(2, count(Optional.empty()));
        store.createMany(shelter, List.of(write(shelter, "name", "North")), Actor.apiKey("test"), Projection.DEFAULT);
        db.dsl().execute("UPDATE \"" + TestDatabase.SCHEMA + "\".\"" + shelter.tableName() + "\" SET name = name");
        assertEquals(2, keptCount(Optional.empty()));

        RecordChanges.track(db.dsl(), TestDatabase.SCHEMA); // what a load does after running the schema's DDL
        assertEquals(2, count(Optional.empty()));
        assertTrue(countRan(), "after DDL every count of the schema is taken again");
    }

    @Test
    void eachFilterAndValueKeepsItsOwnCount() {
        Optional<Filter> rex = Optional.of(where(pet, "name", Comparator.EQ, "Rex"));
        Optional<Filter> nobody = Optional.of(where(pet, "name", Comparator.EQ, "Nobody"));
        assertEquals(1, count(rex));
        assertEquals(0, count(nobody));
        assertEquals(2, count(Optional.empty()));
        assertEquals(1, keptCount(rex));
        assertEquals(0, keptCount(nobody));
        assertEquals(2, keptCount(Optional.empty()));
    }

    @Test
    void aPageWithAKeptCountSendsItsQueriesAsOneStatement() {
        addPets("Tom");
        Optional<Filter> named = Optional.of(where(pet, "name", Comparator.NEQ, "Nobody"));
        RecordPage first = store.findMany(Requests.findMany(pet, named, Requests.orderBy(pet), 1, Optional.empty(), Optional.empty(),
                Projection.DEFAULT));
        assertEquals(3, first.totalCount());

        db.resetStatements();
        RecordPage second = store.findMany(Requests.findMany(pet, named, Requests.orderBy(pet), 1, first.endCursor(), Optional.empty(),
                Projection.DEFAULT));
        List<String> statements = db.statements();
        assertEquals(1, statements.size(), "the page, its previous-page check and the version together: " + statements);
        assertTrue(statements.get(0).contains("exists") && statements.get(0).contains(RecordChanges.VERSION_SQL), statements.get(0));
        assertEquals(3, second.totalCount());
        assertTrue(second.hasPreviousPage());
        assertTrue(second.hasNextPage());

        db.resetStatements();
        RecordPage last = store.findMany(Requests.findMany(pet, named, Requests.orderBy(pet), 2, Optional.empty(), second.startCursor(),
                Projection.DEFAULT));
        assertEquals(1, db.statements().size(), "backwards, the next-page check goes with the page: " + db.statements());
        assertEquals(1, last.records().size());
        assertTrue(last.hasNextPage());
        assertFalse(last.hasPreviousPage());
    }

    /**
     * On the wire ({@link JdbcQueriesTest} shows when the driver waits): the version's number goes with the
     * query before it, so a page waits for PostgreSQL once, after a cursor too; a page that binds text (a
     * filter's value) has its rows waited for before its EXISTS check and the version, which go together.
     */
    @Test
    void aPageWaitsForPostgresOnceAndTwiceWhenItBindsText() {
        FindManyRequest firstPage = Requests.findMany(pet, Optional.empty(), Requests.orderBy(pet), 1, Optional.empty(),
                Optional.empty(), Projection.DEFAULT);
        assertEquals(1, steadyRoundTrips(firstPage));

        RecordPage unfiltered = store.findMany(firstPage);
        assertEquals(1, steadyRoundTrips(Requests.findMany(pet, Optional.empty(), Requests.orderBy(pet), 1, unfiltered.endCursor(),
                Optional.empty(), Projection.DEFAULT)), "a page after a cursor binds its values, which the driver types itself");

        Optional<Filter> named = Optional.of(where(pet, "name", Comparator.NEQ, "Nobody"));
        RecordPage first = store.findMany(Requests.findMany(pet, named, Requests.orderBy(pet), 1, Optional.empty(), Optional.empty(),
                Projection.DEFAULT));
        assertEquals(2, steadyRoundTrips(Requests.findMany(pet, named, Requests.orderBy(pet), 1, first.endCursor(), Optional.empty(),
                Projection.DEFAULT)));
    }

    /** The round trips of a list the store has run often enough for the driver to prepare its statement on the server. */
    private static int steadyRoundTrips(FindManyRequest request) {
        for (int run = 0; run < 10; run++) {
            store.findMany(request);
        }
        try (DriverRoundTrips roundTrips = DriverRoundTrips.count()) {
            store.findMany(request);
            return roundTrips.take();
        }
    }

    @Test
    void aRolledBackWriteKeepsTheCount() {
        assertEquals(2, count(Optional.empty()));
        assertThrows(IllegalStateException.class, () -> db.dsl().transaction(tx -> {
            tx.dsl().execute("INSERT INTO " + pets() + " (name, \"shelterId\") VALUES ('Rolled back', '" + home + "')");
            throw new IllegalStateException("roll back");
        }));
        assertEquals(2, keptCount(Optional.empty()));
    }

    @Test
    void listsThatMissTogetherShareOneCount() throws Exception {
        ExecutorService lists = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            db.dsl().transaction(tx -> {
                // The first count waits for this lock while the other lists arrive.
                tx.dsl().execute("LOCK TABLE " + pets() + " IN ACCESS EXCLUSIVE MODE");
                db.resetStatements();
                for (int i = 0; i < 4; i++) {
                    counts.add(lists.submit(() -> store.findMany(all(pet, Optional.empty())).totalCount()));
                }
                Thread.sleep(1_000);
            });
            for (Future<Integer> count : counts) {
                assertEquals(2, count.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, db.statements().stream().filter(sql -> sql.contains("count(*)")).count());
        } finally {
            lists.shutdownNow();
        }
    }

    @Test
    void compactingTheLogKeepsVersionsAndCounts() {
        addPets("Tom");
        addPets("Kit");
        assertEquals(4, count(Optional.empty()));
        long version = version();
        assertTrue(RecordChanges.compact(db.dsl()) >= 1);
        assertEquals(version, version());
        assertEquals(0, db.dsl().fetchOne("SELECT count(*)::int FROM (SELECT table_name FROM core.record_change "
                + "WHERE schema_name = ? GROUP BY table_name HAVING count(*) > 1) t", TestDatabase.SCHEMA).get(0, Integer.class),
                "one row per table");
        assertEquals(4, keptCount(Optional.empty()));
    }

    private static String pets() {
        return "\"" + TestDatabase.SCHEMA + "\".\"" + pet.tableName() + "\"";
    }

    private static void addPets(String... names) {
        store.createMany(pet, Arrays.stream(names).map(name -> write(pet, "name", name, "shelter", home)).toList(), Actor.apiKey("test"),
                Projection.DEFAULT);
    }

    /** The totalCount of a list, with the statements recorded from here on. */
    private static int count(Optional<Filter> filter) {
        db.resetStatements();
        return store.findMany(all(pet, filter)).totalCount();
    }

    private static int keptCount(Optional<Filter> filter) {
        int count = count(filter);
        assertFalse(countRan(), "the kept count was used");
        return count;
    }

    private static boolean countRan() {
        return db.statements().stream().anyMatch(sql -> sql.contains("count(*)"));
    }

    private static long version() {
        return db.dsl().fetchOne(RecordChanges.VERSION_SQL, TestDatabase.SCHEMA, pet.tableName()).get(0, Long.class);
    }
}
