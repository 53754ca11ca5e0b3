package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values PostgreSQL cannot store as sent are refused while parsing, before any SQL runs: NUL
 * characters and unpaired surrogates in text, numerics beyond {@code numeric}'s range, and LIKE
 * patterns ending with a lone escape. Found by the hostile-input corpus, which saw them as 500s or as
 * text silently stored as '?'.
 */
class StorableValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final ObjectType pet = Showcase.object("pet");
    private final RecordBodyParser bodies = new RecordBodyParser();
    private final FilterParser filters = new FilterParser();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\": \"a\\u0000b\"}",
        "{\"name\": \"\\ud800\"}",
        "{\"name\": \"x\\udc00y\"}",
        "{\"name\": \"\\udc00\\ud800\"}",
        "{\"tags\": [\"ok\", \"\\u0000\"]}",
        "{\"traits\": {\"k\": [\"\\u0000\"]}}",
        "{\"traits\": {\"\\ud83d\": 1}}",
        "{\"caretakerName\": {\"firstName\": \"\\u0000\"}}",
        "{\"ownerEmails\": {\"additionalEmails\": [\"\\udfff@x\"]}}",
        "{\"profileLinks\": {\"secondaryLinks\": [{\"url\": \"\\u0000\"}]}}"
    })
    void bodiesWithUnstorableTextAreRefused(String body) {
        ApiException error = assertThrows(ApiException.class, () -> bodies.parseCreate(pet, json(body)));
        assertEquals(400, error.status());
        assertTrue(error.getMessage().contains("0x00") || error.getMessage().contains("unpaired surrogate"), error.getMessage());
    }

    @Test
    void surrogatePairsAndOtherControlCharactersAreStoredAsSent() {
        String text = "\uD83D\uDE00 \u202Eevil \u0007 \uFEFF \uFFFF";
        RecordWrite write = bodies.parseCreate(pet, JSON.createObjectNode().put("name", text));
        assertEquals(List.of(text), List.copyOf(write.values().values()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name[eq]:\"a\u0000\"", "name[in]:[ok,\"\u0000\"]", "tags[containsAny]:[\"\u0000\"]", "traits[like]:\"%\u0000%\""})
    void filterValuesWithNulAreRefused(String filter) {
        ApiException error = assertThrows(ApiException.class, () -> filters.parse(pet, filter));
        assertTrue(error.getMessage().contains("0x00"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"name[like]:\"abc\\\"", "name[ilike]:abc\\\\\\", "traits[like]:\\"})
    void likePatternsEndingWithALoneEscapeAreRefused(String filter) {
        ApiException error = assertThrows(ApiException.class, () -> filters.parse(pet, filter));
        assertTrue(error.getMessage().endsWith("LIKE pattern must not end with escape character"), error.getMessage());
    }

    @Test
    void likePatternsEndingWithAnEscapedBackslashAreFine() {
        Filter.And parsed = (Filter.And) filters.parse(pet, "name[like]:\"abc\\\\\"");
        assertEquals("abc\\\\", ((Filter.Condition) parsed.items().get(0)).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "-1e131072", "1e-16384"})
    void numericsBeyondPostgresqlsRangeAreRefused(String number) {
        ApiException inFilter = assertThrows(ApiException.class, () -> filters.parse(pet, "adoptionFee[gt]:" + number));
        assertEquals("value \"" + number + "\" is out of range for type numeric", inFilter.getMessage());
        assertThrows(ApiException.class, () -> bodies.parseCreate(pet, json("{\"adoptionFee\": " + number + "}")));
        assertThrows(ApiException.class, () -> bodies.parseCreate(pet, json("{\"adoptionFee\": \"" + number + "\"}")));
    }

    @Test
    void numericsWithinRangeKeepEveryDigit() {
        String digits = "9".repeat(1000) + "." + "1".repeat(1000);
        Filter.And parsed = (Filter.And) filters.parse(pet, "adoptionFee[gt]:" + digits);
        assertEquals(new BigDecimal(digits), ((Filter.Condition) parsed.items().get(0)).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"a\\u0000\",\"id\":\"00000000-0000-0000-0000-000000000000\"}",
        "{\"name\":\"\\ud800\",\"id\":\"00000000-0000-0000-0000-000000000000\"}",
        "{\"adoptionFee\":\"1e-999999999\",\"id\":\"00000000-0000-0000-0000-000000000000\"}"})
    void cursorsWithUnstorableValuesAreInvalid(String cursorJson) {
        String field = cursorJson.substring(2, cursorJson.indexOf('"', 2));
        List<OrderItem> order = new OrderByParser().parse(pet, field);
        String cursor = Base64.getUrlEncoder().encodeToString(cursorJson.getBytes(StandardCharsets.UTF_8));
        ApiException error = assertThrows(ApiException.class, () -> new CursorCodec().decode(order, cursor));
        assertEquals(CursorCodec.INVALID_CURSOR, error.code().orElseThrow());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
