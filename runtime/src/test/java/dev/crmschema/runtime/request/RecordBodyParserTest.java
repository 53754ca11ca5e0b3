package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordBodyParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PET_ID = "11111111-0000-4000-8000-000000000001";
    private static final String SHELTER_ID = "22222222-0000-4000-8000-000000000002";
    private static final String PERSON_ID = "33333333-0000-4000-8000-000000000003";

    private final RecordBodyParser parser = new RecordBodyParser();
    private final ObjectType pet = Showcase.object("pet");

    @Test
    void createsARecordWithEveryFieldType() {
        RecordWrite write = parser.parseCreate(pet, json("""
                {
                  "id": "%s", "name": "Rex", "externalId": "%s", "nickname": "", "weightKg": 12.5,
                  "vaccinationCount": 3, "adoptionFee": 99.9, "isAdopted": false,
                  "arrivedAt": "2024-03-01T10:15:30.123456+02:00", "birthday": "2019-02-28", "kennelOrder": 2,
                  "traits": {"calm": true, "notes": [1, "two"]}, "tags": ["shy", "old"],
                  "bio": {"blocknote": "[]", "markdown": "# Rex"},
                  "species": "CAT", "colors": ["BLACK", "WHITE"], "friendliness": "RATING_5",
                  "monthlyCost": {"amountMicros": 1500000000, "currencyCode": "EUR"},
                  "caretakerName": {"firstName": "Ann", "lastName": "Lee"},
                  "ownerEmails": {"primaryEmail": "a@b.c", "additionalEmails": ["x@y.z"]},
                  "vetPhones": {"primaryPhoneNumber": "612345678", "primaryPhoneCountryCode": "FR",
                                "primaryPhoneCallingCode": "+33",
                                "additionalPhones": [{"number": "1", "countryCode": "FR", "callingCode": "+33"}]},
                  "profileLinks": {"primaryLinkUrl": "https://acme.com/", "primaryLinkLabel": "",
                                   "secondaryLinks": [{"url": "https://x.io", "label": "x"}]},
                  "foundAt": {"addressCity": "Paris", "addressLat": 48.85},
                  "lastCheckedBy": {"source": "API"}, "createdBy": {"source": "IMPORT"},
                  "shelterId": "%s", "adopter": {"connect": {"where": {"id": "%s"}}},
                  "position": 1.5, "createdAt": "2024-01-01T00:00:00Z"
                }
                """.formatted(PET_ID, SHELTER_ID, SHELTER_ID, PERSON_ID)));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", UUID.fromString(PET_ID));
        expected.put("name", "Rex");
        expected.put("externalId", UUID.fromString(SHELTER_ID));
        expected.put("nickname", "");
        expected.put("weightKg", 12.5);
        expected.put("vaccinationCount", 3L);
        expected.put("adoptionFee", new BigDecimal("99.9"));
        expected.put("isAdopted", false);
        expected.put("arrivedAt", OffsetDateTime.parse("2024-03-01T10:15:30.123456+02:00"));
        expected.put("birthday", LocalDate.of(2019, 2, 28));
        expected.put("kennelOrder", 2.0);
        expected.put("traits", "{\"calm\":true,\"notes\":[1,\"two\"]}");
        expected.put("tags", List.of("shy", "old"));
        expected.put("bioBlocknote", "[]");
        expected.put("bioMarkdown", "# Rex");
        expected.put("species", "CAT");
        expected.put("colors", List.of("BLACK", "WHITE"));
        expected.put("friendliness", "RATING_5");
        expected.put("monthlyCostAmountMicros", new BigDecimal("1500000000"));
        expected.put("monthlyCostCurrencyCode", "EUR");
        expected.put("caretakerNameFirstName", "Ann");
        expected.put("caretakerNameLastName", "Lee");
        expected.put("ownerEmailsPrimaryEmail", "a@b.c");
        expected.put("ownerEmailsAdditionalEmails", "[\"x@y.z\"]");
        expected.put("vetPhonesPrimaryPhoneNumber", "612345678");
        expected.put("vetPhonesPrimaryPhoneCountryCode", "FR");
        expected.put("vetPhonesPrimaryPhoneCallingCode", "+33");
        expected.put("vetPhonesAdditionalPhones", "[{\"number\":\"1\",\"countryCode\":\"FR\",\"callingCode\":\"+33\"}]");
        expected.put("profileLinksPrimaryLinkUrl", "https://acme.com");
        expected.put("profileLinksPrimaryLinkLabel", "");
        expected.put("profileLinksSecondaryLinks", "[{\"url\":\"https://x.io\",\"label\":\"x\"}]");
        expected.put("foundAtAddressCity", "Paris");
        expected.put("foundAtAddressLat", 48.85);
        expected.put("lastCheckedBySource", "API");
        expected.put("shelterId", UUID.fromString(SHELTER_ID));
        expected.put("adopterId", UUID.fromString(PERSON_ID));
        expected.put("createdAt", OffsetDateTime.parse("2024-01-01T00:00:00Z"));
        expected.put("position", 1.5);
        expected.put("createdBySource", "IMPORT");
        assertEquals(expected, byColumnName(write));
    }

    @Test
    void keepsColumnsInTheModelsOrderWhateverTheBodysOrder() {
        RecordWrite write = parser.parseCreate(pet, json("""
                {"species": "DOG", "createdBy": {"source": "API"}, "name": "Rex", "id": "%s"}""".formatted(PET_ID)));
        assertEquals(List.of("id", "name", "species", "createdBySource"),
                write.values().keySet().stream().map(Column::name).toList());
    }

    /** What the REST layer's mapper needs so that NUMERIC values keep every digit and their scale. */
    @Test
    void keepsTheExactDecimalWhenTheBodyWasReadWithBigDecimals() throws JsonProcessingException {
        ObjectMapper exact = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        RecordWrite write = parser.parseCreate(pet, exact.readTree(
                "{\"adoptionFee\": 99.90, \"monthlyCost\": {\"amountMicros\": \"1500000000.000001\"}}"));
        assertEquals(new BigDecimal("99.90"), byColumnName(write).get("adoptionFee"));
        assertEquals(new BigDecimal("1500000000.000001"), byColumnName(write).get("monthlyCostAmountMicros"));
    }

    @Test
    void updatesOnlyTheFieldsAndSubFieldsGiven() {
        RecordWrite write = parser.parseUpdate(pet, json("""
                {"caretakerName": {"lastName": "Lee"}, "weightKg": null, "vetPhones": {"additionalPhones": null}}"""));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("weightKg", null);
        expected.put("caretakerNameLastName", "Lee");
        expected.put("vetPhonesAdditionalPhones", null);
        assertEquals(expected, byColumnName(write));
        assertEquals(Map.of(), parser.parseUpdate(pet, json("{}")).values());
    }

    @Test
    void nullClearsNullableFieldsAndKeepsDefaultsOnCreate() {
        // isAdopted, species and createdBy are non-nullable with defaults: on create, null means "the default".
        RecordWrite create = parser.parseCreate(pet, json("""
                {"isAdopted": null, "species": null, "createdBy": null, "id": null, "adopterId": null,
                 "caretakerName": null, "updatedBy": null}"""));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("caretakerNameFirstName", null);
        expected.put("caretakerNameLastName", null);
        expected.put("adopterId", null);
        expected.put("updatedBySource", null);
        assertEquals(expected, byColumnName(create));
        RecordWrite disconnect = parser.parseUpdate(pet, json("{\"adopter\": {\"disconnect\": true}}"));
        Map<String, Object> cleared = new LinkedHashMap<>();
        cleared.put("adopterId", null);
        assertEquals(cleared, byColumnName(disconnect));
    }

    @Test
    void connectsAndSetsRelationsOnStandardObjects() {
        ObjectType person = Showcase.object("person");
        assertEquals(Map.of("companyId", UUID.fromString(SHELTER_ID)),
                byColumnName(parser.parseUpdate(person, json("{\"companyId\": \"" + SHELTER_ID + "\"}"))));
        assertEquals(Map.of("companyId", UUID.fromString(SHELTER_ID)), byColumnName(parser.parseUpdate(person,
                json("{\"company\": {\"connect\": {\"where\": {\"id\": \"" + SHELTER_ID + "\"}}}}"))));
    }

    @Test
    void parsesTheContractsPersonExample() {
        RecordWrite write = parser.parseCreate(Showcase.object("person"), json("""
                {
                  "name": {"firstName": "Jane", "lastName": "Doe"},
                  "emails": {"primaryEmail": "jane@example.com", "additionalEmails": ["j@x.io"]},
                  "phones": {"primaryPhoneNumber": "612345678", "primaryPhoneCountryCode": "FR",
                             "primaryPhoneCallingCode": "+33", "additionalPhones": []},
                  "city": "Paris",
                  "companyId": "%s",
                  "createdBy": {"source": "EMAIL"}
                }""".formatted(SHELTER_ID)));
        assertEquals(List.of("nameFirstName", "nameLastName", "emailsPrimaryEmail", "emailsAdditionalEmails",
                        "phonesPrimaryPhoneNumber", "phonesPrimaryPhoneCountryCode", "phonesPrimaryPhoneCallingCode",
                        "phonesAdditionalPhones", "city", "companyId", "createdBySource"),
                write.values().keySet().stream().map(Column::name).toList());
        assertEquals("[]", byColumnName(write).get("phonesAdditionalPhones"));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("create", "pet", "[]", "A record must be a JSON object"),
                arguments("create", "pet", "{\"nmae\": \"Rex\"}", "field 'nmae' does not exist in 'pet' object, did you mean 'name'?"),
                arguments("create", "pet", "{\"zzzzzzzz\": 1}", "field 'zzzzzzzz' does not exist in 'pet' object"),
                arguments("create", "pet", "{\"visits\": []}", "Field \"visits\" is a ONE_TO_MANY relation and cannot be"
                        + " written on 'pet': set \"petId\" on the 'visit' records instead"),
                arguments("create", "pet", "{\"searchVector\": \"x\"}", "Field \"searchVector\" is computed by the server and"
                        + " cannot be written"),
                arguments("update", "pet", "{\"medicalVector\": null}", "Field \"medicalVector\" is computed by the server and"
                        + " cannot be written"),
                arguments("create", "pet", "{\"id\": \"x\"}", "Invalid value 'x' for field \"id\": invalid input syntax for type"
                        + " uuid: \"x\""),
                arguments("create", "pet", "{\"id\": 5}", "Invalid value '5' for field \"id\": expected a UUID string"),
                arguments("update", "pet", "{\"id\": \"" + PET_ID + "\"}", "Field \"id\" cannot be updated"),
                // enums: the contract's wording
                arguments("create", "opportunity", "{\"stage\": \"INVALID_ENUM_VALUE\"}",
                        "Invalid value 'INVALID_ENUM_VALUE' for field \"stage\""),
                arguments("create", "pet", "{\"species\": \"DRAGON\"}", "Invalid value 'DRAGON' for field \"species\""),
                arguments("create", "pet", "{\"colors\": [\"BLACK\", \"PURPLE\"]}", "Invalid value 'PURPLE' for field \"colors\""),
                arguments("create", "pet", "{\"friendliness\": 5}", "Invalid value '5' for field \"friendliness\""),
                arguments("create", "pet", "{\"createdBy\": {\"source\": \"ROBOT\"}}",
                        "Invalid value 'ROBOT' for field \"createdBy.source\""),
                arguments("create", "company", "{\"tier\": \"PLATINUM\"}", "Invalid value 'PLATINUM' for field \"tier\""),
                // composites
                arguments("create", "pet", "{\"createdBy\": {\"source\": \"API\", \"name\": \"me\"}}",
                        "Field \"createdBy.name\" is set by the server: only \"createdBy.source\" can be written"),
                arguments("update", "pet", "{\"lastCheckedBy\": {\"workspaceMemberId\": \"" + PET_ID + "\"}}",
                        "Field \"lastCheckedBy.workspaceMemberId\" is set by the server: only \"lastCheckedBy.source\" can be written"),
                arguments("create", "pet", "{\"caretakerName\": {\"first\": \"Ann\"}}",
                        "Field \"caretakerName\" has no sub-field \"first\" (sub-fields: firstName, lastName)"),
                arguments("create", "pet", "{\"caretakerName\": {\"firstNme\": \"Ann\"}}",
                        "Field \"caretakerName\" has no sub-field \"firstNme\" (sub-fields: firstName, lastName),"
                                + " did you mean 'firstName'?"),
                arguments("create", "pet", "{\"caretakerName\": \"Ann\"}",
                        "Invalid value 'Ann' for field \"caretakerName\": expected an object with sub-fields firstName, lastName"),
                arguments("create", "pet", "{\"ownerEmails\": {\"additionalEmails\": \"x@y.z\"}}",
                        "Invalid value 'x@y.z' for field \"ownerEmails.additionalEmails\": expected an array of strings"),
                arguments("create", "pet", "{\"ownerEmails\": {\"additionalEmails\": [1]}}",
                        "Invalid value '[1]' for field \"ownerEmails.additionalEmails\": expected an array of strings"),
                arguments("create", "pet", "{\"vetPhones\": {\"additionalPhones\": [\"1\"]}}",
                        "Invalid value '[\"1\"]' for field \"vetPhones.additionalPhones\": expected an array of objects"),
                arguments("create", "pet", "{\"profileLinks\": {\"secondaryLinks\": {}}}",
                        "Invalid value '{}' for field \"profileLinks.secondaryLinks\": expected an array of objects"),
                arguments("create", "pet", "{\"monthlyCost\": {\"amountMicros\": \"lots\"}}",
                        "Invalid value 'lots' for field \"monthlyCost.amountMicros\": invalid input syntax for type numeric: \"lots\""),
                // wrong JSON types and bad text
                arguments("create", "pet", "{\"name\": 12}", "Invalid value '12' for field \"name\": expected a string"),
                arguments("create", "pet", "{\"weightKg\": \"heavy\"}", "Invalid value 'heavy' for field \"weightKg\": expected a number"),
                arguments("create", "pet", "{\"weightKg\": 1e400}", "Invalid value 'Infinity' for field \"weightKg\": out of range"
                        + " for type double precision"),
                arguments("create", "pet", "{\"vaccinationCount\": 1.5}",
                        "Invalid value '1.5' for field \"vaccinationCount\": expected an integer"),
                arguments("create", "pet", "{\"vaccinationCount\": 3000000000}", "Invalid value '3000000000' for field"
                        + " \"vaccinationCount\": value \"3000000000\" is out of range for type integer"),
                arguments("create", "pet", "{\"adoptionFee\": \"ten\"}", "Invalid value 'ten' for field \"adoptionFee\":"
                        + " invalid input syntax for type numeric: \"ten\""),
                arguments("create", "pet", "{\"adoptionFee\": true}", "Invalid value 'true' for field \"adoptionFee\":"
                        + " expected a number"),
                arguments("create", "pet", "{\"isAdopted\": \"yes\"}", "Invalid value 'yes' for field \"isAdopted\":"
                        + " expected true or false"),
                arguments("create", "pet", "{\"arrivedAt\": \"yesterday\"}", "Invalid value 'yesterday' for field \"arrivedAt\":"
                        + " invalid input syntax for type timestamp with time zone: \"yesterday\""),
                arguments("create", "pet", "{\"arrivedAt\": 12}", "Invalid value '12' for field \"arrivedAt\": expected an"
                        + " ISO 8601 date-time string"),
                arguments("create", "pet", "{\"birthday\": \"2020-02-30\"}", "Invalid value '2020-02-30' for field \"birthday\":"
                        + " invalid input syntax for type date: \"2020-02-30\""),
                arguments("create", "pet", "{\"tags\": \"shy\"}", "Invalid value 'shy' for field \"tags\": expected an array of strings"),
                arguments("create", "pet", "{\"tags\": [\"shy\", null]}", "Invalid value '[\"shy\",null]' for field \"tags\":"
                        + " expected an array of strings"),
                arguments("create", "pet", "{\"colors\": \"BLACK\"}", "Invalid value 'BLACK' for field \"colors\": expected an"
                        + " array of strings"),
                arguments("create", "pet", "{\"position\": \"first\"}", "Invalid value 'first' for field \"position\":"
                        + " expected a number"),
                // relations
                arguments("create", "pet", "{\"shelterId\": \"x\"}", "Invalid value 'x' for field \"shelterId\": invalid input"
                        + " syntax for type uuid: \"x\""),
                arguments("create", "pet", "{\"shelterId\": null}", "Field \"shelterId\" cannot be null"),
                arguments("update", "pet", "{\"shelter\": {\"disconnect\": true}}", "Field \"shelterId\" cannot be null"),
                arguments("update", "pet", "{\"shelter\": null}", "Field \"shelterId\" cannot be null"),
                arguments("create", "pet", "{\"shelter\": {\"disconnect\": false}}", "Invalid value '{\"disconnect\":false}' for"
                        + " field \"shelter\": disconnect must be true"),
                arguments("create", "pet", "{\"shelter\": \"" + SHELTER_ID + "\"}", "Invalid value '" + SHELTER_ID + "' for"
                        + " field \"shelter\": expected {\"connect\":{\"where\":{\"id\":\"<uuid>\"}}} or {\"disconnect\":true},"
                        + " or set \"shelterId\" instead"),
                arguments("create", "pet", "{\"shelter\": {\"connect\": {}, \"disconnect\": true}}", "Invalid value"
                        + " '{\"connect\":{},\"disconnect\":true}' for field \"shelter\": expected {\"connect\":{\"where\":"
                        + "{\"id\":\"<uuid>\"}}} or {\"disconnect\":true}, or set \"shelterId\" instead"),
                arguments("create", "company", "{\"accountOwner\": {\"connect\": {\"where\": {\"userEmail\": \"a@b.c\"}}}}",
                        "Invalid value '{\"connect\":{\"where\":{\"userEmail\":\"a@b.c\"}}}' for field \"accountOwner\": connect"
                                + " takes only {\"where\":{\"id\":\"<uuid>\"}}; connecting by userEmail is not supported"),
                arguments("create", "pet", "{\"shelter\": {\"connect\": {\"where\": {\"id\": \"bad\"}}}}", "Invalid value 'bad'"
                        + " for field \"shelter.connect.where.id\": invalid input syntax for type uuid: \"bad\""),
                arguments("create", "pet", "{\"shelterId\": \"" + SHELTER_ID + "\", \"shelter\": {\"disconnect\": true}}",
                        "Field \"shelterId\" cannot be null"),
                arguments("create", "pet", "{\"shelterId\": \"" + SHELTER_ID + "\", \"shelter\": {\"connect\": {\"where\":"
                        + " {\"id\": \"" + SHELTER_ID + "\"}}}}",
                        "Column \"shelterId\" is set twice: send either the relation or its join column, not both"),
                // nulls
                arguments("update", "pet", "{\"species\": null}", "Field \"species\" cannot be null"),
                arguments("update", "pet", "{\"createdBy\": null}", "Field \"createdBy\" cannot be null"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("refusals")
    void refusesWithAClearMessage(String mode, String object, String body, String message) {
        ObjectType type = Showcase.object(object);
        ApiException error = assertThrows(ApiException.class, () -> {
            if (mode.equals("create")) {
                parser.parseCreate(type, json(body));
            } else {
                parser.parseUpdate(type, json(body));
            }
        });
        assertEquals(400, error.status());
        assertEquals("BadRequestException", error.error());
        assertEquals(message, error.getMessage());
    }

    @Test
    void parsesABatchOfRecords() {
        List<RecordWrite> writes = parser.parseCreateBatch(pet, json("[{\"name\": \"Rex\"}, {\"name\": \"Tom\", \"species\": \"CAT\"}]"));
        assertEquals(2, writes.size());
        assertEquals(Map.of("name", "Rex"), byColumnName(writes.get(0)));
        assertEquals(Map.of("name", "Tom", "species", "CAT"), byColumnName(writes.get(1)));
        assertEquals(List.of(), parser.parseCreateBatch(pet, json("[]")));
    }

    @Test
    void namesTheRecordThatABatchRefusalIsAbout() {
        ApiException error = assertThrows(ApiException.class, () -> parser.parseCreateBatch(pet,
                json("[{\"name\": \"Rex\"}, {\"species\": \"DRAGON\"}]")));
        assertEquals(400, error.status());
        assertEquals("Record at index 1: Invalid value 'DRAGON' for field \"species\"", error.getMessage());
        ApiException notObject = assertThrows(ApiException.class, () -> parser.parseCreateBatch(pet, json("[1]")));
        assertEquals("Record at index 0: A record must be a JSON object", notObject.getMessage());
    }

    @Test
    void refusesBatchesThatAreNotArraysOrTooLarge() {
        ApiException notArray = assertThrows(ApiException.class, () -> parser.parseCreateBatch(pet, json("{\"name\": \"Rex\"}")));
        assertEquals("A batch create body must be a JSON array of records", notArray.getMessage());
        String sixty = "[" + String.join(",", Collections.nCopies(60, "{}")) + "]";
        assertEquals(60, parser.parseCreateBatch(pet, json(sixty)).size());
        ApiException tooMany = assertThrows(ApiException.class,
                () -> parser.parseCreateBatch(pet, json(sixty.replace("[{}", "[{},{}"))));
        assertEquals("A batch create takes at most 60 records per request, got 61", tooMany.getMessage());
        RecordBodyParser small = new RecordBodyParser(2);
        ApiException overSmall = assertThrows(ApiException.class, () -> small.parseCreateBatch(pet, json("[{},{},{}]")));
        assertEquals("A batch create takes at most 2 records per request, got 3", overSmall.getMessage());
    }

    /** Column name to value, with arrays as lists and JSONB as its text, so that maps compare by value. */
    private static Map<String, Object> byColumnName(RecordWrite write) {
        Map<String, Object> values = new LinkedHashMap<>();
        write.values().forEach((column, value) -> values.put(column.name(),
                value instanceof String[] strings ? List.of(strings) : value instanceof JSONB json ? json.data() : value));
        return values;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad test JSON: " + text, e);
        }
    }
}
