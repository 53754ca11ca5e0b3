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

    private ComparatorRules() {}

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
