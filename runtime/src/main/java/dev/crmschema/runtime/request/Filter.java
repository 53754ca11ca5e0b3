package dev.crmschema.runtime.request;

import java.util.List;

/**
 * A parsed, model-checked filter: the one tree both REST ({@code ?filter=}) and GraphQL
 * ({@code filter:} inputs) produce, so the two APIs filter identically.
 */
public sealed interface Filter {
    record And(List<Filter> items) implements Filter {}

    record Or(List<Filter> items) implements Filter {}

    record Not(Filter item) implements Filter {}

    /**
     * One comparison. {@code value} is already converted to the column's Java type: a single value,
     * a {@code List} for IN and CONTAINS_ANY, or an {@link IsValue} for IS.
     */
    record Condition(FieldPath path, Comparator comparator, Object value) implements Filter {}

    /** The operand of {@code is}: NULL or NOT_NULL. */
    enum IsValue {
        NULL,
        NOT_NULL
    }

    /** True when the filter names {@code deletedAt}, which makes soft-deleted records visible. */
    default boolean mentionsDeletedAt() {
        if (this instanceof And and) {
            return and.items().stream().anyMatch(Filter::mentionsDeletedAt);
        } else if (this instanceof Or or) {
            return or.items().stream().anyMatch(Filter::mentionsDeletedAt);
        } else if (this instanceof Not not) {
            return not.item().mentionsDeletedAt();
        }
        return ((Condition) this).path().field().name().equals("deletedAt");
    }
}
