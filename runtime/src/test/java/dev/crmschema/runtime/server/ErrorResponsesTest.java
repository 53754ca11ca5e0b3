package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.assertBadRequest;
import static dev.crmschema.runtime.server.Api.assertBadRequestContaining;
import static dev.crmschema.runtime.server.Api.assertError;
import static dev.crmschema.runtime.server.Api.data;
import static dev.crmschema.runtime.server.Api.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refusals over HTTP: the contract's messages for bad parameters, paths and bodies (reference contract,
 * sections 1.2 to 1.8 and 7.1), Jersey's own refusals (404, 405, 406, 415) in the contract's error body,
 * and garbage that must get a 4xx with that body, never a 500 or a stack trace.
 */
@ExtendWith(SharedServer.class)
class ErrorResponsesTest {
    private static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    private static TestServer.Reply get(String path) {
        return server.get(server.acmeKey, path);
    }

    private static String filter(String filter) {
        return "/rest/companies" + query("filter", filter);
    }

    @Test
    void badFiltersGetTheContractsMessages() {
        assertBadRequest(get(filter("name[foo]:1")), "'filter' invalid for 'name[foo]:1', comparator foo not in eq, neq, in, "
                + "containsAny, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike");
        assertBadRequest(get(filter("name[regex]:\"a.*\"")), "'filter' invalid for 'name[regex]:\"a.*\"', comparator regex not in "
                + "eq, neq, in, containsAny, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike");
        assertBadRequest(get(filter("name")), "'filter' invalid for 'name'. eg: price[gte]:10");
        assertBadRequest(get(filter("name[eq]:")), "'filter' invalid for 'name[eq]:'. eg: price[gte]:10");
        assertBadRequest(get(filter("and(name[eq]:\"a\"")), "'filter' invalid. 1 close bracket is missing in the query");
        assertBadRequest(get(filter("name[eq]:\"a\"))")), "'filter' invalid. 2 open brackets are missing in the query");
        assertBadRequest(get(filter("not(name[eq]:\"a\",employees[gt]:1)")),
                "'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)");
        assertBadRequest(get(filter("id[in]:\"x\"")), "'filter' invalid for 'in' operator. Received '\"x\"' but array value expected "
                + "eg: 'field[in]:[value_1,value_2]'");
        assertBadRequest(server.get(server.shelterKey, "/rest/pets" + query("filter", "tags[containsAny]:x")),
                "'filter' invalid for 'containsAny' operator. Received 'x' but array value expected eg: 'field[containsAny]:[value_1,value_2]'");
        assertBadRequest(get(filter("name[is]:EMPTY")), "'filter' invalid for 'name[is]:EMPTY', 'is' takes NULL or NOT_NULL, not 'EMPTY'");
        assertBadRequest(get(filter("name[eq]:\"unclosed")), "'filter' invalid. A quote is not closed in the query");
        assertBadRequestContaining(get(filter("nam[eq]:\"a\"")), "field 'nam' does not exist in 'company' object");
        assertBadRequestContaining(get(filter("accountOwner[eq]:\"a\"")), "is a relation: use its join column 'accountOwnerId'");
        assertBadRequestContaining(get(filter("people[eq]:\"a\"")), "is a ONE_TO_MANY relation");
        assertBadRequestContaining(get(filter("domainName[eq]:\"a\"")), "is composite: use one of its sub-fields");
        assertBadRequestContaining(get(filter("domainName.nope[eq]:\"a\"")), "has no sub-field 'nope'");
        assertBadRequestContaining(get(filter("employees[startsWith]:1")), "comparator startsWith cannot be used on 'employees'");

        assertBadRequestContaining(get(filter("id[eq]:\"not-a-uuid\"")), "invalid input syntax for type uuid: \"not-a-uuid\"");
        assertBadRequestContaining(get(filter("createdAt[gte]:\"yesterday\"")),
                "invalid input syntax for type timestamp with time zone: \"yesterday\"");
        assertBadRequestContaining(get(filter("employees[gt]:ten")), "invalid input syntax for type integer: \"ten\"");
        assertBadRequestContaining(get(filter("employees[gt]:99999999999")), "out of range for type integer");
        assertBadRequestContaining(get(filter("idealCustomerProfile[eq]:yes")), "invalid input syntax for type boolean");
        assertBadRequest(server.get(server.acmeKey, "/rest/opportunities" + query("filter", "stage[eq]:2")),
                "enum value '2' not available in 'stage'");
        assertBadRequest(server.get(server.shelterKey, "/rest/pets" + query("filter", "colors[containsAny]:[BLACK,PURPLE]")),
                "enum value 'PURPLE' not available in 'colors'");

        String deep = "and(".repeat(11) + "name[eq]:\"a\"" + ")".repeat(11);
        assertBadRequest(get(filter(deep)), "'filter' invalid. Conjunctions are nested more than 10 levels deep");
        String list = "employees[in]:[" + String.join(",", java.util.Collections.nCopies(501, "1")) + "]";
        assertBadRequest(get(filter(list)), "'filter' invalid for '" + list + "', 'in' takes at most 500 values, got 501");
        String longFilter = "or(" + String.join(",", java.util.Collections.nCopies(300, "name[eq]:\"a\"")) + ")";
        assertTrue(filter(longFilter).length() > 6000);
        assertEquals(200, get(filter(longFilter)).status(), "a long filter within the URL limit is fine");
    }

    @Test
    void badOrderingsLimitsDepthsAndFlags() {
        assertBadRequest(get("/rest/companies?order_by=name%5BFoo%5D"), "'order_by' direction 'Foo' invalid. Allowed values are "
                + "'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. eg: ?order_by=field_1[AscNullsFirst],"
                + "field_2[DescNullsLast],field_3");
        assertBadRequestContaining(server.get(server.acmeKey, "/rest/people?order_by=name%5BAscNullsLast%5D"), "is composite");
        assertBadRequestContaining(get("/rest/companies?order_by=nope"), "field 'nope' does not exist in 'company' object");
        assertBadRequestContaining(get("/rest/companies?order_by=name,name"), "is already ordered on");
        for (String limit : List.of("aaa", "-1", "1.5", "", "1e3")) {
            assertBadRequest(get("/rest/companies" + query("limit", limit)), "limit '" + limit + "' is invalid. Should be an integer");
        }
        for (String depth : List.of("2", "-1", "abc", "99999999999999999999")) {
            assertBadRequest(get("/rest/companies" + query("depth", depth)), "'depth=" + depth + "' parameter invalid. Allowed values are 0, 1");
            assertBadRequest(get("/rest/companies/" + UUID.randomUUID() + query("depth", depth)),
                    "'depth=" + depth + "' parameter invalid. Allowed values are 0, 1");
        }
        assertBadRequest(server.send(server.acmeKey, "DELETE", "/rest/companies/" + UUID.randomUUID() + "?soft_delete=yes", null),
                "'soft_delete=yes' parameter invalid. Allowed values are true, false");
        assertBadRequest(get("/rest/companies?fields="), "'fields' parameter invalid. Unknown or unreadable fields on 'company': ''");
    }

    @Test
    void badCursors() {
        assertError(get("/rest/companies?starting_after=invalid-cursor"), 400, "BadRequestException", "Invalid cursor: invalid-cursor");
        assertError(get("/rest/companies?ending_before=invalid-cursor"), 400, "BadRequestException", "Invalid cursor: invalid-cursor");
        String wrongShape = Base64.getUrlEncoder().encodeToString("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertBadRequest(get("/rest/companies" + query("starting_after", wrongShape)), "Invalid cursor: " + wrongShape);
        String wrongType = Base64.getUrlEncoder().encodeToString("{\"id\":12}".getBytes(StandardCharsets.UTF_8));
        assertBadRequest(get("/rest/companies" + query("starting_after", wrongType)), "Invalid cursor: " + wrongType);
        String notJson = Base64.getUrlEncoder().encodeToString("[[[[".getBytes(StandardCharsets.UTF_8));
        assertBadRequest(get("/rest/companies" + query("starting_after", notJson)), "Invalid cursor: " + notJson);

        String hugeDecimal = Base64.getUrlEncoder().encodeToString(("{\"adoptionFee\":\"1e-999999999\",\"id\":\"" + UUID.randomUUID()
                + "\"}").getBytes(StandardCharsets.UTF_8));
        assertBadRequest(server.get(server.shelterKey, "/rest/pets" + query("order_by", "adoptionFee", "starting_after", hugeDecimal)),
                "Invalid cursor: " + hugeDecimal);

        // A cursor is only valid for the ordering it came from.
        data(server.send(server.acmeKey, "POST", "/rest/companies", Map.of("name", "Cursor Co")), 201, "createCompany");
        String cursor = get("/rest/companies?limit=1&order_by=name").body().path("pageInfo").path("endCursor").asText();
        assertEquals(200, get("/rest/companies" + query("limit", "1", "order_by", "name", "starting_after", cursor)).status());
        assertBadRequest(get("/rest/companies" + query("limit", "1", "starting_after", cursor)), "Invalid cursor: " + cursor);
        assertBadRequest(get("/rest/companies" + query("starting_after", cursor, "ending_before", cursor, "order_by", "name")),
                "'starting_after' and 'ending_before' cannot be used together");
    }

    @Test
    void unknownObjectsInvalidIdsAndMissingRecords() {
        assertBadRequest(get("/rest/person"), "object 'person' not found. Did you mean 'people'?");
        assertBadRequest(get("/rest/compnies"), "object 'compnies' not found. Did you mean 'companies'?");
        assertBadRequest(get("/rest/xyz"), "object 'xyz' not found. eg: attachments");
        assertBadRequest(server.send(server.acmeKey, "POST", "/rest/batch/person", List.of()),
                "object 'person' not found. Did you mean 'people'?");
        assertBadRequest(get("/rest/company/" + UUID.randomUUID()), "object 'company' not found. Did you mean 'companies'?");

        String random = UUID.randomUUID().toString();
        for (String method : List.of("GET", "PATCH", "PUT", "DELETE")) {
            Object body = method.startsWith("P") ? Map.of("name", "x") : null;
            assertBadRequest(server.send(server.acmeKey, method, "/rest/companies/malformed-uuid", body), "'malformed-uuid' is not a valid UUID");
            assertError(server.send(server.acmeKey, method, "/rest/companies/" + random, body), 404, "NotFoundException", "Record not found");
        }
        assertBadRequest(server.send(server.acmeKey, "PATCH", "/rest/companies/malformed-uuid/restore", null),
                "'malformed-uuid' is not a valid UUID");
        assertBadRequest(get("/rest/companies/" + random.replace("-", "")), "'" + random.replace("-", "") + "' is not a valid UUID");
        assertEquals(404, get("/rest/companies/" + random.toUpperCase()).status(), "upper-case ids are ids");
        TestServer.Reply notFound = get("/rest/companies/" + random);
        assertEquals("RECORD_NOT_FOUND", notFound.body().path("code").asText());
    }

    @Test
    void badBodiesGetFieldByFieldMessages() {
        assertBadRequest(server.send(server.acmeKey, "POST", "/rest/opportunities", Map.of("stage", "INVALID_ENUM_VALUE")),
                "Invalid value 'INVALID_ENUM_VALUE' for field \"stage\"");
        assertBadRequest(server.send(server.shelterKey, "POST", "/rest/pets", Map.of("colors", List.of("BLACK", "PURPLE"))),
                "Invalid value 'PURPLE' for field \"colors\"");
        assertBadRequestContaining(post("{\"name\": 123}"), "Invalid value '123' for field \"name\": expected a string");
        assertBadRequestContaining(post("{\"employees\": \"ten\"}"), "Invalid value 'ten' for field \"employees\": expected a number");
        assertBadRequestContaining(post("{\"employees\": 1.5}"), "expected an integer");
        assertBadRequestContaining(post("{\"employees\": 1e400}"), "out of range for type integer");
        assertBadRequestContaining(post("{\"employees\": 99999999999999999999999999}"), "out of range for type integer");
        assertBadRequestContaining(post("{\"idealCustomerProfile\": \"yes\"}"), "expected true or false");
        assertBadRequestContaining(post("{\"domainName\": \"x\"}"), "expected an object with sub-fields");
        assertBadRequestContaining(post("{\"domainName\": {\"primaryLinkUrl\": 5}}"), "Invalid value '5' for field \"domainName.primaryLinkUrl\"");
        assertBadRequestContaining(post("{\"domainName\": {\"nope\": \"x\"}}"), "has no sub-field \"nope\"");
        assertBadRequestContaining(post("{\"accountOwnerId\": 5}"), "accountOwner");
        assertBadRequestContaining(post("{\"accountOwnerId\": \"not-a-uuid\"}"), "accountOwner");
        assertBadRequest(post("{\"accountOwnerId\": \"" + UUID.randomUUID() + "\"}"), "A related record does not exist");
        assertBadRequestContaining(post("{\"nope\": 1}"), "field 'nope' does not exist in 'company' object");
        assertBadRequestContaining(post("{\"people\": []}"), "is a ONE_TO_MANY relation and cannot be written");
        assertBadRequestContaining(post("{\"createdAt\": \"tomorrow\"}"), "invalid input syntax for type timestamp with time zone");
        assertBadRequest(post("[{\"name\": \"array\"}]"), "A record must be a JSON object");
        assertBadRequest(post("\"just a string\""), "A record must be a JSON object");
        assertBadRequest(post("null"), "A JSON request body is required");
        assertBadRequestContaining(post("{\"name\": "), "Invalid JSON body");
        assertBadRequestContaining(post("{\"name\": \"a\"} trailing"), "Invalid JSON body");
        assertBadRequestContaining(post("[".repeat(5000) + "]".repeat(5000)), "Invalid JSON body");

        String shelterId = data(server.send(server.shelterKey, "POST", "/rest/shelters", Map.of("name", "Errors shelter")), 201,
                "createShelter").path("id").asText();
        // PostgreSQL's numeric range; beyond it the JDBC driver would store 0 or fail.
        for (String fee : List.of("1e999999999", "1e131072", "\"1e-999999999\"", "1e-16384")) {
            assertBadRequestContaining(server.send(server.shelterKey, "POST", "/rest/pets",
                    "{\"shelterId\": \"" + shelterId + "\", \"adoptionFee\": " + fee + "}"), "out of range for type numeric");
        }
        JsonNode big = data(server.send(server.shelterKey, "POST", "/rest/pets",
                "{\"shelterId\": \"" + shelterId + "\", \"adoptionFee\": 1e300, \"monthlyCost\": {\"amountMicros\": 1.50000}}"),
                201, "createPet");
        assertEquals(0, new java.math.BigDecimal("1e300").compareTo(big.path("adoptionFee").decimalValue()));
        assertEquals(0, new java.math.BigDecimal("1.5").compareTo(big.path("monthlyCost").path("amountMicros").decimalValue()));
        assertBadRequestContaining(server.send(server.shelterKey, "POST", "/rest/pets",
                Map.of("shelterId", shelterId, "monthlyCost", Map.of("amountMicros", "1e-999999999"))), "out of range for type numeric");
        assertBadRequestContaining(server.get(server.shelterKey, "/rest/pets" + query("filter", "adoptionFee[gt]:1e-999999999")),
                "out of range for type numeric");
        assertBadRequestContaining(server.get(server.shelterKey, "/rest/pets" + query("filter", "adoptionFee[gt]:1e999999999")),
                "out of range for type numeric");
        assertBadRequestContaining(server.send(server.shelterKey, "POST", "/rest/pets", Map.of("weightKg", "heavy")), "expected a number");
        assertBadRequestContaining(server.send(server.shelterKey, "POST", "/rest/pets", Map.of("birthday", "2020-13-45")),
                "invalid input syntax for type date");
        assertBadRequestContaining(server.send(server.shelterKey, "POST", "/rest/pets", Map.of("tags", "notarray")),
                "expected an array of strings");
        assertBadRequest(server.send(server.shelterKey, "POST", "/rest/pets", Map.of("name", "no shelter")), "Field 'shelter' is required");
        // NUL characters are refused either by the parsers or, inside JSON, by PostgreSQL: both say so.
        assertRefusesNul(post("{\"name\": \"a\\u0000b\"}"));
        assertRefusesNul(server.send(server.shelterKey, "POST", "/rest/pets",
                "{\"shelterId\": \"" + shelterId + "\", \"traits\": {\"a\": \"\\u0000\"}}"));
        assertRefusesNul(get(filter("name[eq]:\"\0\"")));
    }

    private static TestServer.Reply post(String json) {
        return server.send(server.acmeKey, "POST", "/rest/companies", json);
    }

    @Test
    void queryPathsOutsideTheRoutesGet400WithTheValidExamples() {
        String examples = "Valid examples: /rest/companies/id or /rest/companies or /rest/batch/companies";
        String id = UUID.randomUUID().toString();
        assertBadRequest(get("/rest/companies/" + id + "/extra"), "Query path '/rest/companies/" + id + "/extra' invalid. " + examples);
        assertBadRequest(get("/rest/batch/companies/" + id), "Query path '/rest/batch/companies/" + id + "' invalid. " + examples);
        assertBadRequest(get("/rest/"), "Query path '/rest/' invalid. " + examples);
        assertBadRequest(get("/rest"), "Query path '/rest' invalid. " + examples);
    }

    @Test
    void jerseysRefusalsUseTheContractsBody() {
        assertError(get("/nowhere"), 404, "NotFoundException", "Not found");
        assertError(get("/docs/nowhere.js"), 404, "NotFoundException", "Not found");
        TestServer.Reply wrongMethod = server.send(server.acmeKey, "DELETE", "/rest/open-api/core", null);
        assertError(wrongMethod, 405, "MethodNotAllowedException", "Method not allowed");
        assertNotNull(wrongMethod.header("Allow"));
        assertError(server.send(server.acmeKey, "POST", "/rest/companies/" + UUID.randomUUID(), Map.of()), 405, "MethodNotAllowedException",
                "Method not allowed");
        // Only POST has a /duplicates route, so a GET reads it as a record id, as the reference's path parser does.
        assertBadRequest(server.send(server.acmeKey, "GET", "/rest/companies/duplicates", null), "'duplicates' is not a valid UUID");
        assertContractError(raw("FOO", "/rest/companies", "", null), 405, "MethodNotAllowedException");

        assertContractError(raw("GET", "/rest/companies", "Accept: text/html\r\n", null), 406, "NotAcceptableException");
        assertContractError(raw("POST", "/rest/companies", "Content-Type: text/plain\r\n", "{\"name\":\"x\"}"), 415,
                "UnsupportedMediaTypeException");
        assertContractError(raw("POST", "/rest/companies", "", "{\"name\":\"x\"}"), 415, "UnsupportedMediaTypeException");
        assertContractError(raw("POST", "/rest/batch/companies", "Content-Type: application/x-www-form-urlencoded\r\n", "name=x"), 415,
                "UnsupportedMediaTypeException");
        RawHttp.Reply charset = raw("POST", "/rest/companies", "Content-Type: application/json; charset=utf-8\r\n", "{\"name\":\"Charset Co\"}");
        assertEquals(201, charset.status(), charset.body());
        RawHttp.Reply empty = raw("POST", "/rest/companies", "Content-Type: application/json\r\n", "");
        assertContractError(empty, 400, "BadRequestException");
    }

    @Test
    void garbageNeverGetsA500() {
        String key = "Authorization: Bearer " + server.acmeKey + "\r\n";
        List<String> targets = List.of(
                "/rest/companies?filter=%ZZ",
                "/rest/companies?filter=%C3%28",
                "/rest/companies?filter=name%5Beq%5D%3A%22%FF%FE%22",
                "/rest/companies?filter=%",
                "/rest/compan%ZZies",
                "/rest/companies/%C3%28",
                "/rest/companies/%00",
                "/rest/companies?limit=%00",
                "/rest/companies?order_by=%E2%82",
                "/rest/companies?filter=name%5Beq%5D%3A%22%00%22",
                "/rest/companies?starting_after=%FF%FF",
                "/rest/companies?depth=1&depth=0",
                "/rest/companies?filter=" + "a".repeat(7000),
                "/rest/companies?filter=" + "a".repeat(20_000),
                "/rest/companies?filter=" + "not(".repeat(1500) + ")".repeat(1500),
                "/rest/companies?filter=" + "%28".repeat(2000),
                "/rest/companies?filter=name%5Beq%5D%3A" + "%22".repeat(2001),
                "/rest/companies?filter=id%5Bin%5D%3A%5B" + "%2C".repeat(2000) + "%5D",
                "/rest/../../etc/passwd",
                "/rest/companies/..%2F..%2Fetc%2Fpasswd");
        for (String target : targets) {
            RawHttp.Reply reply = RawHttp.send(server.baseUrl(), "GET", target, key, null);
            String where = target.length() > 80 ? target.substring(0, 80) + "…" : target;
            assertTrue(reply.status() >= 200 && reply.status() < 500, where + " got " + reply.status() + ": " + reply.body());
            assertTrue(reply.status() < 400 || reply.headers().toLowerCase().contains("content-type: application/json"), where + ": " + reply.headers());
            assertNoStackTrace(reply.body(), where);
            if (reply.status() >= 400) {
                JsonNode body = TestServer.json(reply.body());
                assertEquals(reply.status(), body.path("statusCode").asInt(), where + ": " + reply.body());
            }
        }
        String nulByte = "{\"name\": \"a\\u0000b\"}";
        TestServer.Reply nul = post(nulByte);
        assertTrue(nul.status() < 500, nul.raw().body());
        byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        RawHttp.Reply badBytes = RawHttp.send(server.baseUrl(), "POST", "/rest/companies", key + "Content-Type: application/json\r\n",
                invalidUtf8);
        assertTrue(badBytes.status() < 500, badBytes.body());
        assertNoStackTrace(badBytes.body(), "invalid UTF-8 body");
    }

    private static RawHttp.Reply raw(String method, String path, String headers, String body) {
        return RawHttp.send(server.baseUrl(), method, path, "Authorization: Bearer " + server.acmeKey + "\r\n" + headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertContractError(RawHttp.Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply.headers() + "\n" + reply.body());
        JsonNode body = TestServer.json(reply.body());
        assertEquals(status, body.path("statusCode").asInt(), reply.body());
        assertEquals(error, body.path("error").asText(), reply.body());
        assertEquals(1, body.path("messages").size(), reply.body());
        assertTrue(reply.headers().toLowerCase().contains("content-type: application/json"), reply.headers());
        assertNoStackTrace(reply.body(), reply.body());
    }

    private static void assertNoStackTrace(String body, String where) {
        for (String leak : List.of("\tat ", "Exception:", "org.jooq", "org.glassfish", "SELECT ", "select ")) {
            assertFalse(body.contains(leak), where + " leaks '" + leak + "': " + body);
        }
    }

    private static void assertRefusesNul(TestServer.Reply reply) {
        assertError(reply, 400, "BadRequestException", null);
        String message = reply.body().path("messages").get(0).asText();
        if (!message.contains("0x00") && !message.contains("\\u0000")) {
            throw new AssertionError("message '" + message + "' does not name the NUL character");
        }
    }
}
