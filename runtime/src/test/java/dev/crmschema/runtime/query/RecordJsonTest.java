package dev.crmschema.runtime.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Projection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/** The JSON forms of values, without a database: shaping is a pure function of a row. */
class RecordJsonTest {
    static final ObjectType PET = TestDatabase.showcase().require("pet");
    static final ObjectType SHELTER = TestDatabase.showcase().require("shelter");
    static final ObjectType ADOPTER = TestDatabase.showcase().require("person");
    static final ObjectType VISIT = TestDatabase.showcase().require("visit");
    // A fraction, a whole number in E notation and one too large for a long.
    static final List<BigDecimal> NUMERICS =
            List.of(new BigDecimal("2.50"), new BigDecimal("1E+3"), new BigDecimal("123456789012345678901234567890"));

    @Test
    void numericValuesArePlainJsonNumbers() {
        assertEquals("{\"amountMicros\":1500000000,\"currencyCode\":\"EUR\"}",
                shape(Map.of("monthlyCostAmountMicros", new BigDecimal("1500000000.000"), "monthlyCostCurrencyCode", "EUR"))
                        .get("monthlyCost").toString());
        assertEquals("1000", adoptionFee(new BigDecimal("1E+3")));
        assertEquals("0.1", adoptionFee(new BigDecimal("0.10")));
        assertEquals("123456789012345678901234567890", adoptionFee(new BigDecimal("123456789012345678901234567890")));
        assertEquals("-2.5", adoptionFee(new BigDecimal("-2.50")));
    }

    @Test
    void timestampsAreUtcWithMilliseconds() {
        ObjectNode node = shape(Map.of("arrivedAt", OffsetDateTime.parse("2025-01-01T01:02:03.456789+02:00")));
        assertEquals("2024-12-31T23:02:03.456Z", node.get("arrivedAt").asText());
        assertEquals("2025-01-01T00:00:00.000Z", shape(Map.of("arrivedAt", OffsetDateTime.parse("2025-01-01T00:00Z"))).get("arrivedAt").asText());
    }

    @Test
    void timestampsMatchThePatternFormatterAcrossTheYearRange() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");
        for (String text : List.of("0001-01-01T00:00:00.001Z", "0999-09-09T09:09:09.090Z", "1970-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "-0001-06-15T12:30:45.5Z")) {
            OffsetDateTime value = OffsetDateTime.parse(text);
            assertEquals(pattern.format(value), RecordJson.timestamp(value), text);
        }
    }

    @Test
    void compositesAreObjectsEvenWhenEmpty() {
        ObjectNode node = shape(Map.of());
        assertEquals("{\"firstName\":null,\"lastName\":null}", node.get("caretakerName").toString());
        assertEquals(JsonNodeFactory.instance.nullNode(), node.get("traits"));
    }

    @Test
    void jsonbIsEmbeddedAndArraysAreArrays() {
        ObjectNode node = shape(Map.of(
                "traits", JSONB.valueOf("{\"a\": [1, 2.5, null]}"),
                "tags", new String[] {"x", "y"},
                "colors", new String[] {"BLACK"}));
        assertEquals("{\"a\":[1,2.5,null]}", node.get("traits").toString());
        assertEquals("[\"x\",\"y\"]", node.get("tags").toString());
        assertEquals("[\"BLACK\"]", node.get("colors").toString());
    }

    @Test
    void aProjectionNamingTheJoinColumnKeepsIt() {
        UUID shelter = UUID.randomUUID();
        RecordJson.Layout joinColumnOnly = RecordJson.layout(PET, new Projection(0, Optional.of(Set.of("shelterId"))));
        ObjectNode node = RecordJson.shape(joinColumnOnly, row(Map.of("shelterId", shelter)), Map.of());
        assertEquals(List.of("id", "shelterId"), FindManyTest.keys(node));
        assertFalse(node.has("shelter"));
    }

    @Test
    void thePlainFormIsTheJsonRecordsPlainValues() {
        for (BigDecimal numeric : NUMERICS) {
            RecordRow row = everyColumnSet(PET, numeric);
            for (Projection projection : List.of(Projection.DEFAULT, new Projection(0, Optional.of(Set.of("name", "shelterId"))))) {
                RecordJson.Layout layout = RecordJson.layout(PET, projection);
                assertEquals(PlainValues.of(RecordJson.shape(layout, row, Map.of())), RecordJson.values(layout, row));
            }
        }
        RecordJson.Layout layout = RecordJson.layout(PET, Projection.DEFAULT);
        RecordRow nulls = row(Map.of());
        assertEquals(PlainValues.of(RecordJson.shape(layout, nulls, Map.of())), RecordJson.values(layout, nulls));
    }

    @Test
    void writtenRecordsAreTheBytesOfTheirTrees() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        RecordJson.Layout pets = RecordJson.layout(PET, Projection.DEFAULT);
        RecordJson.Layout shelters = RecordJson.layout(SHELTER, Projection.DEFAULT);
        RecordJson.Layout visits = RecordJson.layout(VISIT, Projection.DEFAULT);
        List<RecordRow> rows = new ArrayList<>();
        List<Map<String, RecordJson.Related>> related = new ArrayList<>();
        for (BigDecimal numeric : NUMERICS) {
            rows.add(everyColumnSet(PET, numeric));
            related.add(Map.of(
                    "shelter", new RecordJson.Related.One(shelters, everyColumnSet(SHELTER, numeric)),
                    "adopter", new RecordJson.Related.One(RecordJson.layout(ADOPTER, Projection.DEFAULT), null),
                    "visits", new RecordJson.Related.Many(visits, List.of(everyColumnSet(VISIT, numeric), row(VISIT, Map.of())))));
        }
        rows.add(row(PET, Map.of()));
        related.add(Map.of("visits", new RecordJson.Related.Many(visits, List.of())));

        String written = mapper.writeValueAsString(ShapedRecords.of(pets, rows, related));
        assertEquals(mapper.writeValueAsString(ShapedRecords.of(pets, rows, related).json()), written);
        assertTrue(written.contains("\"shelter\":{\"id\"") && written.contains("\"adopter\":null") && written.contains("\"visits\":[]"),
                written);

        RecordJson.Layout named = RecordJson.layout(PET, new Projection(0, Optional.of(Set.of("name", "shelterId"))));
        assertEquals(mapper.writeValueAsString(ShapedRecords.of(named, rows).json()),
                mapper.writeValueAsString(ShapedRecords.of(named, rows)));
    }

    @Test
    void onceTheTreesAreMadeTheyAreWhatIsWritten() throws Exception {
        ShapedRecords records = ShapedRecords.of(RecordJson.layout(PET, Projection.DEFAULT), List.of(row(Map.of("name", "Rex"))));
        records.json().get(0).remove("name");
        String written = new ObjectMapper().writeValueAsString(records);
        assertFalse(written.contains("Rex"), written);
        assertEquals(1, records.values().size());
        assertFalse(records.values().get(0).containsKey("name"));
    }

    private static String adoptionFee(BigDecimal value) {
        return shape(Map.of("adoptionFee", value)).get("adoptionFee").toString();
    }

    private static ObjectNode shape(Map<String, Object> values) {
        return RecordJson.shape(RecordJson.layout(PET, Projection.DEFAULT), row(values), Map.of());
    }

    /** A row of the object's table with a value in every selected column. */
    private static RecordRow everyColumnSet(ObjectType object, BigDecimal numeric) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column column : new ObjectTable("s", object).selectedColumns(Projection.DEFAULT)) {
            values.put(column.name(), switch (column.type()) {
                case UUID -> UUID.randomUUID();
                case TEXT, ENUM, TSVECTOR -> "text of \"" + column.name() + "\"";
                case DOUBLE -> 1.25;
                case INTEGER -> 7;
                case BIGINT -> 8L;
                case NUMERIC -> numeric;
                case BOOLEAN -> true;
                case TIMESTAMPTZ -> OffsetDateTime.parse("2025-01-01T01:02:03.456789+02:00");
                case DATE -> LocalDate.parse("2025-02-03");
                case JSONB -> JSONB.valueOf("{\"a\": [1, 2.5, null, {\"b\": true}], \"c\": 1.0E40}");
                case TEXT_ARRAY, ENUM_ARRAY -> new String[] {"x", "y"};
            });
        }
        return RecordRow.of(values);
    }

    /** A row of the pet table with every selected column null except the given ones. */
    private static RecordRow row(Map<String, Object> values) {
        return row(PET, values);
    }

    /** A row of the object's table with every selected column null except the given ones. */
    private static RecordRow row(ObjectType object, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        ObjectTable table = new ObjectTable("s", object);
        for (Column column : table.selectedColumns(Projection.DEFAULT)) {
            row.put(column.name(), values.get(column.name()));
        }
        row.put("id", UUID.randomUUID());
        return RecordRow.of(row);
    }
}
