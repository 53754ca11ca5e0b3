package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.Requests.order;
import static dev.crmschema.runtime.query.Requests.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every page forwards and backwards for orders with ties and nulls, and checks the concatenated
 * pages against the order computed in Java: no record is lost or repeated, whatever the page size.
 */
class KeysetPaginationTest {
    static TestDatabase db;
    static RecordStore store;
    static ObjectType pet;
    static final List<Pet> pets = new ArrayList<>();

    /** What the test knows about each seeded pet, to compute the expected order independently. */
    record Pet(UUID id, String name, Double weight) {}

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        store = db.store();
        pet = db.workspace().require("pet");
        ObjectType shelter = db.workspace().require("shelter");
        UUID shelterId = FindManyTest.id(store.createMany(shelter, List.of(write(shelter, "name", "Only")), Actor.apiKey("t"),
                Projection.DEFAULT).get(0));
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String name : new String[] {null, "a", "b"}) {
            for (Double weight : new Double[] {null, 1.0, 2.0}) {
                names.add(name);
                weights.add(weight);
            }
        }
        // Extra ties on both columns, null pairs included.
        names.addAll(List.of("a", "b", "b"));
        weights.addAll(java.util.Arrays.asList(1.0, null, null));
        names.add(null);
        weights.add(null);
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            writes.add(write(pet, "shelter", shelterId, "name", names.get(i), "weightKg", weights.get(i),
                    "caretakerName.firstName", names.get(i)));
        }
        // One batch: every createdAt is the same transaction timestamp, so createdAt is all ties.
        List<ObjectNode> created = store.createMany(pet, writes, Actor.apiKey("t"), Projection.DEFAULT);
        for (int i = 0; i < created.size(); i++) {
            pets.add(new Pet(FindManyTest.id(created.get(i)), names.get(i), weights.get(i)));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    /** An order to test: its request items and the same order as a Java comparator over seeded pets. */
    record Case(String label, List<OrderItem> order, java.util.Comparator<Pet> expected) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        for (OrderDirection direction : OrderDirection.values()) {
            cases.add(new Case("weightKg " + direction, Requests.orderBy(pet(), order(pet(), "weightKg", direction)),
                    by(Pet::weight, direction)));
        }
        cases.add(new Case("name AscNullsLast, weightKg DescNullsFirst",
                Requests.orderBy(pet(), order(pet(), "name", OrderDirection.AscNullsLast), order(pet(), "weightKg", OrderDirection.DescNullsFirst)),
                by(Pet::name, OrderDirection.AscNullsLast).thenComparing(by(Pet::weight, OrderDirection.DescNullsFirst))));
        cases.add(new Case("name DescNullsFirst, weightKg AscNullsLast",
                Requests.orderBy(pet(), order(pet(), "name", OrderDirection.DescNullsFirst), order(pet(), "weightKg", OrderDirection.AscNullsLast)),
                by(Pet::name, OrderDirection.DescNullsFirst).thenComparing(by(Pet::weight, OrderDirection.AscNullsLast))));
        cases.add(new Case("caretakerName.firstName DescNullsLast",
                Requests.orderBy(pet(), order(pet(), "caretakerName.firstName", OrderDirection.DescNullsLast)),
                by(Pet::name, OrderDirection.DescNullsLast)));
        cases.add(new Case("createdAt DescNullsFirst (all equal)",
                Requests.orderBy(pet(), order(pet(), "createdAt", OrderDirection.DescNullsFirst)), (a, b) -> 0));
        List<Arguments> arguments = new ArrayList<>();
        for (Case c : cases) {
            for (int limit : new int[] {1, 2, 5}) {
                arguments.add(Arguments.of(c, limit));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}, limit {1}")
    @MethodSource("cases")
    void walksForwardsThroughEveryRecordOnce(Case c, int limit) {
        List<UUID> expected = expected(c);
        List<UUID> seen = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        for (int pageNumber = 0; ; pageNumber++) {
            RecordPage page = store.findMany(Requests.findMany(pet, Optional.empty(), c.order(), limit, after, Optional.empty(),
                    Projection.DEFAULT));
            assertEquals(pageNumber > 0, page.hasPreviousPage(), "hasPreviousPage on page " + pageNumber);
            assertEquals(pets.size(), page.totalCount());
            seen.addAll(ids(page));
            if (!page.hasNextPage()) {
                break;
            }
            after = page.endCursor();
            assertTrue(pageNumber < pets.size(), "pagination does not end");
        }
        assertEquals(expected, seen);
    }

    @ParameterizedTest(name = "{0}, limit {1}")
    @MethodSource("cases")
    void walksBackwardsThroughEveryRecordOnce(Case c, int limit) {
        List<UUID> expected = expected(c);
        // Start before the last record: the cursor of a one-record page after the second-to-last one.
        Cursor last = cursorOf(c, expected.get(expected.size() - 1));
        List<UUID> seen = new ArrayList<>();
        Optional<Cursor> before = Optional.of(last);
        for (int pageNumber = 0; ; pageNumber++) {
            RecordPage page = store.findMany(Requests.findMany(pet, Optional.empty(), c.order(), limit, Optional.empty(), before,
                    Projection.DEFAULT));
            assertTrue(page.hasNextPage(), "the cursor's own record follows every backward page");
            seen.addAll(0, ids(page));
            if (!page.hasPreviousPage()) {
                break;
            }
            before = page.startCursor();
            assertTrue(pageNumber < pets.size(), "pagination does not end");
        }
        assertEquals(expected.subList(0, expected.size() - 1), seen);
    }

    @Test
    void endingBeforeReturnsTheLastRecordsBeforeTheCursorInRequestedOrder() {
        // The contract's example: 4 records, ending_before=<endCursor of a page of 4>&limit=2 gives [1], [2].
        ObjectType person = db.workspace().require("person");
        List<ObjectNode> people = store.createMany(person, List.of(
                write(person, "name.firstName", "P0"), write(person, "name.firstName", "P1"),
                write(person, "name.firstName", "P2"), write(person, "name.firstName", "P3")), Actor.apiKey("t"), Projection.DEFAULT);
        List<OrderItem> byFirstName = Requests.orderBy(person, order(person, "name.firstName", OrderDirection.AscNullsFirst));
        RecordPage four = store.findMany(Requests.findMany(person, Optional.empty(), byFirstName, 4, Optional.empty(), Optional.empty(),
                Projection.DEFAULT));
        RecordPage previous = store.findMany(Requests.findMany(person, Optional.empty(), byFirstName, 2, Optional.empty(),
                four.endCursor(), Projection.DEFAULT));
        assertEquals(List.of(FindManyTest.id(people.get(1)), FindManyTest.id(people.get(2))), ids(previous));
        assertTrue(previous.hasPreviousPage());
        assertTrue(previous.hasNextPage());
        assertEquals(4, previous.totalCount());
        assertEquals(previous.records().get(0).get("id").asText(), previous.startCursor().orElseThrow().values().get(1).toString());
    }

    @Test
    void paginatesAFilteredListAndCountsTheWholeFilter() {
        Filter named = Requests.where(pet, "name", Comparator.IS, Filter.IsValue.NOT_NULL);
        List<OrderItem> order = Requests.orderBy(pet, order(pet, "weightKg", OrderDirection.AscNullsFirst));
        RecordPage first = store.findMany(Requests.findMany(pet, Optional.of(named), order, 5, Optional.empty(), Optional.empty(),
                Projection.DEFAULT));
        RecordPage second = store.findMany(Requests.findMany(pet, Optional.of(named), order, 5, first.endCursor(), Optional.empty(),
                Projection.DEFAULT));
        long namedCount = pets.stream().filter(p -> p.name() != null).count();
        assertEquals(namedCount, first.totalCount());
        assertEquals(namedCount, second.totalCount());
        assertEquals(namedCount, first.records().size() + second.records().size());
        assertFalse(second.hasNextPage());
        assertTrue(second.records().stream().noneMatch(r -> r.get("name").isNull()));
    }

    private static Cursor cursorOf(Case c, UUID id) {
        Optional<Cursor> after = Optional.empty();
        while (true) {
            RecordPage page = store.findMany(Requests.findMany(pet, Optional.empty(), c.order(), 5, after, Optional.empty(),
                    Projection.DEFAULT));
            List<UUID> ids = ids(page);
            if (ids.contains(id)) {
                return page.cursors().get(ids.indexOf(id));
            }
            after = page.endCursor();
        }
    }

    private static List<UUID> expected(Case c) {
        return pets.stream()
                .sorted(c.expected().thenComparing(p -> p.id().toString()))
                .map(Pet::id)
                .toList();
    }

    private static List<UUID> ids(RecordPage page) {
        return page.records().stream().map(FindManyTest::id).toList();
    }

    private static <T extends Comparable<T>> java.util.Comparator<Pet> by(Function<Pet, T> value, OrderDirection direction) {
        return (a, b) -> {
            T x = value.apply(a);
            T y = value.apply(b);
            if (x == null || y == null) {
                if (x == y) {
                    return 0;
                }
                return (x == null) == direction.nullsFirst() ? -1 : 1;
            }
            return direction.ascending() ? x.compareTo(y) : y.compareTo(x);
        };
    }

    private static ObjectType pet() {
        return TestDatabase.showcase().require("pet");
    }
}
