package dev.crmschema.runtime.request;

import java.util.Optional;

/**
 * The filter comparators: the 13 of the REST filter grammar (reference contract, section 1.4), then the
 * operators only GraphQL filter inputs have (section 2.4): {@code containsIlike} and {@code isEmptyArray}
 * on arrays, {@code containsJsonb} on JSON, {@code search} on search vectors.
 */
public enum Comparator {
    EQ("eq"),
    NEQ("neq"),
    IN("in"),
    CONTAINS_ANY("containsAny"),
    IS("is"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    STARTS_WITH("startsWith"),
    ENDS_WITH("endsWith"),
    LIKE("like"),
    ILIKE("ilike"),
    CONTAINS_ILIKE("containsIlike", false),
    IS_EMPTY_ARRAY("isEmptyArray", false),
    CONTAINS_JSONB("containsJsonb", false),
    SEARCH("search", false);

    private final String token;
    private final boolean inRestGrammar;

    Comparator(String token) {
        this(token, true);
    }

    Comparator(String token, boolean inRestGrammar) {
        this.token = token;
        this.inRestGrammar = inRestGrammar;
    }

    /** Whether the REST {@code filter} parameter accepts it; the others exist only in GraphQL inputs. */
    public boolean inRestGrammar() {
        return inRestGrammar;
    }

    /** The name used in REST filters and GraphQL filter inputs. */
    public String token() {
        return token;
    }

    /** A comparator of the REST grammar by its token. */
    public static Optional<Comparator> fromRestToken(String token) {
        return fromToken(token).filter(Comparator::inRestGrammar);
    }

    public static Optional<Comparator> fromToken(String token) {
        for (Comparator c : values()) {
            if (c.token.equals(token)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
