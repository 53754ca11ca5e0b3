package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.runtime.errors.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The text conversions shared by filters and bodies, including the PostgreSQL-worded refusals. */
class ValueParsingTest {
    @Test
    void readsTimestampsWithOrWithoutOffsetAndBareDates() {
        assertEquals(OffsetDateTime.parse("2024-05-01T10:00:00+02:00"), ScalarText.timestamp("2024-05-01T10:00:00+02:00"));
        assertEquals(OffsetDateTime.parse("2024-05-01T10:00:00.123456Z"), ScalarText.timestamp("2024-05-01T10:00:00.123456Z"));
        assertEquals(OffsetDateTime.parse("2024-05-01T10:00Z"), ScalarText.timestamp("2024-05-01T10:00"));
        assertEquals(OffsetDateTime.parse("2024-05-01T00:00Z"), ScalarText.timestamp("2024-05-01"));
        assertEquals("invalid input syntax for type timestamp with time zone: \"2024-05-01 10:00\"",
                assertThrows(ApiException.class, () -> ScalarText.timestamp("2024-05-01 10:00")).getMessage());
    }

    @Test
    void readsDates() {
        assertEquals(LocalDate.of(2024, 2, 29), ScalarText.date("2024-02-29"));
        assertEquals("invalid input syntax for type date: \"2023-02-29\"",
                assertThrows(ApiException.class, () -> ScalarText.date("2023-02-29")).getMessage());
    }

    @Test
    void readsUuidsInTheirCanonicalForm() {
        assertEquals(UUID.fromString("6dd71a46-0000-4000-8000-00000000000a"), ScalarText.uuid("6DD71A46-0000-4000-8000-00000000000A"));
        for (String bad : new String[] {"1-1-1-1-1", "6dd71a4600004000800000000000000a", "{6dd71a46-0000-4000-8000-00000000000a}", ""}) {
            assertEquals("invalid input syntax for type uuid: \"" + bad + "\"",
                    assertThrows(ApiException.class, () -> ScalarText.uuid(bad)).getMessage());
        }
    }

    @Test
    void readsNumbersWithTheColumnsRange() {
        assertEquals(-2000.0, ScalarText.doublePrecision("-2e3"));
        assertEquals(1.0, ScalarText.doublePrecision("+1"));
        assertEquals("value \"1e400\" is out of range for type double precision",
                assertThrows(ApiException.class, () -> ScalarText.doublePrecision("1e400")).getMessage());
        assertEquals(new BigDecimal("1.50"), ScalarText.numeric("1.50"));
        assertEquals(Long.MAX_VALUE, ScalarText.integral("9223372036854775807", ColumnType.BIGINT));
        assertEquals(2147483647L, ScalarText.integral("2147483647", ColumnType.INTEGER));
        assertEquals("value \"2147483648\" is out of range for type integer",
                assertThrows(ApiException.class, () -> ScalarText.integral("2147483648", ColumnType.INTEGER)).getMessage());
        assertEquals("value \"9223372036854775808\" is out of range for type bigint",
                assertThrows(ApiException.class, () -> ScalarText.integral("9223372036854775808", ColumnType.BIGINT)).getMessage());
        assertEquals("invalid input syntax for type bigint: \"1e3\"",
                assertThrows(ApiException.class, () -> ScalarText.integral("1e3", ColumnType.BIGINT)).getMessage());
    }

    @Test
    void readsBooleansInAnyCase() {
        assertEquals(true, ScalarText.bool("TRUE"));
        assertEquals(false, ScalarText.bool("false"));
        assertEquals("invalid input syntax for type boolean: \"1\"",
                assertThrows(ApiException.class, () -> ScalarText.bool("1")).getMessage());
    }

    @Test
    void keepsFilterValuesOfJsonAndArrayPathsAsText() {
        FieldPath traits = FieldPath.of(Showcase.object("pet").field("traits").orElseThrow());
        FieldPath tags = FieldPath.of(Showcase.object("pet").field("tags").orElseThrow());
        assertEquals("%calm%", ValueParser.parse(traits, "%calm%"));
        assertEquals("shy", ValueParser.parse(tags, "shy"));
    }
}
