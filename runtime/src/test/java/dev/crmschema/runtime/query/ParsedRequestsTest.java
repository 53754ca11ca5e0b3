package dev.crmschema.runtime.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.CursorCodec;
import dev.crmschema.runtime.request.FilterParser;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.FindManyRequestBuilder;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordBodyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store fed by the request package's real parsers, as the REST layer will do it: JSON bodies in,
 * the same JSON out; filter and order_by strings; cursors encoded to strings and decoded again.
 */
class ParsedRequestsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RecordBodyParser BODIES = new RecordBodyParser();
    static final CursorCodec CURSORS = new CursorCodec();

    static TestDatabase db;
    static RecordStore store;
    static ObjectType pet;
    static ObjectType shelter;
    String shelterId;

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
    void emptyTables() throws Exception {
        db.truncateAll();
        shelterId = store.createMany(shelter, List.of(BODIES.parseCreate(shelter, JSON.readTree("{\"name\":\"Home\"}"))),
                Actor.apiKey("k"), Projection.DEFAULT).get(0).get("id").asText();
    }

    @Test
    void everyFieldTypeComesBackInTheFormItWasSent() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"name": "Rex", "weightKg": 30.5, "vaccinationCount": 3, "adoptionFee": 150.5, "isAdopted": true,
                 "arrivedAt": "2024-01-01T10:00:00.000Z", "birthday": "2020-01-15", "kennelOrder": 1.5,
                 "traits": {"mood": "playful", "scores": [1, 2.5]}, "tags": ["a", "b"],
                 "bio": {"blocknote": "[]", "markdown": "# Rex"}, "species": "CAT", "colors": ["BLACK", "WHITE"],
                 "friendliness": "RATING_5", "monthlyCost": {"amountMicros": 1500000000, "currencyCode": "EUR"},
                 "caretakerName": {"firstName": "Ann", "lastName": "Smith"},
                 "ownerEmails": {"primaryEmail": "a@x.io", "additionalEmails": ["b@x.io"]},
                 "vetPhones": {"primaryPhoneNumber": "612345678", "primaryPhoneCountryCode": "FR",
                               "primaryPhoneCallingCode": "+33", "additionalPhones": []},
                 "profileLinks": {"primaryLinkUrl": "https://rex.example", "primaryLinkLabel": "",
                                  "secondaryLinks": [{"url": "https://x.example", "label": "x"}]},
                 "foundAt": {"addressStreet1": "1 Main St", "addressStreet2": null, "addressCity": "Paris",
                             "addressState": null, "addressCountry": "FR", "addressPostcode": "75001",
                             "addressLat": 48.85, "addressLng": 2.35}}
                """);
        body.put("shelterId", shelterId);
        ObjectNode created = store.createMany(pet, BODIES.parseCreateBatch(pet, JSON.createArrayNode().add(body)), Actor.apiKey("k"),
                Projection.DEFAULT).get(0);
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            assertEquals(entry.getValue().toString(), created.get(entry.getKey()).toString(), entry.getKey());
        }
        ObjectNode read = store.findOne(pet, UUID.fromString(created.get("id").asText()), Projection.DEFAULT);
        assertEquals(created, read);

        ObjectNode updated = store.updateOne(pet, UUID.fromString(created.get("id").asText()),
                BODIES.parseUpdate(pet, JSON.readTree("{\"monthlyCost\": {\"amountMicros\": 99}, \"tags\": []}")), Projection.DEFAULT);
        assertEquals("{\"amountMicros\":99,\"currencyCode\":\"EUR\"}", updated.get("monthlyCost").toString());
        assertEquals("[]", updated.get("tags").toString());
    }

    @Test
    void parsedFiltersSelectTheExpectedRecords() throws Exception {
        createPets("""
                [{"name": "Rex", "species": "DOG", "weightKg": 30, "colors": ["BLACK"]},
                 {"name": "Mia", "species": "CAT", "weightKg": 4, "colors": ["WHITE", "GINGER"]},
                 {"name": "Kiwi", "species": "BIRD", "ownerEmails": {"primaryEmail": "kiwi@x.io"}}]
                """);
        assertEquals(List.of("Rex"), names(list("species[in]:[DOG,BIRD],weightKg[gte]:10", null)));
        assertEquals(List.of("Kiwi", "Mia"), names(list("or(colors[containsAny]:[GINGER],ownerEmails.primaryEmail[ilike]:\"%KIWI%\")",
                "name")));
        assertEquals(List.of("Rex", "Mia"), names(list("not(weightKg[is]:NULL)", "name[DescNullsLast]")));
    }

    @Test
    void encodedCursorsWalkEqualTimestampsForwardsAndBackwards() throws Exception {
        // Two batches: each shares one createdAt (its transaction's time, with microseconds).
        List<String> first = ids(createPets("[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\"},{\"name\":\"d\"}]"));
        List<String> second = ids(createPets("[{\"name\":\"e\"},{\"name\":\"f\"},{\"name\":\"g\"}]"));
        List<String> expected = new ArrayList<>(second.stream().sorted().toList());
        expected.addAll(first.stream().sorted().toList());

        List<String> forwards = new ArrayList<>();
        String after = null;
        while (true) {
            FindManyRequest request = new FindManyRequestBuilder(pet).orderBy("createdAt[DescNullsFirst]").limit("2")
                    .startingAfter(after).build();
            RecordPage page = store.findMany(request);
            forwards.addAll(ids(page.records()));
            if (!page.hasNextPage()) {
                break;
            }
            after = CURSORS.encode(request.order(), page.endCursor().orElseThrow());
        }
        assertEquals(expected, forwards);

        List<String> backwards = new ArrayList<>();
        FindManyRequest all = new FindManyRequestBuilder(pet).orderBy("createdAt[DescNullsFirst]").build();
        String before = CURSORS.encode(all.order(), store.findMany(all).endCursor().orElseThrow());
        while (true) {
            FindManyRequest request = new FindManyRequestBuilder(pet).orderBy("createdAt[DescNullsFirst]").limit("3")
                    .endingBefore(before).build();
            RecordPage page = store.findMany(request);
            backwards.addAll(0, ids(page.records()));
            assertTrue(page.hasNextPage());
            if (!page.hasPreviousPage()) {
                break;
            }
            before = CURSORS.encode(request.order(), page.startCursor().orElseThrow());
        }
        assertEquals(expected.subList(0, expected.size() - 1), backwards);
    }

    @Test
    void upsertFromParsedBodiesMatchesOnTheUniqueEmail() throws Exception {
        String id = ids(createPets("[{\"name\":\"Rex\",\"ownerEmails\":{\"primaryEmail\":\"o@x.io\"}}]")).get(0);
        List<ObjectNode> upserted = store.upsertMany(pet, BODIES.parseCreateBatch(pet, JSON.readTree(
                "[{\"ownerEmails\":{\"primaryEmail\":\"o@x.io\"},\"nickname\":\"R\"}]")), Actor.apiKey("k"), Projection.DEFAULT);
        assertEquals(id, upserted.get(0).get("id").asText());
        assertEquals("R", upserted.get(0).get("nickname").asText());
        assertFalse(upserted.get(0).get("name").isNull());
    }

    private List<ObjectNode> createPets(String json) throws Exception {
        JsonNode array = JSON.readTree(json);
        array.forEach(node -> ((ObjectNode) node).put("shelterId", shelterId));
        return store.createMany(pet, BODIES.parseCreateBatch(pet, array), Actor.apiKey("k"), Projection.DEFAULT);
    }

    private static List<ObjectNode> list(String filter, String orderBy) {
        return store.findMany(new FindManyRequestBuilder(pet, new FilterParser()).filter(filter).orderBy(orderBy).build()).records();
    }

    private static List<String> names(List<ObjectNode> records) {
        return records.stream().map(r -> r.get("name").asText()).toList();
    }

    private static List<String> ids(List<ObjectNode> records) {
        return records.stream().map(r -> r.get("id").asText()).toList();
    }
}
