package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.FindManyTest.id;
import static dev.crmschema.runtime.query.FindManyTest.names;
import static dev.crmschema.runtime.query.Requests.where;
import static dev.crmschema.runtime.query.Requests.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Create, update, soft delete, restore and destroy: defaults, limits, errors and transactions. */
class RecordWritesTest {
    static final Actor ACTOR = Actor.apiKey("Zapier key");

    static TestDatabase db;
    static RecordStore store;
    static ObjectType pet;
    static ObjectType shelter;
    UUID shelterId;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        store = db.store();
        pet = db.workspace().require("pet");
        shelter = db.workspace().require("shelter");
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void emptyTables() {
        db.truncateAll();
        shelterId = id(store.createMany(shelter, List.of(write(shelter, "name", "Home")), ACTOR, Projection.DEFAULT).get(0));
    }

    @Test
    void createFillsDatabaseDefaultsAndTheActor() {
        ObjectNode rex = store.createMany(pet, List.of(write(pet, "name", "Rex", "shelter", shelterId)), ACTOR, Projection.DEFAULT).get(0);
        assertEquals(4, UUID.fromString(rex.get("id").asText()).version(), "the database generated a random id");
        assertEquals("DOG", rex.get("species").asText());
        assertEquals("[\"BROWN\"]", rex.get("colors").toString());
        assertEquals("RATING_3", rex.get("friendliness").asText());
        assertEquals("{\"amountMicros\":0,\"currencyCode\":\"EUR\"}", rex.get("monthlyCost").toString());
        assertEquals(0, rex.get("vaccinationCount").asInt());
        assertFalse(rex.get("isAdopted").asBoolean());
        assertEquals("", rex.get("nickname").asText());
        assertEquals(rex.get("createdAt").asText(), rex.get("updatedAt").asText());
        assertTrue(rex.get("deletedAt").isNull());
        assertEquals("{\"source\":\"API\",\"workspaceMemberId\":null,\"name\":\"Zapier key\",\"context\":{}}", rex.get("createdBy").toString());
    }

    @Test
    void createKeepsWhatTheInputGivesAndFillsTheRestOfCreatedBy() {
        UUID id = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        ObjectNode rex = store.createMany(pet, List.of(write(pet, "id", id, "name", "Rex", "shelter", shelterId,
                "createdBy.source", "IMPORT")), Actor.member(member, "Jane Doe"), Projection.DEFAULT).get(0);
        assertEquals(id.toString(), rex.get("id").asText());
        assertEquals("IMPORT", rex.get("createdBy").get("source").asText());
        assertEquals(member.toString(), rex.get("createdBy").get("workspaceMemberId").asText());
        assertEquals("Jane Doe", rex.get("createdBy").get("name").asText());
    }

    @Test
    void createManyReturnsRecordsInInputOrderWhateverColumnsEachGives() {
        List<ObjectNode> created = store.createMany(pet, List.of(
                write(pet, "name", "A", "shelter", shelterId, "species", "CAT"),
                write(pet, "name", "B", "shelter", shelterId, "weightKg", 3.0),
                write(pet, "shelter", shelterId, "name", "C", "tags", List.of("x"))), ACTOR, Projection.DEFAULT);
        assertEquals(List.of("A", "B", "C"), created.stream().map(r -> r.get("name").asText()).toList());
        assertEquals("CAT", created.get(0).get("species").asText());
        assertEquals("DOG", created.get(1).get("species").asText(), "a column another input sets still gets its default");
        assertEquals(3.0, created.get(1).get("weightKg").asDouble());
        assertTrue(created.get(0).get("weightKg").isNull());
    }

    @Test
    void aUniqueViolationIsADuplicateEntry() {
        UUID id = UUID.randomUUID();
        store.createMany(pet, List.of(write(pet, "id", id, "name", "Rex", "shelter", shelterId, "ownerEmails.primaryEmail", "o@x.io")),
                ACTOR, Projection.DEFAULT);
        assertBadRequest("A duplicate entry was detected", () -> store.createMany(pet,
                List.of(write(pet, "name", "Rex 2", "shelter", shelterId, "ownerEmails.primaryEmail", "o@x.io")), ACTOR, Projection.DEFAULT));
        assertBadRequest("A duplicate entry was detected", () -> store.createMany(pet,
                List.of(write(pet, "id", id, "name", "Rex 3", "shelter", shelterId)), ACTOR, Projection.DEFAULT));
    }

    @Test
    void aBatchWithOneBadRecordChangesNothing() {
        store.createMany(pet, List.of(write(pet, "name", "Rex", "shelter", shelterId, "ownerEmails.primaryEmail", "o@x.io")),
                ACTOR, Projection.DEFAULT);
        assertBadRequest("A duplicate entry was detected", () -> store.createMany(pet, List.of(
                write(pet, "name", "Fine 1", "shelter", shelterId),
                write(pet, "name", "Fine 2", "shelter", shelterId),
                write(pet, "name", "Clash", "shelter", shelterId, "ownerEmails.primaryEmail", "o@x.io")), ACTOR, Projection.DEFAULT));
        assertBadRequest("Field 'shelter' is required", () -> store.createMany(pet, List.of(
                write(pet, "name", "Fine 3", "shelter", shelterId),
                write(pet, "name", "No shelter")), ACTOR, Projection.DEFAULT));
        assertEquals(Set.of("Rex"), allNames());
    }

    @Test
    void otherDatabaseErrorsBecomeSafeBadRequests() {
        assertBadRequest("A related record does not exist", () -> store.createMany(pet,
                List.of(write(pet, "name", "Lost", "shelter", UUID.randomUUID())), ACTOR, Projection.DEFAULT));
        assertBadRequest("Invalid input value", () -> store.createMany(pet,
                List.of(write(pet, "name", "Odd", "shelter", shelterId, "species", "LIZARD")), ACTOR, Projection.DEFAULT));
        ObjectType visit = db.workspace().require("visit");
        UUID rex = createPet("Rex");
        store.createMany(visit, List.of(write(visit, "name", "checkup", "pet", rex)), ACTOR, Projection.DEFAULT);
        ObjectType member = db.workspace().require("workspaceMember");
        UUID vet = id(store.createMany(member, List.of(write(member, "name.firstName", "Vet")), ACTOR, Projection.DEFAULT).get(0));
        store.createMany(visit, List.of(write(visit, "name", "by vet", "pet", rex, "vet", vet)), ACTOR, Projection.DEFAULT);
        // visit.vet is ON DELETE RESTRICT.
        assertBadRequest("The record is still referenced by other records", () -> store.destroyOne(member, vet, Projection.DEFAULT));
    }

    @Test
    void updateOneSetsOnlyTheGivenValuesAndUpdatedAt() {
        ObjectNode before = store.createMany(pet, List.of(write(pet, "name", "Rex", "shelter", shelterId, "weightKg", 10.0)), ACTOR,
                Projection.DEFAULT).get(0);
        UUID rex = id(before);
        ObjectNode after = store.updateOne(pet, rex, write(pet, "weightKg", 12.5, "caretakerName.firstName", "Ann"), Projection.DEFAULT);
        assertEquals(12.5, after.get("weightKg").asDouble());
        assertEquals("Ann", after.get("caretakerName").get("firstName").asText());
        assertTrue(after.get("caretakerName").get("lastName").isNull());
        assertEquals("Rex", after.get("name").asText());
        assertEquals(before.get("createdAt"), after.get("createdAt"));
        assertTrue(Instant.parse(after.get("updatedAt").asText()).isAfter(Instant.parse(before.get("updatedAt").asText())));
        assertEquals(404, assertThrows(ApiException.class,
                () -> store.updateOne(pet, UUID.randomUUID(), write(pet, "name", "x"), Projection.DEFAULT)).status());
        store.deleteOne(pet, rex, Projection.DEFAULT);
        assertEquals(404, assertThrows(ApiException.class, () -> store.updateOne(pet, rex, write(pet, "name", "x"), Projection.DEFAULT))
                .status());
    }

    @Test
    void updateManyUpdatesTheLiveMatchingRecords() {
        createPets("a", 3);
        UUID deleted = createPet("a-deleted");
        store.deleteOne(pet, deleted, Projection.DEFAULT);
        List<ObjectNode> updated = store.updateMany(pet, where(pet, "name", Comparator.STARTS_WITH, "a"),
                write(pet, "isAdopted", true), Projection.DEFAULT);
        assertEquals(3, updated.size());
        assertTrue(updated.stream().allMatch(r -> r.get("isAdopted").asBoolean()));
        assertEquals(Set.of(), names(store.findMany(Requests.all(pet, Optional.of(where(pet, "isAdopted", Comparator.EQ, false))))));
    }

    @Test
    void bulkOperationsBeyondTwoHundredRecordsChangeNothing() {
        createPets("p", 201);
        Filter all = where(pet, "name", Comparator.STARTS_WITH, "p");
        assertBadRequest("Cannot update more than 200 records at once",
                () -> store.updateMany(pet, all, write(pet, "nickname", "changed"), Projection.DEFAULT));
        assertEquals(0, store.findMany(Requests.all(pet, Optional.of(where(pet, "nickname", Comparator.EQ, "changed")))).totalCount());
        assertBadRequest("Cannot delete more than 200 records at once", () -> store.deleteMany(pet, all, Projection.DEFAULT));
        assertBadRequest("Cannot destroy more than 200 records at once", () -> store.destroyMany(pet, all, Projection.DEFAULT));
        assertEquals(201, store.findMany(Requests.all(pet, Optional.of(all))).totalCount());

        ApiException e = assertThrows(ApiException.class, () -> store.updateMany(pet, all, write(pet, "nickname", "x"), Projection.DEFAULT));
        assertEquals(Optional.of("TOO_MANY_RECORDS_TO_UPDATE"), e.code());

        Filter twoHundred = Requests.and(all, where(pet, "name", Comparator.NEQ, "p-0"));
        assertEquals(200, store.updateMany(pet, twoHundred, write(pet, "nickname", "ok"), Projection.DEFAULT).size());
    }

    @Test
    void listLimitsAreClampedToTwoHundred() {
        createPets("p", 201);
        RecordPage page = store.findMany(Requests.findMany(pet, Optional.empty(), Requests.orderBy(pet), 1000, Optional.empty(),
                Optional.empty(), Projection.DEFAULT));
        assertEquals(RecordStore.MAX_PAGE_SIZE, page.records().size());
        assertTrue(page.hasNextPage());
        assertEquals(201, page.totalCount());
    }

    @Test
    void softDeleteRestoreAndDestroy() {
        UUID rex = createPet("Rex");
        UUID mia = createPet("Mia");
        UUID tom = createPet("Tom");
        ObjectNode deleted = store.deleteOne(pet, rex, Projection.DEFAULT);
        assertFalse(deleted.get("deletedAt").isNull());
        assertEquals(404, assertThrows(ApiException.class, () -> store.deleteOne(pet, rex, Projection.DEFAULT)).status(),
                "already deleted");
        assertEquals(Set.of("Mia", "Tom"), allNames());

        List<ObjectNode> many = store.deleteMany(pet, where(pet, "name", Comparator.IN, List.of("Mia", "Tom", "Rex")), Projection.DEFAULT);
        assertEquals(Set.of(mia.toString(), tom.toString()), Set.copyOf(many.stream().map(r -> r.get("id").asText()).toList()));
        assertEquals(Set.of(), allNames());

        assertTrue(store.restoreOne(pet, rex, Projection.DEFAULT).get("deletedAt").isNull());
        assertEquals(Set.of("Rex"), allNames());
        List<ObjectNode> restored = store.restoreMany(pet, where(pet, "id", Comparator.EQ, mia), Projection.DEFAULT);
        assertEquals(1, restored.size());
        assertEquals(Set.of("Rex", "Mia"), allNames());
        assertEquals(404, assertThrows(ApiException.class, () -> store.restoreOne(pet, UUID.randomUUID(), Projection.DEFAULT)).status());

        assertEquals("Rex", store.destroyOne(pet, rex, Projection.DEFAULT).get("name").asText());
        assertEquals(404, assertThrows(ApiException.class, () -> store.destroyOne(pet, rex, Projection.DEFAULT)).status());
        // Destroy also reaches soft-deleted records (Tom) without the filter naming deletedAt.
        List<ObjectNode> destroyed = store.destroyMany(pet, where(pet, "name", Comparator.IN, List.of("Mia", "Tom")), Projection.DEFAULT);
        assertEquals(2, destroyed.size());
        assertEquals(0, store.findMany(Requests.all(pet, Optional.of(Requests.or(
                where(pet, "deletedAt", Comparator.IS, Filter.IsValue.NULL),
                where(pet, "deletedAt", Comparator.IS, Filter.IsValue.NOT_NULL))))).totalCount());
    }

    @Test
    void upsertMatchesOnIdAndOnUniqueFields() {
        ObjectType person = db.workspace().require("person");
        UUID ann = id(store.createMany(person, List.of(write(person, "name.firstName", "Ann", "emails.primaryEmail", "ann@x.io")), ACTOR,
                Projection.DEFAULT).get(0));
        UUID bob = id(store.createMany(person, List.of(write(person, "name.firstName", "Bob", "emails.primaryEmail", "bob@x.io")), ACTOR,
                Projection.DEFAULT).get(0));

        List<ObjectNode> upserted = store.upsertMany(person, List.of(
                write(person, "id", ann, "jobTitle", "Vet"),
                write(person, "emails.primaryEmail", "bob@x.io", "jobTitle", "Nurse"),
                write(person, "name.firstName", "Cid", "emails.primaryEmail", "cid@x.io")), ACTOR, Projection.DEFAULT);

        assertEquals(ann.toString(), upserted.get(0).get("id").asText());
        assertEquals("Vet", upserted.get(0).get("jobTitle").asText());
        assertEquals("Ann", upserted.get(0).get("name").get("firstName").asText(), "an update keeps what the input leaves out");
        assertEquals(bob.toString(), upserted.get(1).get("id").asText());
        assertEquals("Nurse", upserted.get(1).get("jobTitle").asText());
        assertEquals("Cid", upserted.get(2).get("name").get("firstName").asText());
        assertEquals("Zapier key", upserted.get(2).get("createdBy").get("name").asText());
        assertEquals(3, store.findMany(Requests.all(person, Optional.empty())).totalCount());
    }

    @Test
    void upsertMatchesLiveRecordsOnAtomicUniqueFields() {
        UUID external = UUID.randomUUID();
        UUID rex = id(store.createMany(pet, List.of(write(pet, "name", "Rex", "shelter", shelterId, "externalId", external)), ACTOR,
                Projection.DEFAULT).get(0));
        ObjectNode updated = store.upsertMany(pet, List.of(write(pet, "externalId", external, "name", "Rex 2")), ACTOR,
                Projection.DEFAULT).get(0);
        assertEquals(rex.toString(), updated.get("id").asText());
        assertEquals(Set.of("Rex 2"), allNames());
    }

    @Test
    void upsertIgnoresSoftDeletedRecordsOnUniqueFieldsButRestoresThemById() {
        UUID external = UUID.randomUUID();
        UUID rex = id(store.createMany(pet, List.of(write(pet, "name", "Rex", "shelter", shelterId, "externalId", external)), ACTOR,
                Projection.DEFAULT).get(0));
        store.deleteOne(pet, rex, Projection.DEFAULT);
        // The deleted record no longer holds its unique value: a new record takes it.
        UUID newRex = id(store.upsertMany(pet, List.of(write(pet, "externalId", external, "name", "New Rex", "shelter", shelterId)),
                ACTOR, Projection.DEFAULT).get(0));
        assertFalse(newRex.equals(rex));
        // Two rows share the value now, one of them deleted: matching still finds exactly one.
        assertEquals(newRex.toString(), store.upsertMany(pet, List.of(write(pet, "externalId", external, "nickname", "again")), ACTOR,
                Projection.DEFAULT).get(0).get("id").asText());
        ObjectNode back = store.upsertMany(pet, List.of(write(pet, "id", rex, "name", "Old Rex", "externalId", UUID.randomUUID())),
                ACTOR, Projection.DEFAULT).get(0);
        assertEquals(rex.toString(), back.get("id").asText());
        assertTrue(back.get("deletedAt").isNull(), "an upsert on the id of a deleted record restores it");
        assertEquals(Set.of("New Rex", "Old Rex"), allNames());
    }

    @Test
    void upsertRefusesAnInputMatchingSeveralRecordsAndChangesNothing() {
        ObjectType person = db.workspace().require("person");
        UUID ann = id(store.createMany(person, List.of(write(person, "name.firstName", "Ann", "emails.primaryEmail", "ann@x.io")), ACTOR,
                Projection.DEFAULT).get(0));
        store.createMany(person, List.of(write(person, "name.firstName", "Bob", "emails.primaryEmail", "bob@x.io")), ACTOR,
                Projection.DEFAULT);
        ApiException e = assertThrows(ApiException.class, () -> store.upsertMany(person, List.of(
                write(person, "name.firstName", "Dan", "emails.primaryEmail", "dan@x.io"),
                write(person, "id", ann, "emails.primaryEmail", "bob@x.io")), ACTOR, Projection.DEFAULT));
        assertEquals(400, e.status());
        assertEquals(Optional.of("UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT"), e.code());
        assertEquals(2, store.findMany(Requests.all(person, Optional.empty())).totalCount(), "Dan was rolled back");
    }

    @Test
    void findDuplicatesByValuesAndByIds() {
        ObjectType person = db.workspace().require("person");
        List<ObjectNode> people = store.createMany(person, List.of(
                write(person, "name.firstName", "Ann", "name.lastName", "Smith", "emails.primaryEmail", "ann1@x.io"),
                write(person, "name.firstName", "Ann", "name.lastName", "Smith", "emails.primaryEmail", "ann2@x.io"),
                write(person, "name.firstName", "Ann", "name.lastName", "Jones", "emails.primaryEmail", "jones@x.io"),
                write(person, "name.firstName", "Ann", "name.lastName", "Smith", "emails.primaryEmail", "deleted@x.io")), ACTOR,
                Projection.DEFAULT);
        store.deleteOne(person, id(people.get(3)), Projection.DEFAULT);

        List<RecordPage> byValues = store.findDuplicates(person, List.of(
                write(person, "name.firstName", "Ann", "name.lastName", "Smith"),
                write(person, "emails.primaryEmail", "jones@x.io"),
                write(person, "name.firstName", "Ann")), Projection.DEFAULT);
        assertEquals(Set.of("ann1@x.io", "ann2@x.io"), emails(byValues.get(0)));
        assertEquals(2, byValues.get(0).totalCount());
        assertEquals(Set.of("jones@x.io"), emails(byValues.get(1)));
        assertEquals(Set.of(), emails(byValues.get(2)), "a partial criterion group matches nothing");

        List<RecordPage> byIds = store.findDuplicatesOfIds(person, List.of(id(people.get(0)), id(people.get(2))), Projection.DEFAULT);
        assertEquals(Set.of("ann2@x.io"), emails(byIds.get(0)), "the record itself is excluded");
        assertEquals(Set.of(), emails(byIds.get(1)));
    }

    private UUID createPet(String name) {
        return id(store.createMany(pet, List.of(write(pet, "name", name, "shelter", shelterId)), ACTOR, Projection.DEFAULT).get(0));
    }

    private void createPets(String prefix, int count) {
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(write(pet, "name", prefix + "-" + i, "shelter", shelterId));
        }
        store.createMany(pet, writes, ACTOR, Projection.DEFAULT);
    }

    private static Set<String> allNames() {
        return names(store.findMany(Requests.all(pet, Optional.empty())));
    }

    private static Set<String> emails(RecordPage page) {
        return Set.copyOf(page.records().stream().map(r -> r.get("emails").get("primaryEmail").asText()).toList());
    }

    private static void assertBadRequest(String message, Executable executable) {
        ApiException e = assertThrows(ApiException.class, executable);
        assertEquals(400, e.status());
        assertEquals("BadRequestException", e.error());
        assertEquals(message, e.getMessage());
    }
}
