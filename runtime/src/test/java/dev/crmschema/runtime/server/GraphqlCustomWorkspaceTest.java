package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Graphql.map;
import static dev.crmschema.runtime.server.Graphql.nodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core GraphQL API of the custom workspace {@code shelter} (the showcase model, with every field
 * type and both relation kinds) over HTTP: every field type written and read back, filters and
 * aggregates per type, relations nested three levels, and the same mutations as on standard objects.
 */
class GraphqlCustomWorkspaceTest {
    private static final String PET_FIELDS = """
            id name nickname weightKg vaccinationCount adoptionFee isAdopted arrivedAt birthday kennelOrder traits tags
            bio { markdown blocknote } species colors friendliness
            monthlyCost { amountMicros currencyCode } caretakerName { firstName lastName }
            ownerEmails { primaryEmail additionalEmails }
            vetPhones { primaryPhoneNumber primaryPhoneCountryCode primaryPhoneCallingCode additionalPhones }
            profileLinks { primaryLinkUrl primaryLinkLabel secondaryLinks }
            foundAt { addressCity addressLat addressLng } lastCheckedBy { source name } createdBy { source name }
            shelterId adopterId position createdAt updatedAt deletedAt""";

    private static TestServer server;
    private static Graphql shelter;
    private static String northId;
    private static String southId;

    @BeforeAll
    static void start() {
        server = new TestServer();
        shelter = new Graphql(server, server.shelterKey);
        JsonNode shelters = shelter.data("mutation { createShelters(data: [{name: \"North\", city: \"Lille\", capacity: 40}, "
                + "{name: \"South\", city: \"Nice\", capacity: 10}]) { id } }").path("createShelters");
        northId = shelters.get(0).path("id").asText();
        southId = shelters.get(1).path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> rex(String name, String shelterId) {
        return map("name", name, "nickname", "Rexy", "weightKg", new BigDecimal("12.5"), "vaccinationCount", 3,
                "adoptionFee", new BigDecimal("120.50"), "isAdopted", false, "arrivedAt", "2026-01-02T03:04:05.000Z",
                "birthday", "2020-05-06", "kennelOrder", 2, "traits", map("likes", List.of("balls")), "tags", List.of("friendly", "loud"),
                "bio", map("markdown", "# Rex"), "species", "DOG", "colors", List.of("BLACK", "WHITE"), "friendliness", "RATING_4",
                "monthlyCost", map("amountMicros", 45000000, "currencyCode", "EUR"),
                "caretakerName", map("firstName", "Jo", "lastName", "Doe"),
                "ownerEmails", map("primaryEmail", name.toLowerCase() + "@example.com", "additionalEmails", List.of("r@x.io")),
                "vetPhones", map("primaryPhoneNumber", "612345678", "primaryPhoneCountryCode", "FR", "primaryPhoneCallingCode", "+33",
                        "additionalPhones", List.of()),
                "profileLinks", map("primaryLinkUrl", "https://rex.dog/", "primaryLinkLabel", "site",
                        "secondaryLinks", List.of(map("url", "https://x.com/rex", "label", "x"))),
                "foundAt", map("addressCity", "Lyon", "addressLat", 45.76, "addressLng", 4.83),
                "lastCheckedBy", map("source", "MANUAL"),
                "shelterId", shelterId);
    }

    @Test
    void everyFieldTypeIsWrittenAndReadBack() {
        JsonNode created = shelter.data("mutation($data: PetCreateInput!) { createPet(data: $data) { " + PET_FIELDS + " } }",
                "data", rex("Rex", northId)).path("createPet");
        assertEquals(12.5, created.path("weightKg").asDouble());
        assertEquals(3, created.path("vaccinationCount").asInt());
        assertEquals(new BigDecimal("120.5"), created.path("adoptionFee").decimalValue());
        assertEquals("2026-01-02T03:04:05.000Z", created.path("arrivedAt").asText());
        assertEquals("2020-05-06", created.path("birthday").asText());
        assertEquals("balls", created.path("traits").path("likes").get(0).asText());
        assertEquals(List.of("friendly", "loud"), List.of(created.path("tags").get(0).asText(), created.path("tags").get(1).asText()));
        assertEquals("DOG", created.path("species").asText());
        assertEquals("WHITE", created.path("colors").get(1).asText());
        assertEquals("RATING_4", created.path("friendliness").asText());
        assertEquals(45000000L, created.path("monthlyCost").path("amountMicros").asLong());
        assertEquals("r@x.io", created.path("ownerEmails").path("additionalEmails").get(0).asText());
        assertEquals("https://rex.dog", created.path("profileLinks").path("primaryLinkUrl").asText());
        assertEquals("https://x.com/rex", created.path("profileLinks").path("secondaryLinks").get(0).path("url").asText());
        assertEquals(45.76, created.path("foundAt").path("addressLat").asDouble());
        assertEquals("MANUAL", created.path("lastCheckedBy").path("source").asText());
        assertEquals("API", created.path("createdBy").path("source").asText());
        assertEquals(northId, created.path("shelterId").asText());
        assertTrue(created.path("adopterId").isNull());

        JsonNode read = shelter.data("query($id: UUID) { pet(filter: {id: {eq: $id}}) { " + PET_FIELDS + " medicalVector } }",
                "id", created.path("id").asText()).path("pet");
        JsonNode withoutVector = read.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutVector).remove("medicalVector");
        assertEquals(created, withoutVector);
        assertTrue(read.has("medicalVector"));
    }

    @Test
    void filtersWorkOnEveryKindOfValue() {
        shelter.data("mutation($a: PetCreateInput!, $b: PetCreateInput!) { a: createPet(data: $a) { id } b: createPet(data: $b) { id } }",
                "a", rex("Kind", northId),
                "b", map("name", "KindCat", "species", "CAT", "colors", List.of("GINGER"), "isAdopted", true, "weightKg", 4,
                        "birthday", "2023-01-01", "adoptionFee", 15, "monthlyCost", map("amountMicros", 1000000, "currencyCode", "USD"),
                        "traits", map("shy", true), "shelterId", southId));
        String query = "query($filter: PetFilterInput) { pets(filter: $filter, orderBy: [{name: AscNullsFirst}]) { totalCount edges { node { name } } } }";
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"colors\":{\"containsAny\":[\"GINGER\",\"BROWN\"]}}", List.of("KindCat"));
        cases.put("{\"species\":{\"in\":[\"CAT\",\"BIRD\"]}}", List.of("KindCat"));
        cases.put("{\"species\":{\"eq\":\"DOG\"},\"name\":{\"startsWith\":\"Kind\"}}", List.of("Kind"));
        cases.put("{\"isAdopted\":{\"eq\":true}}", List.of("KindCat"));
        cases.put("{\"name\":{\"startsWith\":\"Kind\"},\"weightKg\":{\"gt\":5.5}}", List.of("Kind"));
        cases.put("{\"name\":{\"startsWith\":\"Kind\"},\"adoptionFee\":{\"lte\":15}}", List.of("KindCat"));
        cases.put("{\"name\":{\"startsWith\":\"Kind\"},\"birthday\":{\"lt\":\"2021-01-01\"}}", List.of("Kind"));
        cases.put("{\"name\":{\"startsWith\":\"Kind\"},\"arrivedAt\":{\"lt\":\"2026-06-01T00:00:00Z\"}}", List.of("Kind"));
        cases.put("{\"monthlyCost\":{\"currencyCode\":{\"eq\":\"USD\"}}}", List.of("KindCat"));
        cases.put("{\"name\":{\"startsWith\":\"Kind\"},\"monthlyCost\":{\"amountMicros\":{\"gt\":2000000}}}", List.of("Kind"));
        cases.put("{\"traits\":{\"like\":\"%shy%\"}}", List.of("KindCat"));
        cases.put("{\"name\":{\"startsWith\":\"Kind\"},\"tags\":{\"is\":\"NULL\"}}", List.of("KindCat"));
        cases.put("{\"ownerEmails\":{\"primaryEmail\":{\"eq\":\"kind@example.com\"}}}", List.of("Kind"));
        cases.put("{\"name\":{\"startsWith\":\"Kind\"},\"friendliness\":{\"neq\":\"RATING_4\"}}", List.of("KindCat"));
        cases.put("{\"lastCheckedBy\":{\"source\":{\"eq\":\"MANUAL\"}},\"name\":{\"startsWith\":\"Kind\"}}", List.of("Kind"));
        cases.put("{\"shelterId\":{\"eq\":\"" + southId + "\"},\"name\":{\"startsWith\":\"Kind\"}}", List.of("KindCat"));
        for (Map.Entry<String, List<String>> filter : cases.entrySet()) {
            // Other tests create pets too: only this test's pets count.
            JsonNode pets = shelter.data(query, "filter", TestServer.json("{\"and\":[" + filter.getKey()
                    + ",{\"name\":{\"startsWith\":\"Kind\"}}]}")).path("pets");
            assertEquals(filter.getValue(), nodes(pets, "name"), filter.getKey());
        }
        // The GraphQL-only operators (containsIlike, isEmptyArray, containsJsonb, search) have GraphqlFilterOperatorsTest.
        shelter.error("BAD_USER_INPUT", "INVALID_ARGS_FILTER", null, query, "filter",
                TestServer.json("{\"species\":{\"isEmptyArray\":true}}"));
    }

    @Test
    void aggregatesCoverEveryKindOfField() {
        shelter.data("mutation($a: PetCreateInput!, $b: PetCreateInput!, $c: PetCreateInput!) { "
                        + "a: createPet(data: $a) { id } b: createPet(data: $b) { id } c: createPet(data: $c) { id } }",
                "a", rex("Sum1", northId),
                "b", map("name", "Sum2", "weightKg", new BigDecimal("7.5"), "birthday", "2022-03-04", "adoptionFee", new BigDecimal("0.25"),
                        "isAdopted", true, "colors", List.of(), "monthlyCost", map("amountMicros", 5000000, "currencyCode", "EUR"),
                        "shelterId", northId),
                "c", map("name", "Sum3", "shelterId", southId));
        JsonNode pets = shelter.data("""
                { pets(filter: {name: {startsWith: "Sum"}}) {
                    totalCount sumWeightKg avgWeightKg minBirthday maxBirthday sumAdoptionFee maxAdoptionFee
                    countTrueIsAdopted countFalseIsAdopted countEmptyColors countUniqueValuesSpecies countNotEmptyTags
                    sumMonthlyCostAmountMicros maxMonthlyCostAmountMicros countEmptyCaretakerName countEmptyTraits
                    percentageEmptyBirthday countUniqueValuesFriendliness countEmptySearchVector minArrivedAt
                } }""").path("pets");
        assertEquals(3, pets.path("totalCount").asInt());
        assertEquals(20.0, pets.path("sumWeightKg").asDouble());
        assertEquals(10.0, pets.path("avgWeightKg").asDouble());
        assertEquals("2020-05-06", pets.path("minBirthday").asText());
        assertEquals("2022-03-04", pets.path("maxBirthday").asText());
        assertEquals(120.75, pets.path("sumAdoptionFee").asDouble());
        assertEquals(120.5, pets.path("maxAdoptionFee").asDouble());
        assertEquals(1, pets.path("countTrueIsAdopted").asInt());
        assertEquals(2, pets.path("countFalseIsAdopted").asInt());
        assertEquals(1, pets.path("countEmptyColors").asInt(), "an empty array is empty; the default BROWN is not");
        assertEquals(1, pets.path("countUniqueValuesSpecies").asInt());
        assertEquals(1, pets.path("countNotEmptyTags").asInt());
        assertEquals(50000000.0, pets.path("sumMonthlyCostAmountMicros").asDouble());
        assertEquals(45000000.0, pets.path("maxMonthlyCostAmountMicros").asDouble());
        assertEquals(2, pets.path("countEmptyCaretakerName").asInt());
        assertEquals(2, pets.path("countEmptyTraits").asInt());
        assertEquals(1.0 / 3, pets.path("percentageEmptyBirthday").asDouble(), 1e-9);
        assertEquals(2, pets.path("countUniqueValuesFriendliness").asInt());
        assertEquals(0, pets.path("countEmptySearchVector").asInt());
        assertFalse(pets.path("minArrivedAt").isNull());

        JsonNode perShelter = shelter.data("""
                { shelters(filter: {name: {in: ["North", "South"]}}, orderBy: [{name: AscNullsFirst}]) { edges { node { name
                    pets(filter: {name: {startsWith: "Sum"}}) { totalCount sumWeightKg countTrueIsAdopted maxBirthday }
                } } } }""").path("shelters").path("edges");
        JsonNode north = perShelter.get(0).path("node").path("pets");
        JsonNode south = perShelter.get(1).path("node").path("pets");
        assertEquals(2, north.path("totalCount").asInt());
        assertEquals(20.0, north.path("sumWeightKg").asDouble());
        assertEquals(1, north.path("countTrueIsAdopted").asInt());
        assertEquals("2022-03-04", north.path("maxBirthday").asText());
        assertEquals(1, south.path("totalCount").asInt());
        assertTrue(south.path("sumWeightKg").isNull());
        assertEquals(0, south.path("countTrueIsAdopted").asInt());
    }

    @Test
    void relationsNestThreeLevelsInBothDirections() {
        String adopter = shelter.data("mutation { createPerson(data: {name: {firstName: \"Ada\", lastName: \"Adopter\"}}) { id } }")
                .path("createPerson").path("id").asText();
        String petId = shelter.data("mutation($data: PetCreateInput!) { createPet(data: $data) { id } }",
                "data", map("name", "Deep", "shelterId", northId, "adopter", map("connect", map("where", map("id", adopter)))))
                .path("createPet").path("id").asText();
        shelter.data("mutation($pet: ID) { createVisits(data: [{name: \"first\", petId: $pet, position: 2}, {name: \"second\", petId: $pet, position: 1}]) { id } }",
                "pet", petId);
        JsonNode person = shelter.data("""
                query($id: UUID) { person(filter: {id: {eq: $id}}) {
                  name { firstName }
                  adoptedPets { totalCount edges { node { name
                    shelter { name pets(filter: {name: {eq: "Deep"}}) { totalCount } }
                    visits(orderBy: [{position: AscNullsFirst}]) { edges { node { name pet { adopter { name { lastName } } } } } }
                  } } }
                } }""", "id", adopter).path("person");
        JsonNode deep = person.path("adoptedPets").path("edges").get(0).path("node");
        assertEquals(1, person.path("adoptedPets").path("totalCount").asInt());
        assertEquals("North", deep.path("shelter").path("name").asText());
        assertEquals(1, deep.path("shelter").path("pets").path("totalCount").asInt());
        assertEquals(List.of("second", "first"), nodes(deep.path("visits"), "name"));
        assertEquals("Adopter", deep.path("visits").path("edges").get(0).path("node").path("pet").path("adopter").path("name").path("lastName")
                .asText());

        JsonNode disconnected = shelter.data("mutation($id: UUID!) { updatePet(id: $id, data: {adopter: {disconnect: true}}) { adopterId adopter { id } } }",
                "id", petId).path("updatePet");
        assertTrue(disconnected.path("adopterId").isNull());
        assertTrue(disconnected.path("adopter").isNull());
    }

    @Test
    void everyQueryAndMutationWorksOnACustomObject() {
        JsonNode created = shelter.data("mutation { createShelters(data: [{name: \"Cycle0\", capacity: 5}, {name: \"Cycle1\", capacity: 7}, "
                + "{name: \"Cycle2\", capacity: 9}]) { id } }").path("createShelters");
        String first = created.get(0).path("id").asText();
        String page = "query($after: String, $before: String, $first: Int, $last: Int) { shelters(filter: {name: {startsWith: \"Cycle\"}}, "
                + "orderBy: [{capacity: DescNullsLast}], first: $first, last: $last, after: $after, before: $before) "
                + "{ totalCount edges { node { name } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }";
        JsonNode top = shelter.data(page, "first", 2).path("shelters");
        assertEquals(List.of("Cycle2", "Cycle1"), nodes(top, "name"));
        JsonNode rest = shelter.data(page, "first", 2, "after", top.path("pageInfo").path("endCursor").asText()).path("shelters");
        assertEquals(List.of("Cycle0"), nodes(rest, "name"));
        assertFalse(rest.path("pageInfo").path("hasNextPage").asBoolean());
        assertEquals(List.of("Cycle2", "Cycle1"), nodes(shelter.data(page, "last", 2, "before", rest.path("pageInfo").path("startCursor").asText())
                .path("shelters"), "name"));
        shelter.error("BAD_USER_INPUT", "ARGS_CONFLICT", "Cannot provide both first and last", page, "first", 1, "last", 1);
        assertEquals("Cycle0", shelter.data("query($id: UUID) { shelter(filter: {id: {eq: $id}}) { name } }", "id", first)
                .path("shelter").path("name").asText());

        assertEquals(6, shelter.data("mutation($id: UUID!) { updateShelter(id: $id, data: {capacity: 6}) { capacity } }", "id", first)
                .path("updateShelter").path("capacity").asInt());
        assertEquals(3, shelter.data("mutation { updateShelters(data: {city: \"Metz\"}, filter: {name: {startsWith: \"Cycle\"}}) { city } }")
                .path("updateShelters").size());
        assertFalse(shelter.data("mutation($id: UUID!) { deleteShelter(id: $id) { deletedAt } }", "id", first)
                .path("deleteShelter").path("deletedAt").isNull());
        assertEquals(2, shelter.data("{ shelters(filter: {name: {startsWith: \"Cycle\"}}) { totalCount } }").path("shelters").path("totalCount").asInt());
        assertTrue(shelter.data("mutation($id: UUID!) { restoreShelter(id: $id) { deletedAt } }", "id", first)
                .path("restoreShelter").path("deletedAt").isNull());
        assertEquals(3, shelter.data("mutation { deleteShelters(filter: {city: {eq: \"Metz\"}}) { id } }").path("deleteShelters").size());
        assertEquals(3, shelter.data("mutation { restoreShelters(filter: {city: {eq: \"Metz\"}}) { id } }").path("restoreShelters").size());
        assertEquals("Cycle0", shelter.data("mutation($id: UUID!) { destroyShelter(id: $id) { name } }", "id", first)
                .path("destroyShelter").path("name").asText());
        shelter.error("NOT_FOUND", "RECORD_NOT_FOUND", "Record not found", "mutation($id: UUID!) { restoreShelter(id: $id) { id } }", "id", first);
        assertEquals(2, shelter.data("mutation { destroyShelters(filter: {city: {eq: \"Metz\"}}) { id } }").path("destroyShelters").size());

        shelter.data("mutation { createPets(data: [{name: \"Dup\", shelterId: \"" + northId + "\"}, "
                + "{name: \"Dup\", shelterId: \"" + southId + "\"}]) { id } }");
        JsonNode duplicates = shelter.data("{ petDuplicates(data: [{name: \"Dup\"}]) { totalCount edges { node { shelterId } } } }")
                .path("petDuplicates");
        assertEquals(2, duplicates.get(0).path("totalCount").asInt());
    }

    @Test
    void customObjectsTakeTheSameMutationsAndRules() {
        JsonNode upserted = shelter.data("mutation($data: [PetCreateInput!]!) { createPets(data: $data, upsert: true) { id name nickname } }",
                "data", List.of(map("name", "Twin", "ownerEmails", map("primaryEmail", "twin@example.com"), "shelterId", northId),
                        map("name", "Twin", "nickname", "again", "ownerEmails", map("primaryEmail", "twin@example.com"), "shelterId", northId)))
                .path("createPets");
        assertEquals(upserted.get(0).path("id").asText(), upserted.get(1).path("id").asText(), "matched on the unique e-mail");
        assertEquals("again", upserted.get(1).path("nickname").asText());

        shelter.error("BAD_USER_INPUT", "INVALID_QUERY_INPUT", "A non-empty filter is required",
                "mutation { deletePets(filter: {name: null}) { id } }");
        assertEquals(1, shelter.data("mutation { deletePets(filter: {name: {eq: \"Twin\"}}) { id } }").path("deletePets").size());
        assertEquals(0, shelter.data("{ pets(filter: {name: {eq: \"Twin\"}}) { totalCount } }").path("pets").path("totalCount").asInt());
        assertEquals(1, shelter.data("{ pets(filter: {name: {eq: \"Twin\"}, deletedAt: {is: NOT_NULL}}) { totalCount } }")
                .path("pets").path("totalCount").asInt());
        assertEquals(1, shelter.data("mutation { destroyPets(filter: {name: {eq: \"Twin\"}}) { id } }").path("destroyPets").size());
        shelter.error("GRAPHQL_VALIDATION_FAILED", null, null, "mutation { createPet(data: {name: \"Bad\", species: PURPLE}) { id } }");
    }
}
