package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.runtime.errors.ApiException;

/**
 * Converts one filter value, already unquoted, to the Java type the executor binds for its column:
 * UUID, String, Double (Long for {@code integer}/{@code bigint} columns), BigDecimal, Boolean,
 * OffsetDateTime, LocalDate. Enum values are checked against the path's values. JSONB and array paths
 * keep the text: JSON is only matched with {@code like}/{@code ilike} on its text, and an array's
 * {@code containsAny} items are plain strings.
 */
public final class ValueParser {
    private ValueParser() {}

    public static Object parse(FieldPath path, String text) {
        Column column = path.column();
        return switch (column.type()) {
            case UUID -> ScalarText.uuid(text);
            case TEXT, JSONB, TEXT_ARRAY -> ScalarText.storable(text);
            case DOUBLE -> ScalarText.doublePrecision(text);
            case INTEGER, BIGINT -> ScalarText.integral(text, column.type());
            case NUMERIC -> ScalarText.numeric(text);
            case BOOLEAN -> ScalarText.bool(text);
            case TIMESTAMPTZ -> ScalarText.timestamp(text);
            case DATE -> ScalarText.date(text);
            case ENUM, ENUM_ARRAY -> enumValue(path, text);
            case TSVECTOR -> throw new IllegalStateException("search vectors are not filterable: " + path.display());
        };
    }

    private static String enumValue(FieldPath path, String text) {
        if (!path.enumValues().contains(text)) {
            throw ApiException.badRequest("enum value '" + text + "' not available in '" + path.display() + "'");
        }
        return text;
    }
}
