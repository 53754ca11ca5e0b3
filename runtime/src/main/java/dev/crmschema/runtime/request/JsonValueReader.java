package dev.crmschema.runtime.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.runtime.errors.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.JSONB;

/**
 * Converts one non-null JSON value from a request body to the Java type the executor binds for the
 * path's column: UUID, String, Double (Long for {@code integer}/{@code bigint}), BigDecimal, Boolean,
 * OffsetDateTime, LocalDate, {@link JSONB} for {@code jsonb}, and {@code String[]} for arrays and
 * multi-selects. Refusals name the field and what it expects.
 */
final class JsonValueReader {
    private static final int SHOWN_VALUE_LENGTH = 100;

    private JsonValueReader() {}

    static Object read(FieldPath path, JsonNode node) {
        return switch (path.column().type()) {
            case UUID -> {
                String text = text(path, node, "a UUID string");
                yield scalar(path, node, () -> ScalarText.uuid(text));
            }
            case TEXT -> {
                String text = text(path, node, "a string");
                yield scalar(path, node, () -> ScalarText.storable(text));
            }
            case DOUBLE -> {
                double value = number(path, node).doubleValue();
                if (!Double.isFinite(value)) {
                    throw invalid(path, node, "out of range for type double precision");
                }
                yield value;
            }
            case INTEGER, BIGINT -> integral(path, node);
            case NUMERIC -> {
                if (node.isTextual()) {
                    yield scalar(path, node, () -> ScalarText.numeric(node.textValue()));
                }
                BigDecimal number = number(path, node);
                yield scalar(path, node, () -> ScalarText.numericInRange(number, node.asText()));
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw invalid(path, node, "expected true or false");
                }
                yield node.booleanValue();
            }
            case TIMESTAMPTZ -> {
                String text = text(path, node, "an ISO 8601 date-time string");
                yield scalar(path, node, () -> ScalarText.timestamp(text));
            }
            case DATE -> {
                String text = text(path, node, "an ISO 8601 date string (YYYY-MM-DD)");
                yield scalar(path, node, () -> ScalarText.date(text));
            }
            case JSONB -> json(path, node);
            case TEXT_ARRAY -> strings(path, node);
            case ENUM -> enumValue(path, node);
            case ENUM_ARRAY -> {
                String[] values = strings(path, node);
                for (int i = 0; i < values.length; i++) {
                    enumValue(path, node.get(i));
                }
                yield values;
            }
            case TSVECTOR -> throw new IllegalStateException("search vectors are not writable: " + path.display());
        };
    }

    /** {@code Invalid value '<value>' for field "<path>": <reason>}, the body refusal every reader uses. */
    static ApiException invalid(FieldPath path, JsonNode node, String reason) {
        return invalid(path.display(), node, reason);
    }

    static ApiException invalid(String field, JsonNode node, String reason) {
        return ApiException.badRequest("Invalid value '" + shown(node) + "' for field \"" + field + "\": " + reason);
    }

    private static String enumValue(FieldPath path, JsonNode node) {
        if (!node.isTextual() || !path.enumValues().contains(node.textValue())) {
            // The contract's exact wording (section 1.6): Invalid value 'X' for field "stage"
            throw ApiException.badRequest("Invalid value '" + shown(node) + "' for field \"" + path.display() + "\"");
        }
        return node.textValue();
    }

    private static String text(FieldPath path, JsonNode node, String expected) {
        if (!node.isTextual()) {
            throw invalid(path, node, "expected " + expected);
        }
        return node.textValue();
    }

    private static BigDecimal number(FieldPath path, JsonNode node) {
        if (!node.isNumber()) {
            throw invalid(path, node, "expected a number");
        }
        try {
            return node.decimalValue();
        } catch (NumberFormatException e) {
            // a literal too large for a double (1e400) was read as infinity
            throw invalid(path, node, "out of range for type " + path.column().type().sql());
        }
    }

    private static Long integral(FieldPath path, JsonNode node) {
        BigDecimal value = number(path, node);
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw invalid(path, node, "expected an integer");
        }
        long exact;
        try {
            exact = value.longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(path, node, "out of range for type " + path.column().type().sql());
        }
        return scalar(path, node, () -> ScalarText.checkRange(exact, path.column().type(), node.asText()));
    }

    private static String[] strings(FieldPath path, JsonNode node) {
        if (!node.isArray()) {
            throw invalid(path, node, "expected an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw invalid(path, node, "expected an array of strings");
            }
            values.add(scalar(path, node, () -> ScalarText.storable(element.textValue())));
        }
        return values.toArray(String[]::new);
    }

    /** A JSON value for a {@code jsonb} column, whose strings and keys must all be storable text. */
    static JSONB json(FieldPath path, JsonNode node) {
        scalar(path, node, () -> storableStrings(node));
        return JSONB.valueOf(node.toString());
    }

    private static JsonNode storableStrings(JsonNode node) {
        if (node.isTextual()) {
            ScalarText.storable(node.textValue());
        } else if (node.isArray()) {
            node.forEach(JsonValueReader::storableStrings);
        } else if (node.isObject()) {
            node.properties().forEach(property -> {
                ScalarText.storable(property.getKey());
                storableStrings(property.getValue());
            });
        }
        return node;
    }

    /** Runs a text conversion, adding the field to PostgreSQL-worded refusals. */
    private static <T> T scalar(FieldPath path, JsonNode node, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (ApiException e) {
            throw invalid(path, node, e.getMessage());
        }
    }

    private static String shown(JsonNode node) {
        // asText() shows scalars as written ('12', 'true', 'Infinity'); containers show their JSON.
        String text = node.isValueNode() ? node.asText() : node.toString();
        return text.length() <= SHOWN_VALUE_LENGTH ? text : text.substring(0, SHOWN_VALUE_LENGTH) + "…";
    }
}
