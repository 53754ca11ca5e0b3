package dev.crmschema.compiler.link;

import dev.crmschema.compiler.diag.DiagnosticCode;
import dev.crmschema.compiler.diag.Diagnostics;
import dev.crmschema.compiler.diag.DidYouMean;
import dev.crmschema.compiler.diag.SourceLocation;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.FixedValues;
import dev.crmschema.compiler.syntax.FieldElement;
import dev.crmschema.compiler.syntax.Located;
import dev.crmschema.compiler.syntax.OptionElement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks one field's options, settings, uniqueness and default value against its type. */
final class FieldRules {
    private static final Pattern ENUM_VALUE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Settings each type understands; anything else is a typo or belongs to another type. */
    private static final Map<FieldKind, Set<String>> SETTINGS = Map.ofEntries(
            Map.entry(FieldKind.NUMBER, Set.of("dataType", "decimals", "type")),
            Map.entry(FieldKind.NUMERIC, Set.of("decimals")),
            Map.entry(FieldKind.TEXT, Set.of("displayedMaxRows")),
            Map.entry(FieldKind.DATE_TIME, Set.of("displayFormat")),
            Map.entry(FieldKind.DATE, Set.of("displayFormat")),
            Map.entry(FieldKind.LINKS, Set.of("maxNumberOfValues")),
            Map.entry(FieldKind.EMAILS, Set.of("maxNumberOfValues")),
            Map.entry(FieldKind.PHONES, Set.of("maxNumberOfValues")),
            Map.entry(FieldKind.CURRENCY, Set.of("format")),
            Map.entry(FieldKind.ADDRESS, Set.of("subFields")));

    /** Composite types whose primary value can carry a unique constraint. */
    private static final Set<FieldKind> UNIQUE_CAPABLE = Set.of(FieldKind.UUID, FieldKind.TEXT, FieldKind.NUMBER,
            FieldKind.NUMERIC, FieldKind.DATE_TIME, FieldKind.DATE, FieldKind.BOOLEAN, FieldKind.SELECT, FieldKind.RATING,
            FieldKind.EMAILS, FieldKind.LINKS, FieldKind.PHONES, FieldKind.RELATION);

    private final Diagnostics diagnostics;

    FieldRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(String objectName, FieldElement field, FieldKind kind) {
        String name = objectName + "." + field.name().value();
        checkOptions(name, field, kind);
        checkSettings(name, field, kind);
        if (field.isUnique() && !UNIQUE_CAPABLE.contains(kind)) {
            diagnostics.error(DiagnosticCode.INVALID_SETTING, field.location(),
                    "field '" + name + "' of type " + kind + " cannot be unique",
                    "unique fields must be atomic values, or EMAILS, LINKS or PHONES (unique on their primary value)");
        }
        if (field.isUnique() && kind == FieldKind.RELATION
                && field.relation().map(r -> r.type().value().equals("ONE_TO_MANY")).orElse(false)) {
            diagnostics.error(DiagnosticCode.INVALID_SETTING, field.location(),
                    "ONE_TO_MANY relation '" + name + "' has no column and cannot be unique", "remove isUnique");
        }
        field.defaultValue().ifPresent(d -> checkDefault(name, kind, d.value(), d.location(), field, true));
    }

    private void checkOptions(String name, FieldElement field, FieldKind kind) {
        boolean takesOptions = kind == FieldKind.SELECT || kind == FieldKind.MULTI_SELECT;
        if (!takesOptions) {
            if (!field.options().isEmpty()) {
                diagnostics.error(DiagnosticCode.INVALID_SETTING, field.options().get(0).location(),
                        "field '" + name + "' of type " + kind + " cannot have options",
                        kind == FieldKind.RATING ? "RATING always has the values " + String.join(", ", FixedValues.RATING_VALUES)
                                : "options belong to SELECT and MULTI_SELECT fields");
            }
            return;
        }
        if (field.options().isEmpty()) {
            diagnostics.error(DiagnosticCode.MISSING_OPTIONS, field.type().location(),
                    kind + " field '" + name + "' has no options",
                    "add options: [{value: OPTION_ONE, label: Option one}]");
            return;
        }
        Map<String, OptionElement> seen = new HashMap<>();
        for (OptionElement option : field.options()) {
            Located<String> value = option.value();
            if (!ENUM_VALUE.matcher(value.value()).matches()) {
                String suggestion = value.value().trim().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                        .replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
                diagnostics.error(DiagnosticCode.INVALID_OPTION_VALUE, value.location(),
                        "option value '" + value.value() + "' of '" + name + "' is not a valid enum name (UPPER_SNAKE_CASE, starting with a letter)",
                        ENUM_VALUE.matcher(suggestion).matches() ? "did you mean '" + suggestion + "'?" : null);
            }
            OptionElement previous = seen.putIfAbsent(value.value(), option);
            if (previous != null) {
                diagnostics.error(DiagnosticCode.DUPLICATE_OPTION_VALUE, value.location(),
                        "option value '" + value.value() + "' of '" + name + "' appears twice (also at " + previous.location() + ")",
                        "give each option its own value");
            }
        }
    }

    private void checkSettings(String name, FieldElement field, FieldKind kind) {
        Set<String> known = SETTINGS.getOrDefault(kind, Set.of());
        for (Map.Entry<String, Located<Object>> setting : field.settings().entrySet()) {
            String key = setting.getKey();
            Object value = setting.getValue().value();
            SourceLocation at = setting.getValue().location();
            if (!known.contains(key)) {
                diagnostics.error(DiagnosticCode.INVALID_SETTING, at,
                        "setting '" + key + "' does not apply to " + kind + " field '" + name + "'",
                        DidYouMean.hint(key, known).orElse(known.isEmpty() ? kind + " fields take no settings"
                                : "settings of " + kind + ": " + String.join(", ", known.stream().sorted().toList())));
            } else if (key.equals("dataType") && !List.of("float", "int", "bigint").contains(value)) {
                diagnostics.error(DiagnosticCode.INVALID_SETTING, at,
                        "setting 'dataType' of '" + name + "' must be float, int or bigint", (String) null);
            } else if ((key.equals("decimals") || key.equals("maxNumberOfValues") || key.equals("displayedMaxRows"))
                    && !(value instanceof Number)) {
                diagnostics.error(DiagnosticCode.INVALID_SETTING, at,
                        "setting '" + key + "' of '" + name + "' must be a number", (String) null);
            }
        }
    }

    private void checkDefault(String name, FieldKind kind, Object value, SourceLocation at, FieldElement field, boolean topLevel) {
        if (value == null) {
            if (topLevel && !field.isNullable()) {
                invalidDefault(name, at, "null, but the field is not nullable", "give a value or remove defaultValue");
            }
            return;
        }
        switch (kind) {
            case UUID -> {
                if (!"uuid".equals(value) && !quoted(value).map(FieldRules::isUuid).orElse(false)) {
                    invalidDefault(name, at, describe(value) + ", expected 'uuid' (a fresh id) or a quoted UUID",
                            "write defaultValue: uuid");
                }
            }
            case TEXT -> {
                if (quoted(value).isEmpty()) {
                    invalidDefault(name, at, describe(value) + ", expected a quoted string", "write the value in single quotes inside the string: \"'" + value + "'\"");
                }
            }
            case NUMBER, NUMERIC, POSITION -> {
                if (!(value instanceof Number)) {
                    invalidDefault(name, at, describe(value) + ", expected a number", null);
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    invalidDefault(name, at, describe(value) + ", expected true or false", null);
                }
            }
            case DATE_TIME -> {
                if (!"now".equals(value) && !quoted(value).map(FieldRules::isDateTime).orElse(false)) {
                    invalidDefault(name, at, describe(value) + ", expected 'now' or a quoted ISO date-time", "write defaultValue: now");
                }
            }
            case DATE -> {
                if (!"now".equals(value) && !quoted(value).map(FieldRules::isDate).orElse(false)) {
                    invalidDefault(name, at, describe(value) + ", expected 'now' or a quoted date (YYYY-MM-DD)", null);
                }
            }
            case RAW_JSON -> {
                // any JSON value is a valid default
            }
            case ARRAY -> {
                if (!(value instanceof List<?> list) || !list.stream().allMatch(v -> v instanceof String)) {
                    invalidDefault(name, at, describe(value) + ", expected a list of strings", null);
                }
            }
            case SELECT, RATING -> checkEnumDefault(name, value, at, allowedValues(kind, field));
            case MULTI_SELECT -> {
                if (!(value instanceof List<?> list)) {
                    invalidDefault(name, at, describe(value) + ", expected a list of quoted option values", null);
                } else {
                    list.forEach(v -> checkEnumDefault(name, v, at, allowedValues(kind, field)));
                }
            }
            case RELATION, TS_VECTOR -> invalidDefault(name, at, "given, but " + kind + " fields cannot have a default", "remove defaultValue");
            default -> checkCompositeDefault(name, kind, value, at, field);
        }
    }

    private void checkCompositeDefault(String name, FieldKind kind, Object value, SourceLocation at, FieldElement field) {
        if (!(value instanceof Map<?, ?> map)) {
            invalidDefault(name, at, describe(value) + ", expected a mapping of " + kind + " sub-fields", null);
            return;
        }
        List<String> names = kind.properties().stream().map(CompositeProperty::name).toList();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Optional<CompositeProperty> property = kind.property(key);
            if (property.isEmpty()) {
                diagnostics.error(DiagnosticCode.INVALID_DEFAULT, at,
                        "default value of '" + name + "' sets unknown sub-field '" + key + "' of " + kind,
                        DidYouMean.hint(key, names).orElse("sub-fields: " + String.join(", ", names)));
            } else if (property.get().kind() == FieldKind.SELECT) {
                checkEnumDefault(name + "." + key, entry.getValue(), at, property.get().enumValues());
            } else {
                checkDefault(name + "." + key, property.get().kind(), entry.getValue(), at, field, false);
            }
        }
    }

    private static List<String> allowedValues(FieldKind kind, FieldElement field) {
        return kind == FieldKind.RATING ? FixedValues.RATING_VALUES
                : field.options().stream().map(o -> o.value().value()).toList();
    }

    private void checkEnumDefault(String name, Object value, SourceLocation at, List<String> allowed) {
        if (value == null) {
            return;
        }
        Optional<String> literal = quoted(value);
        if (literal.isEmpty()) {
            invalidDefault(name, at, describe(value) + ", expected a quoted option value such as \"'" + (allowed.isEmpty() ? "VALUE" : allowed.get(0)) + "'\"",
                    allowed.contains(String.valueOf(value)) ? "write \"'" + value + "'\"" : null);
        } else if (!allowed.contains(literal.get())) {
            invalidDefault(name, at, "'" + literal.get() + "', which is not one of its options",
                    DidYouMean.hint(literal.get(), allowed).orElse("options: " + String.join(", ", allowed)));
        }
    }

    private void invalidDefault(String name, SourceLocation at, String problem, String hint) {
        diagnostics.error(DiagnosticCode.INVALID_DEFAULT, at, "default value of '" + name + "' is " + problem, hint);
    }

    /** The text of a metadata-API string literal: a string wrapped in single quotes. */
    static Optional<String> quoted(Object value) {
        if (value instanceof String s && s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return Optional.of(s.substring(1, s.length() - 1));
        }
        return Optional.empty();
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
