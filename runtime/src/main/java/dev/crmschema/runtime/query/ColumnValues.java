package dev.crmschema.runtime.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.JSONB;
import org.jooq.impl.SQLDataType;

/**
 * The Java side of each physical column type: the jOOQ data type a column is read and bound with, and
 * the conversion of incoming values to it.
 *
 * <p>Canonical Java types (what reads return and what cursors carry): UUID {@link UUID}; TEXT, ENUM
 * and TSVECTOR {@link String}; DOUBLE {@link Double}; INTEGER {@link Integer}; BIGINT {@link Long};
 * NUMERIC {@link BigDecimal}; BOOLEAN {@link Boolean}; TIMESTAMPTZ {@link OffsetDateTime} (full
 * microsecond precision, which cursors must keep); DATE {@link LocalDate}; JSONB {@link JSONB};
 * TEXT_ARRAY and ENUM_ARRAY {@code String[]}.
 *
 * <p>Writers and filters may also pass close relatives, converted here: a UUID as String, any
 * {@link Number} for numeric columns, {@link Instant}/{@link ZonedDateTime} for timestamps, a
 * {@link JsonNode} (or any Jackson-serialisable value, a String becoming a JSON string) for JSONB,
 * and a {@link Collection} for arrays. Anything else is a programming error in the caller.
 */
final class ColumnValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Array types, made once: jOOQ's {@code array()} builds a new type on every call. */
    static final DataType<UUID[]> UUID_ARRAY = SQLDataType.UUID.array();
    static final DataType<String[]> TEXT_ARRAY = SQLDataType.CLOB.array();
    static final DataType<String[]> VARCHAR_ARRAY = SQLDataType.VARCHAR.array();

    private ColumnValues() {}

    /** The jOOQ type a column is referenced and bound with; enum columns travel as text and are cast. */
    static DataType<?> dataType(ColumnType type) {
        return switch (type) {
            case UUID -> SQLDataType.UUID;
            case TEXT, ENUM, TSVECTOR -> SQLDataType.VARCHAR;
            case DOUBLE -> SQLDataType.DOUBLE;
            case INTEGER -> SQLDataType.INTEGER;
            case BIGINT -> SQLDataType.BIGINT;
            case NUMERIC -> SQLDataType.NUMERIC;
            case BOOLEAN -> SQLDataType.BOOLEAN;
            case TIMESTAMPTZ -> SQLDataType.TIMESTAMPWITHTIMEZONE;
            case DATE -> SQLDataType.LOCALDATE;
            case JSONB -> SQLDataType.JSONB;
            case TEXT_ARRAY, ENUM_ARRAY -> TEXT_ARRAY;
        };
    }

    /** Converts a value to the column's canonical Java type; null stays null. */
    static Object toJava(Column column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.type()) {
            case UUID -> value instanceof UUID uuid ? uuid : UUID.fromString(text(column, value));
            case TEXT, ENUM, TSVECTOR -> text(column, value);
            case DOUBLE -> number(column, value).doubleValue();
            case INTEGER -> integer(column, number(column, value));
            case BIGINT -> number(column, value).longValue();
            case NUMERIC -> decimal(column, value);
            case BOOLEAN -> value instanceof Boolean b ? b : fail(column, value);
            case TIMESTAMPTZ -> timestamp(column, value);
            case DATE -> value instanceof LocalDate date ? date : fail(column, value);
            case JSONB -> jsonb(value);
            case TEXT_ARRAY, ENUM_ARRAY -> strings(column, value);
        };
    }

    private static String text(Column column, Object value) {
        return value instanceof CharSequence text ? text.toString() : fail(column, value);
    }

    private static Number number(Column column, Object value) {
        return value instanceof Number number ? number : fail(column, value);
    }

    private static int integer(Column column, Number number) {
        long value = number.longValue();
        return value == (int) value ? (int) value : fail(column, number);
    }

    private static BigDecimal decimal(Column column, Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        } else if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        } else if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return BigDecimal.valueOf(number(column, value).longValue());
    }

    private static OffsetDateTime timestamp(Column column, Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        } else if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        } else if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        return fail(column, value);
    }

    private static JSONB jsonb(Object value) {
        if (value instanceof JSONB jsonb) {
            return jsonb;
        }
        try {
            return JSONB.valueOf(value instanceof JsonNode node ? node.toString() : JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not serialisable as JSON: " + value.getClass().getName(), e);
        }
    }

    private static String[] strings(Column column, Object value) {
        if (value instanceof String[] array) {
            return array;
        } else if (value instanceof Collection<?> items) {
            return items.stream().map(item -> item == null ? null : text(column, item)).toArray(String[]::new);
        }
        return fail(column, value);
    }

    private static <T> T fail(Column column, Object value) {
        throw new IllegalArgumentException("value of type " + value.getClass().getName() + " does not fit column '"
                + column.name() + "' of type " + column.type());
    }
}
