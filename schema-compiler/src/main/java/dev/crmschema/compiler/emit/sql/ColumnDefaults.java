package dev.crmschema.compiler.emit.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.support.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a field's metadata default ({@code uuid}, {@code now}, quoted literals, numbers, booleans, lists,
 * composite mappings) into the SQL default of one of its columns. Literals stay untyped, so PostgreSQL
 * reads them as the column's type and no default names the schema (the jOOQ classes reuse them).
 */
public final class ColumnDefaults {
    private ColumnDefaults() {}

    /** The SQL default of {@code column}, one of {@code field}'s columns; empty when it has none. */
    public static Optional<String> of(Field field, Column column) {
        if (field.defaultValue().isEmpty()) {
            return Optional.empty();
        }
        Object value = field.defaultValue().get();
        if (field.kind().isComposite()) {
            // Composite defaults map sub-field names to sub-defaults; the linker has checked the names.
            if (!(value instanceof Map<?, ?> parts) || column.property().isEmpty()) {
                return Optional.empty();
            }
            return expression(parts.get(column.property().get()), column);
        }
        return expression(value, column);
    }

    private static Optional<String> expression(Object value, Column column) {
        if (value == null) {
            return Optional.empty();
        }
        String sql = switch (column.type()) {
            case UUID -> "uuid".equals(value) ? "gen_random_uuid()" : SqlSyntax.literal(text(value));
            case TIMESTAMPTZ -> "now".equals(value) ? "now()" : SqlSyntax.literal(text(value));
            case DATE -> "now".equals(value) ? "CURRENT_DATE" : SqlSyntax.literal(text(value));
            case TEXT, ENUM -> SqlSyntax.literal(text(value));
            case DOUBLE, INTEGER, BIGINT, NUMERIC -> number(value);
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
            case JSONB -> SqlSyntax.literal(json(value));
            case TEXT_ARRAY, ENUM_ARRAY -> SqlSyntax.arrayLiteral(((List<?>) value).stream().map(ColumnDefaults::text).toList());
            case TSVECTOR -> null;
        };
        return Optional.ofNullable(sql);
    }

    /** The text of a metadata string literal: {@code 'NEW'} is NEW; unquoted strings (ARRAY items) stay as they are. */
    private static String text(Object value) {
        String s = String.valueOf(value);
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }

    private static String number(Object value) {
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("numeric default is not a number: " + value);
        }
        // BigDecimal parses every finite Java number and prints it without an exponent.
        return new BigDecimal(value.toString()).toPlainString();
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON default " + value, e);
        }
    }
}
