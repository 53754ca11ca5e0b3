package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.Requests.and;
import static dev.crmschema.runtime.query.Requests.or;
import static dev.crmschema.runtime.query.Requests.where;
import static dev.crmschema.runtime.query.Requests.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.OrderDirection;
import dev.crmschema.runtime.request.Projection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Filters, soft-delete visibility, counts, projection and the JSON forms of list and single reads. */
class FindManyTest {
    static TestDatabase db;
    static RecordStore store;
    static ObjectType pet;
    static UUID northId;
    static UUID southId;
    static UUID rexId;
    static UUID ghostId;

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        store = db.store();
        pet = db.workspace().require("pet");
        ObjectType shelter = db.workspace().require("shelter");
        List<ObjectNode> shelters = store.createMany(shelter,
                List.of(write(shelter, "name", "North"), write(shelter, "name", "South")), Actor.apiKey("seed"), Projection.DEFAULT);
        northId = id(shelters.get(0));
        southId = id(shelters.get(1));
        List<ObjectNode> pets = store.createMany(pet, List.of(
                write(pet, "name", "Rex", "shelter", northId, "species", "DOG", "colors", List.of("BLACK"),
                        "tags", List.of("good", "big"), "weightKg", 30.5, "vaccinationCount", 3,
                        "adoptionFee", new BigDecimal("150.50"), "isAdopted", false, "birthday", LocalDate.parse("2020-01-15"),
                        "arrivedAt", OffsetDateTime.parse("2024-01-01T10:00:00Z"), "traits", Map.of("mood", "playful"),
                        "ownerEmails.primaryEmail", "rex@example.com", "ownerEmails.additionalEmails", List.of("r2@example.com"),
                        "monthlyCost.amountMicros", new BigDecimal("50000000"), "monthlyCost.currencyCode", "USD",
                        "caretakerName.firstName", "Ann", "caretakerName.lastName", "Smith"),
                write(pet, "name", "Mia", "shelter", northId, "species", "CAT", "colors", List.of("WHITE", "GINGER"),
                        "tags", List.of("indoor"), "weightKg", 4.2, "vaccinationCount", 1,
                        "adoptionFee", new BigDecimal("80"), "isAdopted", true, "birthday", LocalDate.parse("2021-06-01"),
                        "arrivedAt", OffsetDateTime.parse("2024-02-01T10:00:00Z"), "traits", Map.of("mood", "calm"),
                        "ownerEmails.primaryEmail", "mia@example.com",
                        "monthlyCost.amountMicros", new BigDecimal("20000000"),
                        "caretakerName.firstName", "bob", "caretakerName.lastName", "Jones"),
                write(pet, "name", "Tweety", "shelter", southId, "species", "BIRD",
                        "arrivedAt", OffsetDateTime.parse("2024-03-01T10:00:00Z"),
                        "caretakerName.lastName", "Adams"),
                write(pet, "name", "Max_100%", "shelter", southId, "species", "RABBIT", "weightKg", 2.0),
                write(pet, "name", "Maxine", "shelter", southId, "species", "RABBIT", "weightKg", 2.5),
                write(pet, "name", "Ghost", "shelter", southId, "species", "DOG")),
                Actor.apiKey("seed"), Projection.DEFAULT);
        rexId = id(pets.get(0));
        ghostId = id(pets.get(5));
        store.deleteOne(pet, ghostId, Projection.DEFAULT);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void listsLiveRecordsWithTotalCount() {
        RecordPage page = store.findMany(Requests.all(pet, Optional.empty()));
        assertEquals(Set.of("Rex", "Mia", "Tweety", "Max_100%", "Maxine"), names(page));
        assertEquals(5, page.totalCount());
        assertFalse(page.hasNextPage());
        assertFalse(page.hasPreviousPage());
    }

    @Test
    void totalCountCountsTheFilterIgnoringPagination() {
        Filter dogsAndCats = where(pet, "species", Comparator.IN, List.of("DOG", "CAT"));
        RecordPage page = store.findMany(Requests.findMany(pet, Optional.of(dogsAndCats), Requests.orderBy(pet), 1,
                Optional.empty(), Optional.empty(), Projection.DEFAULT));
        assertEquals(1, page.records().size());
        assertEquals(2, page.totalCount());
        assertTrue(page.hasNextPage());
    }

    @Test
    void everyPageSizeHasItsOwnStatementWithTheLimitWrittenIn() {
        // With a bound LIMIT, PostgreSQL would plan the page statement anew on every run.
        Filter notBirds = where(pet, "species", Comparator.IN, List.of("DOG", "CAT", "RABBIT"));
        for (int limit : List.of(1, 3, 2)) {
            db.resetStatements();
            RecordPage firstPage = store.findMany(Requests.findMany(pet, Optional.empty(), Requests.orderBy(pet), limit,
                    Optional.empty(), Optional.empty(), Projection.DEFAULT));
            RecordPage filtered = store.findMany(Requests.findMany(pet, Optional.of(notBirds), Requests.orderBy(pet), limit,
                    Optional.empty(), Optional.empty(), Projection.DEFAULT));
            assertEquals(limit, firstPage.records().size());
            assertEquals(limit, filtered.records().size());
            assertTrue(firstPage.hasNextPage() && filtered.hasNextPage());
            String limitClause = "fetch next " + (limit + 1) + " rows only";
            assertEquals(2, db.statements().stream().filter(sql -> sql.contains(limitClause)).count(), String.join("\n", db.statements()));
        }
    }

    @Test
    void softDeletedRecordsAreVisibleOnlyWhenTheFilterNamesDeletedAt() {
        assertFalse(names(find(where(pet, "name", Comparator.EQ, "Ghost"))).contains("Ghost"));
        assertEquals(Set.of("Ghost"), names(find(where(pet, "deletedAt", Comparator.IS, Filter.IsValue.NOT_NULL))));
        assertEquals(Set.of("Ghost"), names(find(new Filter.Not(where(pet, "deletedAt", Comparator.IS, Filter.IsValue.NULL)))));
        assertEquals(6, store.findMany(Requests.all(pet, Optional.of(or(
                where(pet, "deletedAt", Comparator.IS, Filter.IsValue.NULL),
                where(pet, "deletedAt", Comparator.IS, Filter.IsValue.NOT_NULL))))).totalCount());
    }

    @Test
    void findOneIsNotFoundForAbsentOrSoftDeletedRecords() {
        assertEquals("Rex", store.findOne(pet, rexId, Projection.DEFAULT).get("name").asText());
        ApiException deleted = assertThrows(ApiException.class, () -> store.findOne(pet, ghostId, Projection.DEFAULT));
        assertEquals(404, deleted.status());
        assertEquals("Record not found", deleted.getMessage());
        assertEquals(404, assertThrows(ApiException.class, () -> store.findOne(pet, UUID.randomUUID(), Projection.DEFAULT)).status());
    }

    @Test
    void equalityComparatorsOnEveryRepresentativeType() {
        assertEquals(Set.of("Rex"), names(find(where(pet, "name", Comparator.EQ, "Rex"))));
        assertEquals(Set.of("Rex"), names(find(where(pet, "id", Comparator.EQ, rexId))));
        assertEquals(Set.of("Mia"), names(find(where(pet, "species", Comparator.EQ, "CAT"))));
        assertEquals(Set.of("Mia"), names(find(where(pet, "isAdopted", Comparator.EQ, true))));
        assertEquals(Set.of("Rex"), names(find(where(pet, "birthday", Comparator.EQ, LocalDate.parse("2020-01-15")))));
        assertEquals(Set.of("Rex"), names(find(where(pet, "vaccinationCount", Comparator.EQ, 3))));
        assertEquals(Set.of("Mia"), names(find(where(pet, "adoptionFee", Comparator.EQ, new BigDecimal("80.00")))));
        assertEquals(Set.of("Mia"), names(find(where(pet, "arrivedAt", Comparator.EQ, OffsetDateTime.parse("2024-02-01T11:00:00+01:00")))));
        assertEquals(Set.of("Tweety", "Max_100%", "Maxine"), names(find(where(pet, "shelterId", Comparator.EQ, southId))));
        // neq follows SQL: records whose value is null are not "not equal".
        assertEquals(Set.of("Mia", "Tweety", "Max_100%", "Maxine"), names(find(where(pet, "species", Comparator.NEQ, "DOG"))));
        // vaccinationCount defaults to 0, so the records created without one are "not 3" too.
        assertEquals(Set.of("Mia", "Tweety", "Max_100%", "Maxine"), names(find(where(pet, "vaccinationCount", Comparator.NEQ, 3))));
    }

    @Test
    void listComparators() {
        assertEquals(Set.of("Rex", "Tweety"), names(find(where(pet, "name", Comparator.IN, List.of("Rex", "Tweety", "Nobody")))));
        assertEquals(Set.of("Max_100%", "Maxine", "Mia"), names(find(where(pet, "species", Comparator.IN, List.of("RABBIT", "CAT")))));
        assertEquals(Set.of("Rex", "Mia"), names(find(where(pet, "shelterId", Comparator.IN, List.of(northId)))));
        assertEquals(Set.of(), names(find(where(pet, "name", Comparator.IN, List.of()))));
        assertEquals(Set.of("Mia"), names(find(where(pet, "colors", Comparator.CONTAINS_ANY, List.of("GINGER")))));
        assertEquals(Set.of("Rex", "Mia"), names(find(where(pet, "colors", Comparator.CONTAINS_ANY, List.of("BLACK", "WHITE")))));
        assertEquals(Set.of("Rex"), names(find(where(pet, "tags", Comparator.CONTAINS_ANY, List.of("big", "small")))));
        assertEquals(Set.of("Rex", "Mia"), names(find(where(pet, "species", Comparator.CONTAINS_ANY, List.of("DOG", "CAT")))));
    }

    @Test
    void nullComparators() {
        assertEquals(Set.of("Tweety", "Max_100%", "Maxine"), names(find(where(pet, "birthday", Comparator.IS, Filter.IsValue.NULL))));
        assertEquals(Set.of("Rex", "Mia"), names(find(where(pet, "traits", Comparator.IS, Filter.IsValue.NOT_NULL))));
        assertEquals(Set.of("Rex", "Mia"), names(find(where(pet, "ownerEmails.primaryEmail", Comparator.IS, Filter.IsValue.NOT_NULL))));
        assertEquals(Set.of("Tweety", "Max_100%", "Maxine"), names(find(where(pet, "tags", Comparator.IS, Filter.IsValue.NULL))));
    }

    @Test
    void rangeComparators() {
        assertEquals(Set.of("Rex", "Mia", "Maxine"), names(find(where(pet, "weightKg", Comparator.GT, 2.0))));
        assertEquals(Set.of("Rex", "Mia", "Max_100%", "Maxine"), names(find(where(pet, "weightKg", Comparator.GTE, 2.0))));
        assertEquals(Set.of("Max_100%"), names(find(where(pet, "weightKg", Comparator.LT, 2.5))));
        assertEquals(Set.of("Max_100%", "Maxine"), names(find(where(pet, "weightKg", Comparator.LTE, 2.5))));
        assertEquals(Set.of("Mia"), names(find(where(pet, "birthday", Comparator.GT, LocalDate.parse("2020-12-31")))));
        assertEquals(Set.of("Rex", "Mia"), names(find(where(pet, "arrivedAt", Comparator.LT, OffsetDateTime.parse("2024-03-01T10:00:00Z")))));
        assertEquals(Set.of("Rex"), names(find(where(pet, "adoptionFee", Comparator.GTE, new BigDecimal("100")))));
        // Enum order is the options' order: DOG < CAT < BIRD < RABBIT.
        assertEquals(Set.of("Tweety", "Max_100%", "Maxine"), names(find(where(pet, "species", Comparator.GT, "CAT"))));
    }

    @Test
    void patternComparatorsTreatTheirOperandLiterallyExceptLikeWildcards() {
        assertEquals(Set.of("Max_100%"), names(find(where(pet, "name", Comparator.STARTS_WITH, "Max_"))));
        assertEquals(Set.of("Max_100%", "Maxine"), names(find(where(pet, "name", Comparator.STARTS_WITH, "Max"))));
        assertEquals(Set.of("Max_100%"), names(find(where(pet, "name", Comparator.ENDS_WITH, "0%"))));
        assertEquals(Set.of("Max_100%", "Maxine"), names(find(where(pet, "name", Comparator.LIKE, "Max%"))));
        assertEquals(Set.of(), names(find(where(pet, "name", Comparator.LIKE, "max%"))));
        assertEquals(Set.of("Max_100%", "Maxine"), names(find(where(pet, "name", Comparator.ILIKE, "max%"))));
        // like on jsonb matches the JSON text, as in the contract's rawJsonField[like]:"%test%".
        assertEquals(Set.of("Rex"), names(find(where(pet, "traits", Comparator.ILIKE, "%PLAYFUL%"))));
        assertEquals(Set.of("Rex"), names(find(where(pet, "ownerEmails.additionalEmails", Comparator.LIKE, "%r2@%"))));
    }

    @Test
    void compositeSubFieldFilters() {
        assertEquals(Set.of("Mia"), names(find(where(pet, "ownerEmails.primaryEmail", Comparator.EQ, "mia@example.com"))));
        assertEquals(Set.of("Rex"), names(find(where(pet, "monthlyCost.amountMicros", Comparator.GT, new BigDecimal("30000000")))));
        assertEquals(Set.of("Rex"), names(find(where(pet, "monthlyCost.currencyCode", Comparator.EQ, "USD"))));
        assertEquals(Set.of("Mia"), names(find(where(pet, "caretakerName.firstName", Comparator.ILIKE, "BO%"))));
    }

    @Test
    void conjunctions() {
        assertEquals(Set.of("Maxine"), names(find(and(
                where(pet, "species", Comparator.EQ, "RABBIT"), where(pet, "weightKg", Comparator.GT, 2.0)))));
        assertEquals(Set.of("Rex", "Tweety"), names(find(or(
                where(pet, "name", Comparator.EQ, "Rex"), where(pet, "species", Comparator.EQ, "BIRD")))));
        assertEquals(Set.of("Mia", "Tweety", "Max_100%", "Maxine"),
                names(find(new Filter.Not(where(pet, "name", Comparator.EQ, "Rex")))));
        assertEquals(Set.of(), names(find(new Filter.Or(List.of()))));
    }

    @Test
    void ordersByCompositeSubFieldWithExplicitNulls() {
        RecordPage page = store.findMany(Requests.findMany(pet, Optional.empty(),
                Requests.orderBy(pet, Requests.order(pet, "caretakerName.lastName", OrderDirection.AscNullsLast),
                        Requests.order(pet, "name", OrderDirection.DescNullsLast)),
                10, Optional.empty(), Optional.empty(), Projection.DEFAULT));
        assertEquals(List.of("Tweety", "Mia", "Rex", "Maxine", "Max_100%"), orderedNames(page));
        assertEquals(List.of("Adams", "Tweety", page.records().get(0).get("id").asText()), page.startCursor().orElseThrow().values()
                .stream().map(String::valueOf).toList());
    }

    @Test
    void fieldsProjectionKeepsOnlyListedFieldsAndId() {
        Projection projection = new Projection(0, Optional.of(Set.of("name", "ownerEmails", "shelter")));
        ObjectNode rex = store.findOne(pet, rexId, projection);
        assertEquals(List.of("id", "name", "ownerEmails", "shelterId"), keys(rex));
        assertEquals("rex@example.com", rex.get("ownerEmails").get("primaryEmail").asText());
    }

    @Test
    void searchVectorsAreOmittedUnlessRequested() {
        ObjectNode rex = store.findOne(pet, rexId, Projection.DEFAULT);
        assertFalse(rex.has("searchVector"));
        assertFalse(rex.has("medicalVector"));
        ObjectNode withVector = store.findOne(pet, rexId, new Projection(0, Optional.of(Set.of("searchVector"))));
        assertEquals(List.of("id", "searchVector"), keys(withVector));
        assertTrue(withVector.get("searchVector").asText().contains("'rex'"));
    }

    @Test
    void recordsUseTheContractsJsonForms() {
        ObjectNode rex = store.findOne(pet, rexId, Projection.DEFAULT);
        assertEquals(rexId.toString(), rex.get("id").asText());
        assertEquals("2024-01-01T10:00:00.000Z", rex.get("arrivedAt").asText());
        assertTrue(rex.get("createdAt").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
        assertEquals("2020-01-15", rex.get("birthday").asText());
        assertTrue(rex.get("weightKg").isDouble());
        assertEquals(30.5, rex.get("weightKg").asDouble());
        assertTrue(rex.get("vaccinationCount").isInt());
        assertEquals("150.5", rex.get("adoptionFee").toString());
        assertTrue(rex.get("isAdopted").isBoolean());
        assertEquals("{\"mood\":\"playful\"}", rex.get("traits").toString());
        assertEquals("[\"good\",\"big\"]", rex.get("tags").toString());
        assertEquals("[\"BLACK\"]", rex.get("colors").toString());
        assertEquals("DOG", rex.get("species").asText());
        assertEquals("RATING_3", rex.get("friendliness").asText());
        assertEquals("{\"amountMicros\":50000000,\"currencyCode\":\"USD\"}", rex.get("monthlyCost").toString());
        assertEquals("{\"firstName\":\"Ann\",\"lastName\":\"Smith\"}", rex.get("caretakerName").toString());
        assertEquals("{\"primaryEmail\":\"rex@example.com\",\"additionalEmails\":[\"r2@example.com\"]}", rex.get("ownerEmails").toString());
        assertEquals("{\"blocknote\":null,\"markdown\":null}", rex.get("bio").toString());
        assertEquals(northId.toString(), rex.get("shelterId").asText());
        assertTrue(rex.get("adopterId").isNull());
        assertFalse(rex.has("shelter"), "no relation objects at depth 0");
        assertFalse(rex.has("visits"), "no ONE_TO_MANY arrays at depth 0");
        assertEquals("{\"source\":\"API\",\"workspaceMemberId\":null,\"name\":\"seed\",\"context\":{}}", rex.get("createdBy").toString());
        assertEquals(pet.fields().stream()
                .filter(f -> !f.isOneToMany() && !f.kind().name().equals("TS_VECTOR"))
                .map(f -> f.joinColumn().map(c -> c.name()).orElse(f.name()))
                .toList(), keys(rex), "keys follow field order");
    }

    @Test
    void aCursorThatDoesNotFitTheOrderIsRejected() {
        ApiException e = assertThrows(ApiException.class, () -> store.findMany(Requests.findMany(pet, Optional.empty(),
                Requests.orderBy(pet), 2, Optional.of(new dev.crmschema.runtime.request.Cursor(List.of("Rex", rexId))), Optional.empty(),
                Projection.DEFAULT)));
        assertEquals(400, e.status());
        assertEquals(Optional.of("INVALID_CURSOR"), e.code());
    }

    private static RecordPage find(Filter filter) {
        return store.findMany(Requests.all(pet, Optional.of(filter)));
    }

    static UUID id(JsonNode record) {
        return UUID.fromString(record.get("id").asText());
    }

    static Set<String> names(RecordPage page) {
        Set<String> names = new LinkedHashSet<>();
        page.records().forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    static List<String> orderedNames(RecordPage page) {
        return page.records().stream().map(r -> r.get("name").asText()).toList();
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }
}
