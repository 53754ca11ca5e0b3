package dev.crmschema.runtime.request;

import static dev.crmschema.runtime.request.Comparator.CONTAINS_ANY;
import static dev.crmschema.runtime.request.Comparator.ENDS_WITH;
import static dev.crmschema.runtime.request.Comparator.EQ;
import static dev.crmschema.runtime.request.Comparator.GT;
import static dev.crmschema.runtime.request.Comparator.GTE;
import static dev.crmschema.runtime.request.Comparator.ILIKE;
import static dev.crmschema.runtime.request.Comparator.IN;
import static dev.crmschema.runtime.request.Comparator.IS;
import static dev.crmschema.runtime.request.Comparator.LIKE;
import static dev.crmschema.runtime.request.Comparator.LT;
import static dev.crmschema.runtime.request.Comparator.LTE;
import static dev.crmschema.runtime.request.Comparator.NEQ;
import static dev.crmschema.runtime.request.Comparator.STARTS_WITH;

import dev.crmschema.compiler.model.FieldKind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which comparators make sense on which kind of value, after the reference system's filter input types
 * (reference contract, section 2.4): text takes pattern matching, ordered values take ranges, booleans
 * only equality, arrays only {@code containsAny}, JSON only {@code like}/{@code ilike} on its text.
 * Enum ranges and {@code containsAny} on single-valued enums are left out on purpose.
 */
public final class ComparatorRules {
    private static final Set<Comparator> TEXT =
            fixed(EnumSet.of(EQ, NEQ, IN, IS, GT, GTE, LT, LTE, STARTS_WITH, ENDS_WITH, LIKE, ILIKE));
    private static final Set<Comparator> ORDERED = fixed(EnumSet.of(EQ, NEQ, IN, IS, GT, GTE, LT, LTE));
    private static final Set<Comparator> BOOLEAN = fixed(EnumSet.of(EQ, NEQ, IS));
    private static final Set<Comparator> SINGLE_ENUM = fixed(EnumSet.of(EQ, NEQ, IN, IS));
    private static final Set<Comparator> ARRAY = fixed(EnumSet.of(CONTAINS_ANY, IS));
    private static final Set<Comparator> JSON = fixed(EnumSet.of(LIKE, ILIKE, IS));

    /** What GraphQL filter inputs add (reference contract, section 2.4). */
    private static final Set<Comparator> GRAPHQL_SINGLE_ENUM =
            fixed(EnumSet.of(EQ, NEQ, IN, Comparator.CONTAINS_ANY, IS, GT, GTE, LT, LTE));
    private static final Set<Comparator> GRAPHQL_ARRAY =
            fixed(EnumSet.of(CONTAINS_ANY, IS, Comparator.CONTAINS_ILIKE, Comparator.IS_EMPTY_ARRAY));
    private static final Set<Comparator> GRAPHQL_MULTI_SELECT = fixed(EnumSet.of(CONTAINS_ANY, IS, Comparator.IS_EMPTY_ARRAY));
    private static final Set<Comparator> GRAPHQL_JSON = fixed(EnumSet.of(LIKE, ILIKE, IS, Comparator.CONTAINS_JSONB));
    private static final Set<Comparator> GRAPHQL_SEARCH = fixed(EnumSet.of(Comparator.SEARCH));

    private ComparatorRules() {}

    /**
     * The operators a GraphQL filter input accepts on a value of {@code kind}: the REST ones, plus
     * {@code containsAny} and ranges by option position on single-valued enums, {@code isEmptyArray} on
     * arrays, {@code containsIlike} on text arrays, {@code containsJsonb} on JSON and {@code search} on
     * search vectors. ({@code regex}/{@code iregex} stay refused, as the reference system refuses them.)
     */
    public static Set<Comparator> allowedInGraphql(FieldKind kind) {
        return switch (kind) {
            case SELECT, RATING -> GRAPHQL_SINGLE_ENUM;
            case ARRAY -> GRAPHQL_ARRAY;
            case MULTI_SELECT -> GRAPHQL_MULTI_SELECT;
            case RAW_JSON -> GRAPHQL_JSON;
            case TS_VECTOR -> GRAPHQL_SEARCH;
            default -> allowed(kind);
        };
    }

    /** The comparators a value of {@code kind} accepts, in the grammar's order. */
    public static Set<Comparator> allowed(FieldKind kind) {
        return switch (kind) {
            case TEXT -> TEXT;
            case UUID, NUMBER, NUMERIC, POSITION, DATE_TIME, DATE -> ORDERED;
            case BOOLEAN -> BOOLEAN;
            case SELECT, RATING -> SINGLE_ENUM;
            case MULTI_SELECT, ARRAY -> ARRAY;
            case RAW_JSON -> JSON;
            default -> Set.of();
        };
    }

    private static Set<Comparator> fixed(EnumSet<Comparator> comparators) {
        return Collections.unmodifiableSet(comparators);
    }
}
