package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.runtime.errors.ApiException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CursorCodecTest {
    private static final UUID ID = UUID.fromString("3f2c1a00-0000-4000-8000-0000000000aa");

    private final CursorCodec codec = new CursorCodec();
    private final List<OrderItem> everyType = new OrderByParser().parse(Showcase.object("pet"),
            "name,weightKg,vaccinationCount,adoptionFee,isAdopted,arrivedAt,birthday,kennelOrder,traits,tags,species,"
                    + "colors,monthlyCost.amountMicros,shelterId,externalId,caretakerName.firstName");

    @Test
    void roundTripsEveryOrderableColumnTypeExactly() {
        List<Object> values = Arrays.asList(
                "Rex, the \"good\" boy", 12.75, 7L, new BigDecimal("1500.50"), true,
                OffsetDateTime.parse("2024-03-01T10:15:30.123456+02:00"), LocalDate.of(2019, 2, 28), -0.0,
                JSONB.valueOf("{\"calm\": true, \"notes\": [1, 2.50]}"), new String[] {"shy", null, "é"}, "CAT",
                new String[] {"BLACK", "WHITE"}, new BigDecimal("1E+3"), UUID.fromString("6dd71a46-0000-4000-8000-000000000001"),
                null, "", ID);
        assertRoundTrips(everyType, values);
    }

    @Test
    void roundTripsNonFiniteDoublesAndExtremeNumbers() {
        List<OrderItem> order = new OrderByParser().parse(Showcase.object("pet"), "weightKg,kennelOrder,position,vaccinationCount,adoptionFee");
        assertRoundTrips(order, Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                (long) Integer.MIN_VALUE, new BigDecimal("-123456789012345678901234567890.000000000001"), ID));
        assertRoundTrips(order, Arrays.asList(Double.MIN_VALUE, Double.MAX_VALUE, 0.1, (long) Integer.MAX_VALUE,
                new BigDecimal("0.00"), ID));
    }

    @Test
    void roundTripsTimestampsToTheirLastDigit() {
        List<OrderItem> order = new OrderByParser().parse(Showcase.object("pet"), "arrivedAt");
        for (String at : List.of("2024-01-01T00:00Z", "2024-01-01T00:00:00.000001Z", "1970-01-01T00:00:00.100-11:30",
                "2099-12-31T23:59:59.999999+14:00")) {
            assertRoundTrips(order, Arrays.asList(OffsetDateTime.parse(at), ID));
        }
    }

    @Test
    void writesUrlSafeBase64OfAJsonObjectKeyedByPath() {
        List<OrderItem> order = new OrderByParser().parse(Showcase.object("person"), "name.firstName[DescNullsLast],companyId");
        String cursor = codec.encode(order, new Cursor(Arrays.asList("Ann", null, ID)));
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        assertEquals("{\"name.firstName\":\"Ann\",\"companyId\":null,\"id\":\"" + ID + "\"}", json);
    }

    @Test
    void readsStandardBase64WithPaddingAndTheIdOnlyCursorOfTheDefaultOrder() {
        List<OrderItem> order = new OrderByParser().parse(Showcase.object("person"), null);
        String json = "{\"id\": \"" + ID + "\"}";
        String standard = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(standard.endsWith("="), standard);
        assertEquals(List.of(ID), codec.decode(order, standard).values());
        // A '+' that a query string turned into a space still decodes.
        String withPlus = Base64.getEncoder().encodeToString("{\"city\":\">>>\",\"id\":\"3f2c1a00-0000-4000-8000-0000000000aa\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(withPlus.contains("+"), withPlus);
        List<OrderItem> byCity = new OrderByParser().parse(Showcase.object("person"), "city");
        assertEquals(List.of(">>>", ID), codec.decode(byCity, withPlus.replace('+', ' ')).values());
    }

    static Stream<String> malformedCursors() {
        return Stream.of(
                "invalid-cursor",
                "",
                "%%%",
                base64("not json"),
                base64("[\"" + ID + "\"]"),
                base64("{}"),
                base64("{\"id\":\"" + ID + "\"} trailing"),
                base64("{\"city\":\"Paris\",\"id\":\"" + ID + "\"}"),
                base64("{\"name\":\"Rex\",\"id\":\"not-a-uuid\"}"),
                base64("{\"name\":\"Rex\",\"id\":\"" + ID + "\",\"extra\":1}"),
                base64("{\"name\":3,\"id\":\"" + ID + "\"}"),
                base64("{\"id\":\"" + ID + "\",\"nme\":\"Rex\"}"));
    }

    @ParameterizedTest
    @MethodSource("malformedCursors")
    void refusesMalformedCursors(String cursor) {
        List<OrderItem> order = new OrderByParser().parse(Showcase.object("pet"), "name");
        ApiException error = assertThrows(ApiException.class, () -> codec.decode(order, cursor));
        assertEquals(400, error.status());
        assertEquals("BadRequestException", error.error());
        assertEquals("Invalid cursor: " + cursor, error.getMessage());
        assertEquals("INVALID_CURSOR", error.code().orElseThrow());
    }

    @Test
    void refusesValuesOfTheWrongTypeForTheirColumn() {
        List<OrderItem> order = new OrderByParser().parse(Showcase.object("pet"),
                "vaccinationCount,species,colors,arrivedAt,birthday,adoptionFee,isAdopted,weightKg");
        String[][] wrong = {
            {"vaccinationCount", "1.5"}, {"vaccinationCount", "3000000000"}, {"vaccinationCount", "\"1\""},
            {"species", "\"DRAGON\""}, {"colors", "[\"PURPLE\"]"}, {"colors", "\"BLACK\""},
            {"arrivedAt", "\"yesterday\""}, {"birthday", "\"2020-02-30\""}, {"adoptionFee", "\"ten\""},
            {"isAdopted", "\"true\""}, {"weightKg", "\"heavy\""},
        };
        for (String[] value : wrong) {
            StringBuilder json = new StringBuilder("{");
            for (OrderItem item : order) {
                String key = item.path().display();
                json.append('"').append(key).append("\":").append(key.equals(value[0]) ? value[1] : "null").append(',');
            }
            json.setLength(json.length() - 1);
            String cursor = base64(json.append('}').toString().replace("\"id\":null", "\"id\":\"" + ID + "\""));
            assertThrows(ApiException.class, () -> codec.decode(order, cursor), value[0] + " = " + value[1]);
        }
    }

    @Test
    void encodingNeedsOneValuePerOrderItem() {
        List<OrderItem> order = new OrderByParser().parse(Showcase.object("pet"), "name");
        assertThrows(IllegalArgumentException.class, () -> codec.encode(order, new Cursor(List.of(ID))));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(order, new Cursor(List.of(new Object(), ID))));
    }

    private void assertRoundTrips(List<OrderItem> order, List<Object> values) {
        Cursor decoded = codec.decode(order, codec.encode(order, new Cursor(new ArrayList<>(values))));
        assertEquals(values.size(), decoded.values().size());
        for (int i = 0; i < values.size(); i++) {
            Object expected = values.get(i);
            Object actual = decoded.values().get(i);
            String where = order.get(i).path().display();
            if (expected instanceof String[] strings) {
                assertArrayEquals(strings, (String[]) actual, where);
            } else if (expected instanceof JSONB json) {
                assertEquals(json.data(), ((JSONB) actual).data(), where);
            } else {
                assertEquals(expected, actual, where);
                if (expected != null) {
                    assertEquals(expected.getClass(), actual.getClass(), where);
                }
            }
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
