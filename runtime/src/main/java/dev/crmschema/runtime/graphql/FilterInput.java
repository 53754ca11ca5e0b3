package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.ComparatorRules;
import dev.crmschema.runtime.request.FieldPath;
import dev.crmschema.runtime.request.FieldPathResolver;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.FilterParser;
import dev.crmschema.runtime.request.ValueParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a GraphQL filter input ({@code CompanyFilterInput}, reference contract, section 2.4) into the
 * {@link Filter} tree REST filters parse into, with the same rules: paths resolved by
 * {@link FieldPathResolver}, comparators checked by {@link ComparatorRules}, values converted by
 * {@link ValueParser}, and the REST parser's limits on nesting and list sizes.
 *
 * <p>The entries of one input object must all hold, as must the operators given for one field. An entry
 * or operator whose value is null counts as not given. GraphQL has a few operators REST lacks
 * ({@link ComparatorRules#allowedInGraphql}); {@code regex} and {@code iregex}, which the SDL declares as
 * the reference system's does, are refused as it refuses them: {@code Operator "regex" is not supported}.
 */
final class FilterInput {
    private static final String AND = "and";
    private static final String OR = "or";
    private static final String NOT = "not";

    private FilterInput() {}

    /** The filter, or empty when the input holds no condition at all (absent, {@code {}}, {@code {and: []}}). */
    static Optional<Filter> read(ObjectType object, Map<String, Object> input) {
        if (input == null) {
            return Optional.empty();
        }
        Filter filter = object(object, input, 1);
        return hasCondition(filter) ? Optional.of(filter) : Optional.empty();
    }

    private static Filter.And object(ObjectType object, Map<String, Object> input, int depth) {
        if (depth > FilterParser.DEFAULT_MAX_DEPTH) {
            throw ApiException.badRequest("Invalid filter: conjunctions are nested more than " + FilterParser.DEFAULT_MAX_DEPTH
                    + " levels deep", "INVALID_ARGS_FILTER");
        }
        List<Filter> items = new ArrayList<>();
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            switch (entry.getKey()) {
                case AND -> items.add(new Filter.And(list(object, entry.getValue(), depth)));
                case OR -> items.add(new Filter.Or(list(object, entry.getValue(), depth)));
                case NOT -> items.add(new Filter.Not(object(object, map(entry.getValue()), depth + 1)));
                default -> items.addAll(field(object, entry.getKey(), entry.getValue()));
            }
        }
        return new Filter.And(List.copyOf(items));
    }

    private static List<Filter> list(ObjectType object, Object value, int depth) {
        List<Filter> items = new ArrayList<>();
        for (Object item : (List<?>) value) {
            if (item != null) {
                items.add(object(object, map(item), depth + 1));
            }
        }
        return List.copyOf(items);
    }

    /** The conditions on one field: per operator, or per sub-field and operator for a composite field. */
    private static List<Filter> field(ObjectType object, String name, Object value) {
        Optional<Field> field = object.field(name);
        List<Filter> conditions = new ArrayList<>();
        if (field.isPresent() && field.get().kind().isComposite()) {
            for (Map.Entry<String, Object> sub : map(value).entrySet()) {
                if (sub.getValue() != null) {
                    conditions.addAll(operators(object, name + "." + sub.getKey(), map(sub.getValue())));
                }
            }
        } else {
            conditions.addAll(operators(object, name, map(value)));
        }
        return conditions;
    }

    private static List<Filter> operators(ObjectType object, String path, Map<String, Object> operators) {
        String prefix = "Invalid filter on '" + path + "': ";
        // Search vectors name no comparable column (REST refuses them), but their filter input has search.
        Optional<Field> searchVector = object.field(path).filter(f -> f.kind() == FieldKind.TS_VECTOR);
        FieldPath resolved = searchVector.isPresent()
                ? FieldPath.of(searchVector.get())
                : FieldPathResolver.resolve(object, path, prefix);
        List<Filter> conditions = new ArrayList<>();
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            if (operator.getValue() == null) {
                continue;
            }
            Comparator comparator = Comparator.fromToken(operator.getKey()).orElseThrow(() -> ApiException.badRequest(
                    "Operator \"" + operator.getKey() + "\" is not supported", "INVALID_ARGS_FILTER"));
            if (!ComparatorRules.allowedInGraphql(resolved.kind()).contains(comparator)) {
                throw ApiException.badRequest(prefix + "operator " + comparator.token() + " cannot be used on '" + resolved.display()
                        + "' of type " + resolved.kind() + ", allowed: "
                        + ComparatorRules.allowedInGraphql(resolved.kind()).stream().map(Comparator::token)
                                .collect(Collectors.joining(", ")),
                        "INVALID_ARGS_FILTER");
            }
            conditions.add(new Filter.Condition(resolved, comparator, value(resolved, comparator, operator.getValue(), prefix)));
        }
        return conditions;
    }

    private static Object value(FieldPath path, Comparator comparator, Object value, String prefix) {
        return switch (comparator) {
            case IS -> Filter.IsValue.valueOf(value.toString());
            case IN, CONTAINS_ANY -> values(path, comparator, value, prefix);
            case CONTAINS_ILIKE -> patterns(value, prefix);
            case IS_EMPTY_ARRAY -> {
                if (!(value instanceof Boolean flag)) {
                    throw ApiException.badRequest(prefix + "isEmptyArray takes true or false", "INVALID_ARGS_FILTER");
                }
                yield flag;
            }
            case CONTAINS_JSONB -> RecordValues.toJson(value).toString();
            case SEARCH -> text(value, prefix);
            default -> ValueParser.parse(path, text(value, prefix));
        };
    }

    private static List<Object> values(FieldPath path, Comparator comparator, Object value, String prefix) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        if (items.size() > FilterParser.DEFAULT_MAX_LIST_ITEMS) {
            throw ApiException.badRequest(prefix + "'" + comparator.token() + "' takes at most " + FilterParser.DEFAULT_MAX_LIST_ITEMS
                    + " values, got " + items.size(), "INVALID_ARGS_FILTER");
        }
        List<Object> values = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item == null) {
                throw ApiException.badRequest(prefix + "'" + comparator.token() + "' values cannot be null; use is: NULL",
                        "INVALID_ARGS_FILTER");
            }
            values.add(ValueParser.parse(path, text(item, prefix)));
        }
        return Collections.unmodifiableList(values);
    }

    /** containsIlike: one or more LIKE patterns, matched without regard to case against each element. */
    private static List<Object> patterns(Object value, String prefix) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        if (items.size() > FilterParser.DEFAULT_MAX_LIST_ITEMS) {
            throw ApiException.badRequest(prefix + "'containsIlike' takes at most " + FilterParser.DEFAULT_MAX_LIST_ITEMS
                    + " patterns, got " + items.size(), "INVALID_ARGS_FILTER");
        }
        List<Object> patterns = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String pattern)) {
                throw ApiException.badRequest(prefix + "'containsIlike' takes text patterns", "INVALID_ARGS_FILTER");
            }
            patterns.add(pattern);
        }
        return Collections.unmodifiableList(patterns);
    }

    /** A scalar operand as the text the REST parsers read: decimals in plain notation, never 1E+3. */
    private static String text(Object value, String prefix) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw ApiException.badRequest(prefix + "expected a single value, got " + value, "INVALID_ARGS_FILTER");
    }

    private static boolean hasCondition(Filter filter) {
        if (filter instanceof Filter.And and) {
            return and.items().stream().anyMatch(FilterInput::hasCondition);
        } else if (filter instanceof Filter.Or or) {
            return or.items().stream().anyMatch(FilterInput::hasCondition);
        } else if (filter instanceof Filter.Not not) {
            return hasCondition(not.item());
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
