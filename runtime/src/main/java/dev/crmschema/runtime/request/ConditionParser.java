package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses one REST filter condition, {@code path[comparator]:value}, into a model-checked
 * {@link Filter.Condition}: the path must name a column, the comparator must suit its kind, and the
 * value is converted to the column's Java type.
 */
final class ConditionParser {
    /**
     * The contract's condition shape {@code ^(.+)\[(.+)\]:(.+)$}, with the path and comparator kept free of
     * brackets so that a value containing {@code [x]:y} cannot be mistaken for the comparator.
     */
    private static final Pattern CONDITION = Pattern.compile("^([^\\[\\]()]+)\\[([^\\[\\]]+)\\]:(.+)$", Pattern.DOTALL);

    private static final String COMPARATOR_LIST =
            Arrays.stream(Comparator.values()).filter(Comparator::inRestGrammar).map(Comparator::token).collect(Collectors.joining(", "));

    private final int maxListItems;

    ConditionParser(int maxListItems) {
        this.maxListItems = maxListItems;
    }

    Filter.Condition parse(ObjectType object, String condition) {
        Matcher matcher = CONDITION.matcher(condition);
        if (!matcher.matches() || matcher.group(3).isBlank()) {
            throw ApiException.badRequest("'filter' invalid for '" + condition + "'. eg: price[gte]:10");
        }
        String prefix = "'filter' invalid for '" + condition + "', ";
        String token = matcher.group(2).trim();
        Comparator comparator = Comparator.fromRestToken(token)
                .orElseThrow(() -> ApiException.badRequest(prefix + "comparator " + token + " not in " + COMPARATOR_LIST));
        FieldPath path = FieldPathResolver.resolve(object, matcher.group(1).trim(), prefix);
        if (!ComparatorRules.allowed(path.kind()).contains(comparator)) {
            throw ApiException.badRequest(prefix + "comparator " + token + " cannot be used on '" + path.display()
                    + "' of type " + path.kind() + ", allowed: "
                    + ComparatorRules.allowed(path.kind()).stream().map(Comparator::token).collect(Collectors.joining(", ")));
        }
        String raw = matcher.group(3).trim();
        return new Filter.Condition(path, comparator, value(path, comparator, raw, prefix));
    }

    private Object value(FieldPath path, Comparator comparator, String raw, String prefix) {
        return switch (comparator) {
            case IS -> isValue(FilterText.unquote(raw), prefix);
            case IN, CONTAINS_ANY -> list(path, comparator, raw, prefix);
            case LIKE, ILIKE -> likePattern(path, FilterText.unquote(raw), prefix);
            default -> ValueParser.parse(path, FilterText.unquote(raw));
        };
    }

    private static Filter.IsValue isValue(String value, String prefix) {
        return switch (value) {
            case "NULL" -> Filter.IsValue.NULL;
            case "NOT_NULL" -> Filter.IsValue.NOT_NULL;
            default -> throw ApiException.badRequest(prefix + "'is' takes NULL or NOT_NULL, not '" + value + "'");
        };
    }

    /**
     * A LIKE pattern, whose backslash escapes the next character: one left dangling at the end is refused
     * here with PostgreSQL's words, which would otherwise fail only once a row reaches it.
     */
    private static Object likePattern(FieldPath path, String pattern, String prefix) {
        int trailing = 0;
        while (trailing < pattern.length() && pattern.charAt(pattern.length() - 1 - trailing) == '\\') {
            trailing++;
        }
        if (trailing % 2 == 1) {
            throw ApiException.badRequest(prefix + "LIKE pattern must not end with escape character");
        }
        return ValueParser.parse(path, pattern);
    }

    private List<Object> list(FieldPath path, Comparator comparator, String raw, String prefix) {
        if (raw.length() < 2 || raw.charAt(0) != '[' || raw.charAt(raw.length() - 1) != ']') {
            String token = comparator.token();
            throw ApiException.badRequest("'filter' invalid for '" + token + "' operator. Received '" + raw
                    + "' but array value expected eg: 'field[" + token + "]:[value_1,value_2]'");
        }
        String inner = raw.substring(1, raw.length() - 1);
        List<String> items = inner.isBlank() ? List.of() : FilterText.splitTopLevel(inner);
        if (items.size() > maxListItems) {
            throw ApiException.badRequest(prefix + "'" + comparator.token() + "' takes at most " + maxListItems
                    + " values, got " + items.size());
        }
        List<Object> values = new ArrayList<>(items.size());
        for (String item : items) {
            values.add(ValueParser.parse(path, FilterText.unquote(item)));
        }
        return Collections.unmodifiableList(values);
    }
}
