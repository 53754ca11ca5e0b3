package dev.crmschema.runtime.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.crmschema.compiler.model.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.JSONB;

/**
 * Writes one ordered-on value into a cursor's JSON and reads it back as the same Java value. Values
 * that JSON numbers would not carry exactly travel as strings: BigDecimal (scale included), non-finite
 * doubles, timestamps (every fractional digit, offset kept) and JSONB (its text).
 */
final class CursorValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CursorValues() {}

    static JsonNode write(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        } else if (value instanceof UUID uuid) {
            return NODES.textNode(uuid.toString());
        } else if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? NODES.numberNode(number) : NODES.textNode(Double.toString(number));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            return NODES.textNode(decimal.toString());
        } else if (value instanceof OffsetDateTime timestamp) {
            return NODES.textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp));
        } else if (value instanceof LocalDate date) {
            return NODES.textNode(date.toString());
        } else if (value instanceof JSONB json) {
            return NODES.textNode(json.data());
        } else if (value instanceof String[] strings) {
            ArrayNode array = NODES.arrayNode();
            for (String element : strings) {
                array.add(element == null ? NODES.nullNode() : NODES.textNode(element));
            }
            return array;
        }
        throw new IllegalArgumentException("a cursor cannot hold a " + value.getClass().getName());
    }

    /** The value {@link #write} wrote for {@code path}; anything else throws IllegalArgumentException. */
    static Object read(FieldPath path, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        return switch (path.column().type()) {
            case UUID -> ScalarText.uuid(text(node));
            case TEXT -> text(node);
            case ENUM -> enumValue(path, text(node));
            case DOUBLE -> node.isNumber() ? node.doubleValue() : nonFinite(text(node));
            case INTEGER, BIGINT -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw new IllegalArgumentException("not an integer: " + node);
                }
                yield ScalarText.checkRange(node.longValue(), path.column().type(), node.asText());
            }
            case NUMERIC -> ScalarText.numeric(text(node));
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw new IllegalArgumentException("not a boolean: " + node);
                }
                yield node.booleanValue();
            }
            case TIMESTAMPTZ -> OffsetDateTime.parse(text(node));
            case DATE -> LocalDate.parse(text(node));
            case JSONB -> JSONB.valueOf(text(node));
            case TEXT_ARRAY, ENUM_ARRAY -> strings(path, node);
            case TSVECTOR -> throw new IllegalArgumentException("search vectors are not orderable");
        };
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("not a string: " + node);
        }
        return ScalarText.storable(node.textValue());
    }

    private static Double nonFinite(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("not a number: " + text);
        };
    }

    private static String enumValue(FieldPath path, String value) {
        if (!path.enumValues().contains(value)) {
            throw new IllegalArgumentException("not a value of " + path.display() + ": " + value);
        }
        return value;
    }

    private static String[] strings(FieldPath path, JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("not an array: " + node);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            String value = element.isNull() ? null : text(element);
            values.add(value != null && path.column().type() == ColumnType.ENUM_ARRAY
                    ? enumValue(path, value) : value);
        }
        return values.toArray(String[]::new);
    }
}
