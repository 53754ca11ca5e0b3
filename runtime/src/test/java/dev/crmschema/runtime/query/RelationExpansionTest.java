package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.FindManyTest.id;
import static dev.crmschema.runtime.query.FindManyTest.keys;
import static dev.crmschema.runtime.query.Requests.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** depth=1 in both relation directions, loaded with one query per relation for the whole page. */
class RelationExpansionTest {
    static final Projection DEPTH_1 = new Projection(1, Optional.empty());

    static TestDatabase db;
    static RecordStore store;
    static ObjectType pet;
    static ObjectType shelter;
    static ObjectType person;
    static UUID northId;
    static UUID bigId;
    static UUID annId;
    static UUID rexId;
    static UUID goneAdopterPetId;
    static List<UUID> bigShelterPets;

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        store = db.store();
        pet = db.workspace().require("pet");
        shelter = db.workspace().require("shelter");
        person = db.workspace().require("person");
        ObjectType visit = db.workspace().require("visit");
        Actor actor = Actor.apiKey("t");
        List<ObjectNode> shelters = store.createMany(shelter,
                List.of(write(shelter, "name", "North"), write(shelter, "name", "Big")), actor, Projection.DEFAULT);
        northId = id(shelters.get(0));
        bigId = id(shelters.get(1));
        List<ObjectNode> people = store.createMany(person,
                List.of(write(person, "name.firstName", "Ann"), write(person, "name.firstName", "Gone")), actor, Projection.DEFAULT);
        annId = id(people.get(0));
        UUID goneId = id(people.get(1));
        List<ObjectNode> pets = store.createMany(pet, List.of(
                write(pet, "name", "Rex", "shelter", northId, "adopter", annId, "position", 1.0),
                write(pet, "name", "Mia", "shelter", northId, "adopter", annId, "position", 2.0),
                write(pet, "name", "Tom", "shelter", northId, "adopter", goneId, "position", 3.0),
                write(pet, "name", "Old", "shelter", northId, "position", 4.0)), actor, Projection.DEFAULT);
        rexId = id(pets.get(0));
        goneAdopterPetId = id(pets.get(2));
        store.deleteOne(pet, id(pets.get(3)), Projection.DEFAULT);
        store.deleteOne(person, goneId, Projection.DEFAULT);
        List<ObjectNode> visits = store.createMany(visit, List.of(
                write(visit, "name", "checkup", "pet", rexId, "position", 1.0), write(visit, "name", "vaccine", "pet", rexId, "position", 2.0),
                write(visit, "name", "deleted", "pet", rexId, "position", 0.5)), actor, Projection.DEFAULT);
        store.deleteOne(visit, id(visits.get(2)), Projection.DEFAULT);
        List<RecordWrite> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add(write(pet, "name", "big-" + i, "shelter", bigId));
        }
        bigShelterPets = store.createMany(pet, many, actor, Projection.DEFAULT).stream().map(FindManyTest::id).toList();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void manyToOneRelationsBecomeObjectsAndOneToManyBecomeArrays() {
        ObjectNode rex = store.findOne(pet, rexId, DEPTH_1);
        assertEquals(northId.toString(), rex.get("shelterId").asText());
        assertEquals("North", rex.get("shelter").get("name").asText());
        assertEquals(annId.toString(), rex.get("adopter").get("id").asText());
        assertEquals("Ann", rex.get("adopter").get("name").get("firstName").asText());
        assertEquals(List.of("checkup", "vaccine"), names(rex.get("visits")), "soft-deleted visits are left out");
        JsonNode related = rex.get("shelter");
        assertFalse(related.has("pets"), "related records are depth 0");
        assertTrue(rex.get("visits").get(0).has("petId"));
        assertFalse(rex.get("visits").get(0).has("pet"));
        List<String> keys = keys(rex);
        assertEquals(keys.indexOf("shelterId") + 1, keys.indexOf("shelter"), "the object follows its join column");
    }

    @Test
    void softDeletedRelatedRecordsAreNull() {
        ObjectNode tom = store.findOne(pet, goneAdopterPetId, DEPTH_1);
        assertFalse(tom.get("adopterId").isNull());
        assertTrue(tom.get("adopter").isNull());
    }

    @Test
    void oneToManyArraysExcludeSoftDeletedAndFollowPosition() {
        ObjectNode north = store.findOne(shelter, northId, DEPTH_1);
        assertEquals(List.of("Rex", "Mia", "Tom"), names(north.get("pets")));
        assertFalse(north.get("pets").get(0).has("visits"));
    }

    @Test
    void oneToManyArraysAreCappedPerParent() {
        ObjectNode big = store.findOne(shelter, bigId, DEPTH_1);
        assertEquals(RecordStore.MAX_RELATED_RECORDS, big.get("pets").size());
        List<String> expected = bigShelterPets.stream().map(UUID::toString).sorted().limit(RecordStore.MAX_RELATED_RECORDS).toList();
        assertEquals(expected, StreamSupport.stream(big.get("pets").spliterator(), false).map(p -> p.get("id").asText()).toList(),
                "equal positions fall back to id order");
    }

    @Test
    void aPageLoadsEachRelationWithOneQueryWhateverItsSizeAndAllOfThemInOneStatement() {
        // pet has three relations: shelter, adopter (MANY_TO_ONE) and visits (ONE_TO_MANY).
        for (int limit : new int[] {1, 3, 60}) {
            db.resetStatements();
            RecordPage page = store.findMany(Requests.findMany(pet, Optional.empty(), Requests.orderBy(pet), limit, Optional.empty(),
                    Optional.empty(), DEPTH_1));
            assertEquals(limit, page.records().size());
            // A MANY_TO_ONE relation with no join values on the page needs no query at all.
            int relationQueries = 2 + (page.records().stream().anyMatch(r -> !r.get("adopterId").isNull()) ? 1 : 0);
            List<String> statements = db.statements();
            assertEquals(3, statements.size(), "count, page and the relations' queries sent together: " + statements);
            assertEquals(relationQueries, statements.get(2).split("= any \\(", -1).length - 1,
                    "one query per relation: " + statements.get(2));
            assertEquals(relationQueries, statements.get(2).split(";\n").length);
        }
        db.resetStatements();
        RecordPage shelters = store.findMany(
                Requests.findMany(shelter, Optional.empty(), Requests.orderBy(shelter), 10, Optional.empty(), Optional.empty(), DEPTH_1));
        assertEquals(2, shelters.records().size());
        assertEquals(2 + 1, db.statements().size(), "shelter has one relation (pets): " + db.statements());
    }

    @Test
    void depthZeroRunsNoRelationQueries() {
        db.resetStatements();
        store.findMany(Requests.findMany(pet, Optional.empty(), Requests.orderBy(pet), 10, Optional.empty(), Optional.empty(),
                Projection.DEFAULT));
        assertEquals(2, db.statements().size());
    }

    @Test
    void withFieldsOnlyTheListedRelationsExpand() {
        Projection projection = new Projection(1, Optional.of(Set.of("name", "shelter")));
        db.resetStatements();
        RecordPage page = store.findMany(Requests.findMany(pet,
                Optional.of(Requests.where(pet, "id", Comparator.EQ, rexId)), Requests.orderBy(pet), 10, Optional.empty(), Optional.empty(),
                projection));
        assertEquals(List.of("id", "name", "shelterId", "shelter"), keys(page.records().get(0)));
        // A filter of just the id reads by id and counts that row: no count statement.
        assertEquals(2, db.statements().size(), "the page and the shelter query only");
    }

    @Test
    void writesReturnExpandedRecordsToo() {
        ObjectNode updated = store.updateOne(pet, rexId, write(pet, "nickname", "Rexy"), DEPTH_1);
        assertEquals("Rexy", updated.get("nickname").asText());
        assertEquals("North", updated.get("shelter").get("name").asText());
        assertEquals(2, updated.get("visits").size());
    }

    @Test
    void orderedPagesKeepTheirRelationsAligned() {
        RecordPage page = store.findMany(Requests.findMany(pet,
                Optional.of(Requests.where(pet, "shelterId", Comparator.EQ, northId)),
                Requests.orderBy(pet, Requests.order(pet, "position", OrderDirection.DescNullsLast)), 10, Optional.empty(), Optional.empty(),
                DEPTH_1));
        assertEquals(List.of("Tom", "Mia", "Rex"), page.records().stream().map(r -> r.get("name").asText()).toList());
        for (ObjectNode record : page.records()) {
            assertEquals(record.get("shelterId").asText(), record.get("shelter").get("id").asText());
        }
        assertEquals(Map.of("Tom", 0, "Mia", 0, "Rex", 2), Map.of(
                "Tom", page.records().get(0).get("visits").size(),
                "Mia", page.records().get(1).get("visits").size(),
                "Rex", page.records().get(2).get("visits").size()));
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("name").asText()).toList();
    }
}
