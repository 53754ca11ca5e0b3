package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.FindManyTest.id;
import static dev.crmschema.runtime.query.Requests.findMany;
import static dev.crmschema.runtime.query.Requests.order;
import static dev.crmschema.runtime.query.Requests.orderBy;
import static dev.crmschema.runtime.query.Requests.where;
import static dev.crmschema.runtime.query.Requests.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Page;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordWrite;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pages of related records for many parents in one statement ({@code RecordStore.findRelatedPages})
 * and per-parent aggregates ({@code aggregateRelated}): the same filter, order and keyset cursors as a
 * list read, applied per parent.
 */
class RelatedPagesTest {
    static TestDatabase db;
    static RecordStore store;
    static ObjectType pet;
    static Column shelterColumn;
    static UUID north;
    static UUID south;
    static UUID empty;

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        store = db.store();
        pet = db.workspace().require("pet");
        ObjectType shelter = db.workspace().require("shelter");
        shelterColumn = pet.field("shelter").orElseThrow().joinColumn().orElseThrow();
        Actor actor = Actor.apiKey("t");
        List<ObjectNode> shelters = store.createMany(shelter,
                List.of(write(shelter, "name", "North"), write(shelter, "name", "South"), write(shelter, "name", "Empty")), actor,
                Projection.DEFAULT);
        north = id(shelters.get(0));
        south = id(shelters.get(1));
        empty = id(shelters.get(2));
        List<RecordWrite> pets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pets.add(write(pet, "name", "n" + i, "shelter", north, "weightKg", (double) i));
        }
        pets.add(write(pet, "name", "s0", "shelter", south, "weightKg", 1.0));
        pets.add(write(pet, "name", "gone", "shelter", south, "weightKg", 9.0));
        List<ObjectNode> created = store.createMany(pet, pets, actor, Projection.DEFAULT);
        store.deleteOne(pet, id(created.get(6)), Projection.DEFAULT);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Map<UUID, RecordPage> pages(Optional<Filter> filter, int limit, Optional<Cursor> after, Optional<Cursor> before) {
        List<OrderItem> byName = orderBy(pet, order(pet, "name", OrderDirection.AscNullsFirst));
        return store.findRelatedPages(findMany(pet, filter, byName, limit, after, before, Projection.DEFAULT), shelterColumn,
                List.of(north, south, empty));
    }

    private static List<String> names(RecordPage page) {
        return page.records().stream().map(r -> r.get("name").asText()).toList();
    }

    @Test
    void everyParentGetsItsOwnPageCountAndFlagsFromOneStatement() {
        db.resetStatements();
        Map<UUID, RecordPage> pages = pages(Optional.empty(), 2, Optional.empty(), Optional.empty());
        assertEquals(1, db.statements().size(), db.statements().toString());
        assertEquals(List.of("n0", "n1"), names(pages.get(north)));
        assertEquals(5, pages.get(north).totalCount());
        assertTrue(pages.get(north).hasNextPage());
        assertFalse(pages.get(north).hasPreviousPage());
        assertEquals(List.of("s0"), names(pages.get(south)), "the soft-deleted pet is hidden");
        assertEquals(1, pages.get(south).totalCount());
        assertFalse(pages.get(south).hasNextPage());
        assertEquals(List.of(), names(pages.get(empty)));
        assertEquals(0, pages.get(empty).totalCount());
    }

    @Test
    void cursorsPageEachParentForwardAndBackward() {
        Cursor afterN1 = pages(Optional.empty(), 2, Optional.empty(), Optional.empty()).get(north).endCursor().orElseThrow();
        Map<UUID, RecordPage> next = pages(Optional.empty(), 2, Optional.of(afterN1), Optional.empty());
        assertEquals(List.of("n2", "n3"), names(next.get(north)));
        assertTrue(next.get(north).hasPreviousPage());
        assertTrue(next.get(north).hasNextPage());
        assertEquals(5, next.get(north).totalCount(), "the count ignores the cursor");
        assertEquals(List.of("s0"), names(next.get(south)), "s0 sorts after n1 in every parent");
        assertFalse(next.get(south).hasPreviousPage(), "nothing of South lies before n1");

        Cursor beforeN3 = next.get(north).endCursor().orElseThrow();
        Map<UUID, RecordPage> back = pages(Optional.empty(), 2, Optional.empty(), Optional.of(beforeN3));
        assertEquals(List.of("n1", "n2"), names(back.get(north)), "the last two before the cursor, in order");
        assertTrue(back.get(north).hasPreviousPage());
        assertTrue(back.get(north).hasNextPage());
        assertEquals(List.of(), names(back.get(south)));
        assertTrue(back.get(south).hasNextPage(), "s0 lies beyond the cursor");
        assertEquals(1, back.get(south).totalCount(), "a parent with nothing on this side of the cursor still has its count");
    }

    @Test
    void pagesThatAreNotCountedGetTheSameRecordsAndFlagsWithoutTheCount() {
        List<OrderItem> byName = orderBy(pet, order(pet, "name", OrderDirection.AscNullsFirst));
        db.resetStatements();
        Map<UUID, RecordPage> first = store.findRelatedPages(new FindManyRequest(pet, Optional.empty(), byName,
                new Page(2, Optional.empty(), Optional.empty()), Projection.DEFAULT, false), shelterColumn, List.of(north, south, empty));
        assertFalse(db.statements().get(0).contains("count("), "a first page not counted only ranks: " + db.statements());
        assertEquals(List.of("n0", "n1"), names(first.get(north)));
        assertTrue(first.get(north).hasNextPage());
        assertFalse(first.get(north).hasPreviousPage());
        assertEquals(List.of("s0"), names(first.get(south)));
        assertFalse(first.get(south).hasNextPage());
        assertEquals(List.of(), names(first.get(empty)));

        Cursor afterN1 = first.get(north).endCursor().orElseThrow();
        Map<UUID, RecordPage> next = store.findRelatedPages(new FindManyRequest(pet, Optional.empty(), byName,
                new Page(2, Optional.of(afterN1), Optional.empty()), Projection.DEFAULT, false), shelterColumn, List.of(north, south));
        assertEquals(List.of("n2", "n3"), names(next.get(north)));
        assertTrue(next.get(north).hasPreviousPage());
        assertTrue(next.get(north).hasNextPage());
        assertEquals(List.of("s0"), names(next.get(south)));
        assertFalse(next.get(south).hasPreviousPage());
    }

    @Test
    void filtersApplyPerParentAndAggregatesGroupByParent() {
        Optional<Filter> heavy = Optional.of(where(pet, "weightKg", Comparator.GTE, 1.0));
        Map<UUID, RecordPage> pages = pages(heavy, 10, Optional.empty(), Optional.empty());
        assertEquals(List.of("n1", "n2", "n3", "n4"), names(pages.get(north)));
        assertEquals(List.of("s0"), names(pages.get(south)));

        Aggregate sum = new Aggregate(Aggregate.Operation.SUM, pet.field("weightKg").orElseThrow());
        Aggregate empties = new Aggregate(Aggregate.Operation.COUNT_EMPTY, pet.field("birthday").orElseThrow());
        db.resetStatements();
        Map<UUID, Map<Aggregate, Object>> aggregates = store.aggregateRelated(pet, shelterColumn, List.of(north, south, empty), heavy,
                List.of(sum, empties));
        assertEquals(1, db.statements().size());
        assertEquals(0, new BigDecimal("10").compareTo((BigDecimal) aggregates.get(north).get(sum)));
        assertEquals(4, aggregates.get(north).get(empties));
        assertEquals(1, aggregates.get(south).get(empties));
        assertNull(aggregates.get(empty).get(sum));
        assertEquals(0, aggregates.get(empty).get(empties));
    }
}
