package dev.crmschema.runtime.request;

import java.util.Optional;

/** The 13 filter comparators of the REST filter grammar (reference contract, section 1.4). */
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
    ILIKE("ilike");

    private final String token;

    Comparator(String token) {
        this.token = token;
    }

    /** The name used in REST filters and GraphQL filter inputs. */
    public String token() {
        return token;
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
