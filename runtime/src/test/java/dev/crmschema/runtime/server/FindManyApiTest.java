package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.assertBadRequestContaining;
import static dev.crmschema.runtime.server.Api.body;
import static dev.crmschema.runtime.server.Api.data;
import static dev.crmschema.runtime.server.Api.query;
import static dev.crmschema.runtime.server.Api.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /rest/{plural}} over HTTP: the filter grammar with every comparator, ordering, keyset
 * pagination, limits, projection, depth and the soft-delete rule (reference contract, sections 1.3 to
 * 1.5, 1.7, 1.8 and 8). Filters run on pets of a shelter made for this class, on the showcase model, and
 * on companies named "Clamp …" in the standard model.
 */
@ExtendWith(SharedServer.class)
class FindManyApiTest {
    private static final String EXTERNAL_ID = "6dd71a46-8f7e-4c9b-9c4e-0a4c3c0b1a01";
    private static final int CLAMP_COMPANIES = 205;

    private static TestServer server;
    private static String shelterId;
    /** The pets of this class's shelter, by name. */
    private static final Map<String, String> PET_IDS = new java.util.TreeMap<>();
    /** The "Clamp" companies as created: id and employees (null every tenth). */
    private static final List<Company> COMPANIES = new ArrayList<>();

    private record Company(String id, Integer employees) {}

    @BeforeAll
    static void createRecords(TestServer shared) {
        server = shared;
        shelterId = data(server.send(server.shelterKey, "POST", "/rest/shelters", Map.of("name", "FindMany shelter")), 201,
                "createShelter").path("id").asText();
        String pets = """
                [{"name": "Alpha", "weightKg": 10, "vaccinationCount": 1, "adoptionFee": 100.50, "isAdopted": false,
                  "birthday": "2020-01-01", "arrivedAt": "2025-01-01T00:00:00Z", "tags": ["calm", "small"], "colors": ["BLACK"],
                  "species": "DOG", "friendliness": "RATING_5", "monthlyCost": {"amountMicros": 1000000, "currencyCode": "EUR"},
                  "caretakerName": {"firstName": "Jo", "lastName": "Smith"}, "ownerEmails": {"primaryEmail": "findmany-alpha@example.com"},
                  "vetPhones": {"primaryPhoneNumber": "612345678", "primaryPhoneCallingCode": "+33"},
                  "foundAt": {"addressCity": "Lyon"}, "traits": {"mood": "playful"}, "externalId": "%1$s", "shelterId": "%2$s"},
                 {"name": "Bravo", "vaccinationCount": 2, "isAdopted": true, "arrivedAt": "2025-02-01T00:00:00Z", "tags": ["loud"],
                  "colors": ["WHITE", "BROWN"], "species": "CAT", "friendliness": "RATING_3",
                  "monthlyCost": {"amountMicros": 2000000, "currencyCode": "USD"}, "caretakerName": {"firstName": "Ann", "lastName": "Lee"},
                  "ownerEmails": {"primaryEmail": "findmany-bravo@example.com"}, "foundAt": {"addressCity": "Paris"},
                  "traits": {"mood": "grumpy"}, "shelterId": "%2$s"},
                 {"name": "charlie", "weightKg": 5, "vaccinationCount": 3, "adoptionFee": 50, "isAdopted": false,
                  "birthday": "2021-06-15", "arrivedAt": "2025-03-01T00:00:00Z", "tags": ["calm"], "colors": ["GINGER"],
                  "species": "CAT", "friendliness": "RATING_4", "monthlyCost": {"amountMicros": 3000000, "currencyCode": "EUR"},
                  "caretakerName": {"firstName": "Jo", "lastName": "Brown"}, "ownerEmails": {"primaryEmail": "findmany-charlie@example.com"},
                  "foundAt": {"addressCity": "lyon"}, "shelterId": "%2$s"},
                 {"name": "Delta O'Brien", "weightKg": 10, "vaccinationCount": 4, "adoptionFee": 200, "isAdopted": false,
                  "birthday": "2019-12-31", "arrivedAt": "2025-04-01T00:00:00Z", "tags": [], "colors": ["BLACK", "WHITE"],
                  "species": "BIRD", "friendliness": "RATING_1", "monthlyCost": {"amountMicros": 0, "currencyCode": "EUR"},
                  "ownerEmails": {"primaryEmail": "findmany-delta@example.com"}, "shelterId": "%2$s"},
                 {"name": "Echo, Jr. (2)", "weightKg": 20, "vaccinationCount": 5, "adoptionFee": 300, "isAdopted": true,
                  "birthday": "2022-02-02", "arrivedAt": "2025-05-01T00:00:00Z", "colors": ["BROWN"], "species": "RABBIT",
                  "friendliness": "RATING_2", "shelterId": "%2$s"}]
                """.formatted(EXTERNAL_ID, shelterId);
        for (JsonNode pet : data(server.send(server.shelterKey, "POST", "/rest/batch/pets", pets), 201, "createPets")) {
            PET_IDS.put(pet.path("name").asText(), pet.path("id").asText());
        }
        assertEquals(5, PET_IDS.size());

        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < CLAMP_COMPANIES; i++) {
            batch.add(body("name", "Clamp %03d".formatted(i), "employees", i % 10 == 0 ? null : i % 7));
            if (batch.size() == 60 || i == CLAMP_COMPANIES - 1) {
                for (JsonNode company : data(server.send(server.acmeKey, "POST", "/rest/batch/companies", batch), 201, "createCompanies")) {
                    JsonNode employees = company.path("employees");
                    COMPANIES.add(new Company(company.path("id").asText(), employees.isNull() ? null : employees.asInt()));
                }
                batch.clear();
            }
        }
    }

    /** Names of this class's pets matching {@code filter}, sorted (filters are checked, not order). */
    private static List<String> pets(String filter) {
        TestServer.Reply reply = server.get(server.shelterKey, "/rest/pets"
                + query("filter", "and(shelterId[eq]:\"" + shelterId + "\"," + filter + ")"));
        return new ArrayList<>(new TreeSet<>(texts(data(reply, 200, "pets"), "name")));
    }

    private static List<String> sorted(String... names) {
        return new ArrayList<>(new TreeSet<>(List.of(names)));
    }

    @Test
    void everyComparatorOnEveryKindOfValue() {
        assertEquals(sorted("Alpha"), pets("name[eq]:\"Alpha\""));
        assertEquals(sorted("Bravo", "charlie", "Delta O'Brien", "Echo, Jr. (2)"), pets("name[neq]:\"Alpha\""));
        assertEquals(sorted("Alpha", "charlie"), pets("name[in]:[\"Alpha\",\"charlie\"]"));
        assertEquals(sorted("Alpha", "Bravo"), pets("name[lte]:\"Bravo\""));
        assertEquals(sorted("Alpha"), pets("name[lt]:\"B\""));
        assertEquals(sorted("Alpha"), pets("name[startsWith]:\"Al\""));
        assertEquals(sorted("Bravo"), pets("name[endsWith]:\"vo\""));
        assertEquals(sorted("Alpha", "charlie"), pets("name[like]:\"%ha%\""));
        assertEquals(List.of(), pets("name[like]:\"%HA%\""));
        assertEquals(sorted("Alpha", "charlie"), pets("name[ilike]:\"%HA%\""));
        assertEquals(List.of(), pets("name[is]:NULL"));
        assertEquals(5, pets("name[is]:NOT_NULL").size());

        assertEquals(sorted("Delta O'Brien", "Echo, Jr. (2)"), pets("vaccinationCount[gt]:3"));
        assertEquals(sorted("charlie", "Delta O'Brien", "Echo, Jr. (2)"), pets("vaccinationCount[gte]:3"));
        assertEquals(sorted("Alpha"), pets("vaccinationCount[lt]:2"));
        assertEquals(sorted("Alpha", "Bravo"), pets("vaccinationCount[lte]:2"));
        assertEquals(sorted("Alpha", "Delta O'Brien", "Echo, Jr. (2)"), pets("weightKg[gte]:10"));
        assertEquals(sorted("charlie"), pets("weightKg[lt]:7.5"));
        assertEquals(sorted("Bravo"), pets("weightKg[is]:NULL"));
        assertEquals(4, pets("weightKg[is]:\"NOT_NULL\"").size());
        assertEquals(sorted("Delta O'Brien", "Echo, Jr. (2)"), pets("adoptionFee[gt]:100.5"));
        assertEquals(sorted("Alpha", "charlie"), pets("adoptionFee[lte]:100.50"));
        assertEquals(sorted("Delta O'Brien"), pets("birthday[lt]:\"2020-01-01\""));
        assertEquals(sorted("charlie", "Echo, Jr. (2)"), pets("birthday[gte]:\"2021-01-01\""));
        assertEquals(sorted("charlie", "Delta O'Brien", "Echo, Jr. (2)"), pets("arrivedAt[gte]:\"2025-03-01T00:00:00Z\""));
        assertEquals(sorted("Alpha"), pets("arrivedAt[lt]:\"2025-02-01\""));

        assertEquals(sorted("Bravo", "Echo, Jr. (2)"), pets("isAdopted[eq]:true"));
        assertEquals(sorted("Alpha", "charlie", "Delta O'Brien"), pets("isAdopted[neq]:true"));
        assertEquals(sorted("Bravo", "charlie"), pets("species[eq]:CAT"));
        assertEquals(sorted("Delta O'Brien", "Echo, Jr. (2)"), pets("species[in]:[BIRD,RABBIT]"));
        assertEquals(4, pets("species[neq]:\"DOG\"").size());
        assertEquals(sorted("Alpha", "charlie"), pets("friendliness[in]:[\"RATING_5\",\"RATING_4\"]"));
        assertEquals(sorted("Alpha"), pets("externalId[eq]:\"" + EXTERNAL_ID + "\""));
        assertEquals(4, pets("externalId[is]:NULL").size());
        assertEquals(sorted("Alpha"), pets("traits[like]:\"%playful%\""));
        assertEquals(sorted("Bravo"), pets("traits[ilike]:\"%GRUMPY%\""));

        assertEquals(sorted("Alpha", "charlie"), pets("tags[containsAny]:[calm]"));
        assertEquals(sorted("Echo, Jr. (2)"), pets("tags[is]:NULL"));
        assertEquals(sorted("Bravo", "charlie", "Delta O'Brien"), pets("colors[containsAny]:[WHITE,GINGER]"));
    }

    @Test
    void compositeSubFieldsAndJoinColumns() {
        assertEquals(sorted("Alpha"), pets("ownerEmails.primaryEmail[eq]:\"findmany-alpha@example.com\""));
        assertEquals(sorted("Alpha", "charlie"), pets("caretakerName.firstName[eq]:\"Jo\""));
        assertEquals(sorted("Bravo", "charlie"), pets("monthlyCost.amountMicros[gte]:2000000"));
        assertEquals(sorted("Bravo"), pets("monthlyCost.currencyCode[eq]:\"USD\""));
        assertEquals(sorted("Alpha", "charlie"), pets("foundAt.addressCity[ilike]:\"lyon\""));
        assertEquals(sorted("Alpha"), pets("vetPhones.primaryPhoneCallingCode[eq]:\"+33\""));
        assertEquals(5, pets("adopterId[is]:NULL").size());
        assertEquals(5, pets("shelterId[in]:[\"" + shelterId + "\"]").size());
        assertEquals(List.of(), pets("shelterId[neq]:\"" + shelterId + "\""));
    }

    @Test
    void conjunctionsNestAndTheRootDefaultsToAnd() {
        assertEquals(sorted("Alpha", "Bravo"), pets("or(name[eq]:\"Alpha\",name[eq]:\"Bravo\")"));
        assertEquals(sorted("Alpha", "Delta O'Brien", "Echo, Jr. (2)"), pets("not(species[eq]:CAT)"));
        assertEquals(sorted("charlie", "Echo, Jr. (2)"),
                pets("or(and(species[eq]:CAT,isAdopted[eq]:false),not(vaccinationCount[lt]:5))"));
        assertEquals(sorted("Alpha"),
                pets("and(or(name[startsWith]:\"A\",name[startsWith]:\"B\"),not(or(isAdopted[eq]:true,weightKg[is]:NULL)))"));
        assertEquals(sorted("Alpha"), pets(" and( name[eq]:\"Alpha\" , vaccinationCount[gte]:0 ) "));

        TestServer.Reply implicitAnd = server.get(server.shelterKey, "/rest/pets"
                + query("filter", "shelterId[eq]:\"" + shelterId + "\",species[eq]:CAT,isAdopted[eq]:true"));
        assertEquals(List.of("Bravo"), texts(data(implicitAnd, 200, "pets"), "name"));
    }

    @Test
    void quotedValuesKeepCommasParenthesesAndApostrophes() {
        assertEquals(sorted("Alpha"), pets("name[eq]:'Alpha'"));
        assertEquals(sorted("Alpha"), pets("name[eq]:Alpha"));
        assertEquals(sorted("Echo, Jr. (2)"), pets("name[eq]:\"Echo, Jr. (2)\""));
        assertEquals(sorted("Echo, Jr. (2)"), pets("name[eq]:'Echo, Jr. (2)'"));
        assertEquals(sorted("Delta O'Brien"), pets("name[eq]:Delta O'Brien"));
        assertEquals(sorted("Delta O'Brien"), pets("name[eq]:\"Delta O'Brien\""));
        assertEquals(sorted("Alpha", "Echo, Jr. (2)"), pets("name[in]:[\"Echo, Jr. (2)\",'Alpha']"));
    }

    @Test
    void plusAndPercentTwentyBothMeanASpace() {
        String filter = "and(shelterId[eq]:\"" + shelterId + "\",name[eq]:\"Echo, Jr. (2)\")";
        String withPlus = query("filter", filter);
        assertTrue(withPlus.contains("+"), withPlus);
        String withPercent = withPlus.replace("+", "%20");
        for (String encoded : List.of(withPlus, withPercent)) {
            assertEquals(List.of("Echo, Jr. (2)"), texts(data(server.get(server.shelterKey, "/rest/pets" + encoded), 200, "pets"), "name"));
        }
        // A literal plus has to be escaped, as in any query string.
        assertEquals(sorted("Alpha"), pets("vetPhones.primaryPhoneCallingCode[startsWith]:\"+3\""));
        TestServer.Reply unescapedPlus = server.get(server.shelterKey, "/rest/pets?filter=vetPhones.primaryPhoneCallingCode%5Beq%5D%3A%22+33%22");
        assertEquals(0, data(unescapedPlus, 200, "pets").size(), "an unescaped + is a space: ' 33' matches nothing");
        TestServer.Reply orderWithSpace = server.get(server.shelterKey, "/rest/pets?order_by=weightKg%5BAscNullsLast%5D,+name&"
                + query("filter", "shelterId[eq]:\"" + shelterId + "\"").substring(1));
        assertEquals(5, data(orderWithSpace, 200, "pets").size());
    }

    @Test
    void orderByTheFourDirectionsWithIdAsTieBreaker() {
        // weightKg: Bravo null, charlie 5, Alpha 10, Delta 10 (tie, broken by id), Echo 20.
        List<String> tied = tiedByIdAscending("Alpha", "Delta O'Brien");
        assertEquals(concat(List.of("Bravo", "charlie"), tied, List.of("Echo, Jr. (2)")), ordered("weightKg[AscNullsFirst]"));
        assertEquals(concat(List.of("Bravo", "charlie"), tied, List.of("Echo, Jr. (2)")), ordered("weightKg"));
        assertEquals(concat(List.of("charlie"), tied, List.of("Echo, Jr. (2)", "Bravo")), ordered("weightKg[AscNullsLast]"));
        assertEquals(concat(List.of("Bravo", "Echo, Jr. (2)"), tied, List.of("charlie")), ordered("weightKg[DescNullsFirst]"));
        assertEquals(concat(List.of("Echo, Jr. (2)"), tied, List.of("charlie", "Bravo")), ordered("weightKg[DescNullsLast]"));

        // monthlyCost: Delta and Echo (the default) both 0, broken by id; species is an enum, ordered as declared.
        assertEquals(concat(List.of("charlie", "Bravo", "Alpha"), tiedByIdAscending("Delta O'Brien", "Echo, Jr. (2)")),
                ordered("monthlyCost.amountMicros[DescNullsLast]"));
        assertEquals(List.of("Echo, Jr. (2)", "Delta O'Brien", "Bravo", "charlie", "Alpha"),
                ordered("species[DescNullsLast],vaccinationCount[AscNullsFirst]"));
        assertEquals(List.of("Delta O'Brien", "Alpha", "charlie", "Echo, Jr. (2)", "Bravo"),
                ordered("birthday[AscNullsLast],arrivedAt[DescNullsFirst]"));
        List<String> byId = new ArrayList<>(PET_IDS.keySet());
        byId.sort(Comparator.comparing(PET_IDS::get));
        assertEquals(byId, ordered("id[AscNullsFirst]"));
        Collections.reverse(byId);
        assertEquals(byId, ordered("id[DescNullsLast]"));
    }

    private static List<String> ordered(String orderBy) {
        TestServer.Reply reply = server.get(server.shelterKey, "/rest/pets"
                + query("filter", "shelterId[eq]:\"" + shelterId + "\"", "order_by", orderBy));
        return texts(data(reply, 200, "pets"), "name");
    }

    /** The two names in the order of their ids (PostgreSQL compares uuids like their lower-case text). */
    private static List<String> tiedByIdAscending(String first, String second) {
        return PET_IDS.get(first).compareTo(PET_IDS.get(second)) < 0 ? List.of(first, second) : List.of(second, first);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    @Test
    void limitDefaultsTo60AndIsClampedTo200() {
        String filter = "name[startsWith]:\"Clamp \"";
        JsonNode firstPage = server.get(server.acmeKey, "/rest/companies" + query("filter", filter)).body();
        assertEquals(60, firstPage.path("data").path("companies").size());
        assertEquals(CLAMP_COMPANIES, firstPage.path("totalCount").asInt());
        assertTrue(firstPage.path("pageInfo").path("hasNextPage").asBoolean());
        assertFalse(firstPage.path("pageInfo").path("hasPreviousPage").asBoolean());
        for (String limit : List.of("200", "201", "500", "99999999999999999999")) {
            TestServer.Reply clamped = server.get(server.acmeKey, "/rest/companies" + query("filter", filter, "limit", limit));
            assertEquals(200, data(clamped, 200, "companies").size(), "limit=" + limit);
            assertTrue(clamped.body().path("pageInfo").path("hasNextPage").asBoolean());
        }
        TestServer.Reply ten = server.get(server.acmeKey, "/rest/companies" + query("filter", filter, "limit", "10"));
        assertEquals(10, data(ten, 200, "companies").size());
        TestServer.Reply none = server.get(server.acmeKey, "/rest/companies" + query("filter", filter, "limit", "0"));
        assertEquals(0, data(none, 200, "companies").size());
        assertEquals(CLAMP_COMPANIES, none.body().path("totalCount").asInt());
    }

    @Test
    void cursorsWalkEveryRecordForwardsAndBackwardsOnce() {
        List<Company> expected = new ArrayList<>(COMPANIES);
        // employees DescNullsLast, then id ascending
        expected.sort(Comparator.comparing((Company c) -> c.employees() == null ? Integer.MIN_VALUE : c.employees()).reversed()
                .thenComparing(Company::id));
        List<String> expectedIds = expected.stream().map(Company::id).toList();
        String filter = "name[startsWith]:\"Clamp \"";
        String order = "employees[DescNullsLast]";

        List<String> forwards = new ArrayList<>();
        String after = null;
        String lastStartCursor = null;
        int pages = 0;
        while (true) {
            TestServer.Reply page = server.get(server.acmeKey, "/rest/companies" + (after == null
                    ? query("filter", filter, "order_by", order, "limit", "60")
                    : query("filter", filter, "order_by", order, "limit", "60", "starting_after", after)));
            JsonNode records = data(page, 200, "companies");
            JsonNode info = page.body().path("pageInfo");
            assertEquals(CLAMP_COMPANIES, page.body().path("totalCount").asInt());
            assertEquals(pages > 0, info.path("hasPreviousPage").asBoolean(), "page " + pages);
            forwards.addAll(texts(records, "id"));
            lastStartCursor = info.path("startCursor").asText();
            pages++;
            if (!info.path("hasNextPage").asBoolean()) {
                break;
            }
            after = info.path("endCursor").asText();
        }
        assertEquals(4, pages);
        assertEquals(expectedIds, forwards);

        // Backwards from the last page, prepending each page: the same records in the same order.
        List<String> backwards = new ArrayList<>(forwards.subList(180, CLAMP_COMPANIES));
        String before = lastStartCursor;
        int backPages = 0;
        while (before != null) {
            TestServer.Reply page = server.get(server.acmeKey, "/rest/companies"
                    + query("filter", filter, "order_by", order, "limit", "60", "ending_before", before));
            backwards.addAll(0, texts(data(page, 200, "companies"), "id"));
            JsonNode info = page.body().path("pageInfo");
            assertTrue(info.path("hasNextPage").asBoolean());
            before = info.path("hasPreviousPage").asBoolean() ? info.path("startCursor").asText() : null;
            backPages++;
        }
        assertEquals(3, backPages);
        assertEquals(expectedIds, backwards);
        assertEquals(CLAMP_COMPANIES, new HashSet<>(backwards).size());
    }

    @Test
    void pageInfoOfEmptyAndSinglePages() {
        TestServer.Reply empty = server.get(server.shelterKey, "/rest/pets" + query("filter", "name[eq]:\"nobody at all\""));
        assertEquals(0, data(empty, 200, "pets").size());
        assertEquals(0, empty.body().path("totalCount").asInt());
        JsonNode info = empty.body().path("pageInfo");
        assertFalse(info.path("hasNextPage").asBoolean());
        assertFalse(info.path("hasPreviousPage").asBoolean());
        assertTrue(info.path("startCursor").isNull());
        assertTrue(info.path("endCursor").isNull());

        TestServer.Reply pair = server.get(server.shelterKey, "/rest/pets"
                + query("filter", "shelterId[eq]:\"" + shelterId + "\"", "order_by", "vaccinationCount", "limit", "2"));
        assertEquals(List.of("Alpha", "Bravo"), texts(data(pair, 200, "pets"), "name"));
        assertEquals(5, pair.body().path("totalCount").asInt());
        JsonNode next = server.get(server.shelterKey, "/rest/pets" + query("filter", "shelterId[eq]:\"" + shelterId + "\"",
                "order_by", "vaccinationCount", "limit", "2", "starting_after", pair.body().path("pageInfo").path("endCursor").asText()))
                .body();
        assertEquals(List.of("charlie", "Delta O'Brien"), texts(next.path("data").path("pets"), "name"));
        assertTrue(next.path("pageInfo").path("hasPreviousPage").asBoolean());
        assertTrue(next.path("pageInfo").path("hasNextPage").asBoolean());
    }

    @Test
    void depthAndFieldsShapeEachRecord() {
        String filter = query("filter", "shelterId[eq]:\"" + shelterId + "\",name[eq]:\"Alpha\"");
        JsonNode flat = data(server.get(server.shelterKey, "/rest/pets" + filter), 200, "pets").get(0);
        assertEquals(shelterId, flat.path("shelterId").asText());
        assertFalse(flat.has("shelter"));
        assertFalse(flat.has("visits"));
        assertEquals("findmany-alpha@example.com", flat.path("ownerEmails").path("primaryEmail").asText());

        JsonNode deep = data(server.get(server.shelterKey, "/rest/pets" + filter + "&depth=1"), 200, "pets").get(0);
        assertEquals("FindMany shelter", deep.path("shelter").path("name").asText());
        assertFalse(deep.path("shelter").has("pets"), "related records are shaped at depth 0");
        assertTrue(deep.path("visits").isArray());
        assertTrue(deep.path("adopter").isNull());

        assertEquals(Set.of("id", "name", "shelterId"),
                keys(data(server.get(server.shelterKey, "/rest/pets" + filter + "&fields=name,shelter"), 200, "pets").get(0)));
        assertEquals(Set.of("id", "name", "shelterId", "shelter"),
                keys(data(server.get(server.shelterKey, "/rest/pets" + filter + "&fields=name,shelter&depth=1"), 200, "pets").get(0)));
        assertEquals(Set.of("id", "name"),
                keys(data(server.get(server.shelterKey, "/rest/pets" + filter + "&fields=name&depth=1"), 200, "pets").get(0)));
        assertEquals(Set.of("id"), keys(data(server.get(server.shelterKey, "/rest/pets" + filter + "&fields=id"), 200, "pets").get(0)));
        assertEquals(Set.of("id", "ownerEmails", "monthlyCost"), keys(data(server.get(server.shelterKey,
                "/rest/pets" + filter + "&fields=" + "monthlyCost,ownerEmails"), 200, "pets").get(0)));

        JsonNode shelter = data(server.get(server.shelterKey, "/rest/shelters/" + shelterId + "?depth=1&fields=pets"), 200, "shelter");
        assertEquals(Set.of("id", "pets"), keys(shelter));
        assertEquals(5, shelter.path("pets").size());
        JsonNode one = data(server.get(server.shelterKey, "/rest/pets/" + PET_IDS.get("Alpha") + "?fields=name"), 200, "pet");
        assertEquals(Set.of("id", "name"), keys(one));
        assertBadRequestContaining(server.get(server.shelterKey, "/rest/pets?fields=name,nope"),
                "'fields' parameter invalid. Unknown or unreadable fields on 'pet': nope");
    }

    private static Set<String> keys(JsonNode record) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    @Test
    void aFilterOfJustOneIdFindsThatLiveRecordWithItsCountAndPageInfo() {
        String alpha = PET_IDS.get("Alpha");
        JsonNode found = server.get(server.shelterKey, "/rest/pets" + query("filter", "id[eq]:\"" + alpha + "\"")).body();
        assertEquals(List.of("Alpha"), texts(found.path("data").path("pets"), "name"));
        assertEquals(1, found.path("totalCount").asInt());
        assertFalse(found.path("pageInfo").path("hasNextPage").asBoolean());
        assertEquals(found.path("pageInfo").path("startCursor"), found.path("pageInfo").path("endCursor"));
        assertTrue(found.path("pageInfo").path("startCursor").isTextual());
        JsonNode none = server.get(server.shelterKey, "/rest/pets" + query("filter", "id[eq]:\"" + UUID.randomUUID() + "\"")).body();
        assertEquals(0, none.path("data").path("pets").size());
        assertEquals(0, none.path("totalCount").asInt());

        String golf = data(server.send(server.shelterKey, "POST", "/rest/pets",
                Map.of("name", "Golf", "shelterId", shelterId)), 201, "createPet").path("id").asText();
        assertEquals(200, server.send(server.shelterKey, "DELETE", "/rest/pets/" + golf + "?soft_delete=true", null).status());
        JsonNode hidden = server.get(server.shelterKey, "/rest/pets" + query("filter", "id[eq]:\"" + golf + "\"")).body();
        assertEquals(0, hidden.path("totalCount").asInt());
        assertEquals(List.of("Golf"), texts(server.get(server.shelterKey, "/rest/pets"
                + query("filter", "id[eq]:\"" + golf + "\",deletedAt[is]:NOT_NULL")).body().path("data").path("pets"), "name"));
        assertEquals(200, server.send(server.shelterKey, "DELETE", "/rest/pets/" + golf, null).status());
    }

    @Test
    void softDeletedRecordsShowOnlyWhenTheFilterNamesDeletedAt() {
        String id = data(server.send(server.shelterKey, "POST", "/rest/pets",
                Map.of("name", "Foxtrot", "shelterId", shelterId)), 201, "createPet").path("id").asText();
        assertEquals(200, server.send(server.shelterKey, "DELETE", "/rest/pets/" + id + "?soft_delete=true", null).status());

        assertFalse(pets("name[eq]:\"Foxtrot\"").contains("Foxtrot"));
        TestServer.Reply all = server.get(server.shelterKey, "/rest/pets" + query("filter", "shelterId[eq]:\"" + shelterId + "\""));
        assertEquals(5, all.body().path("totalCount").asInt());
        assertEquals(List.of("Foxtrot"), pets("deletedAt[is]:NOT_NULL"));
        assertEquals(List.of("Foxtrot"), pets("not(deletedAt[is]:NULL)"));
        assertEquals(6, pets("or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)").size());
        JsonNode deleted = server.get(server.shelterKey, "/rest/pets" + query("filter", "deletedAt[is]:NOT_NULL,name[eq]:\"Foxtrot\""))
                .body().path("data").path("pets").get(0);
        assertNotNull(deleted);
        assertFalse(deleted.path("deletedAt").isNull());
        assertEquals(404, server.get(server.shelterKey, "/rest/pets/" + id).status());

        assertEquals(200, server.send(server.shelterKey, "DELETE", "/rest/pets/" + id, null).status());
        assertEquals(List.of(), pets("deletedAt[is]:NOT_NULL"));
    }
}
