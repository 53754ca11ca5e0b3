package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.runtime.errors.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads one scalar written as text into the Java type that the executor binds for its column. Refusals
 * use PostgreSQL's own wording, which is what the reference system returns for the same bad input
 * (reference contract, section 1.4: "type errors fall through to Postgres messages").
 */
final class ScalarText {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]+");
    /** PostgreSQL's numeric holds at most this many digits before the decimal point ... */
    private static final int NUMERIC_MAX_INTEGER_DIGITS = 131_072;
    /** ... and this many after it. */
    private static final int NUMERIC_MAX_FRACTION_DIGITS = 16_383;

    private ScalarText() {}

    static UUID uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw invalidSyntax("uuid", text);
        }
        return UUID.fromString(text);
    }

    /**
     * An instant: ISO 8601 with an offset or {@code Z}; without an offset it is read as UTC, and a bare
     * date means the start of that day in UTC (so {@code createdAt[gte]:"2024-01-01"} works).
     */
    static OffsetDateTime timestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw invalidSyntax("timestamp with time zone", text);
                }
            }
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalidSyntax("date", text);
        }
    }

    static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        } else if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw invalidSyntax("boolean", text);
    }

    /** A finite double; BigDecimal's grammar keeps out Java-only spellings such as {@code NaN} or {@code 1d}. */
    static Double doublePrecision(String text) {
        double value = decimal(text, "double precision").doubleValue();
        if (Double.isInfinite(value)) {
            throw outOfRange("double precision", text);
        }
        return value;
    }

    static BigDecimal numeric(String text) {
        return numericInRange(decimal(text, "numeric"), text);
    }

    /**
     * Refuses a decimal that PostgreSQL's numeric cannot hold. Without this check the JDBC driver's
     * binary encoding silently turns {@code 1e999999999} into 0 and fails on {@code 1e-999999999}.
     * Trailing zeros do not count: they are dropped when the scale alone is too large.
     */
    static BigDecimal numericInRange(BigDecimal value, String text) {
        BigDecimal significant = value.stripTrailingZeros();
        if (significant.precision() - significant.scale() > NUMERIC_MAX_INTEGER_DIGITS
                || significant.scale() > NUMERIC_MAX_FRACTION_DIGITS) {
            throw outOfRange("numeric", text);
        }
        return value.scale() > NUMERIC_MAX_FRACTION_DIGITS ? significant : value;
    }

    /**
     * Text as PostgreSQL can store it verbatim: no NUL character (text columns cannot hold one) and no
     * unpaired surrogate (the driver would silently store '?' instead).
     */
    static String storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw ApiException.badRequest("invalid byte sequence for encoding \"UTF8\": 0x00");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw ApiException.badRequest("invalid Unicode: unpaired surrogate U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT));
                }
                i++;
            }
        }
        return text;
    }

    /** An {@code integer} or {@code bigint} column's value; both are carried as Long. */
    static Long integral(String text, ColumnType type) {
        String sql = type.sql();
        if (!INTEGER_TEXT.matcher(text).matches()) {
            throw invalidSyntax(sql, text);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw outOfRange(sql, text);
        }
        return checkRange(value, type, text);
    }

    /** Refuses a long that does not fit the column (only {@code integer} is narrower than Long). */
    static Long checkRange(long value, ColumnType type, String text) {
        if (type == ColumnType.INTEGER && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw outOfRange(type.sql(), text);
        }
        return value;
    }

    private static BigDecimal decimal(String text, String sql) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalidSyntax(sql, text);
        }
    }

    static ApiException invalidSyntax(String sqlType, String text) {
        return ApiException.badRequest("invalid input syntax for type " + sqlType + ": \"" + text + "\"");
    }

    static ApiException outOfRange(String sqlType, String text) {
        return ApiException.badRequest("value \"" + text + "\" is out of range for type " + sqlType);
    }
}
