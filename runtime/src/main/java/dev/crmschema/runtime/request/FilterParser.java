package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the REST {@code filter} parameter (reference contract, section 1.4) into a {@link Filter} tree
 * checked against the object's fields. A filter that is not wrapped in {@code and(…)}, {@code or(…)} or
 * {@code not(…)} is wrapped in {@code and(…)}, so the root is always a conjunction.
 *
 * <p>Size limits keep a single request from costing unbounded parse or query time; each is refused with
 * its own 400.
 */
public final class FilterParser {
    public static final int DEFAULT_MAX_DEPTH = 10;
    public static final int DEFAULT_MAX_LENGTH = 10_000;
    public static final int DEFAULT_MAX_LIST_ITEMS = 500;

    private final int maxDepth;
    private final int maxLength;
    private final ConditionParser conditions;

    public FilterParser() {
        this(DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_LIST_ITEMS);
    }

    /**
     * @param maxDepth how many conjunctions may nest, the root one included
     * @param maxLength the longest filter string accepted, in characters
     * @param maxListItems the most values an {@code in} or {@code containsAny} list may hold
     */
    public FilterParser(int maxDepth, int maxLength, int maxListItems) {
        this.maxDepth = maxDepth;
        this.maxLength = maxLength;
        this.conditions = new ConditionParser(maxListItems);
    }

    public Filter parse(ObjectType object, String filter) {
        if (filter.length() > maxLength) {
            throw ApiException.badRequest("'filter' invalid. The filter is " + filter.length()
                    + " characters long, at most " + maxLength + " are allowed");
        }
        String text = filter.trim();
        if (text.isEmpty()) {
            throw ApiException.badRequest("'filter' invalid. The filter is empty. eg: price[gte]:10");
        }
        FilterText.checkBalanced(text);
        return conjunction(object, FilterText.isConjunction(text) ? text : "and(" + text + ")", 1);
    }

    private Filter conjunction(ObjectType object, String text, int depth) {
        if (depth > maxDepth) {
            throw ApiException.badRequest("'filter' invalid. Conjunctions are nested more than " + maxDepth + " levels deep");
        }
        int open = text.indexOf('(');
        String keyword = text.substring(0, open);
        String inner = text.substring(open + 1, text.length() - 1);
        if (inner.isBlank()) {
            throw ApiException.badRequest("'filter' invalid. '" + keyword + "' conjunction should contain at least 1 condition");
        }
        List<String> rawItems = FilterText.splitTopLevel(inner);
        if (keyword.equals("not") && rawItems.size() != 1) {
            throw ApiException.badRequest(
                    "'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)");
        }
        List<Filter> items = new ArrayList<>();
        for (String item : rawItems) {
            items.add(FilterText.isConjunction(item) ? conjunction(object, item, depth + 1) : conditions.parse(object, item));
        }
        return switch (keyword) {
            case "and" -> new Filter.And(List.copyOf(items));
            case "or" -> new Filter.Or(List.copyOf(items));
            case "not" -> new Filter.Not(items.get(0));
            default -> throw new IllegalStateException("not a conjunction: " + keyword);
        };
    }
}
