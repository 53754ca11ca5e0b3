package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Limits on one GraphQL operation, checked before it runs (the {@code graphql:} section of the
 * configuration file). Introspection fields do not count, so GraphiQL's schema query always passes.
 */
public class GraphqlConfiguration {
    /** Reference default {@code COMMON_QUERY_COMPLEXITY_LIMIT} (contract, section 8). */
    public static final int DEFAULT_MAX_QUERY_COMPLEXITY = 2000;
    /**
     * The reference system sets no depth limit; 15 fields deep allows four nested ONE_TO_MANY levels
     * ({@code companies > edges > node > people > edges > node > ...}), beyond which complexity grows fast.
     */
    public static final int DEFAULT_MAX_QUERY_DEPTH = 15;

    @Min(1)
    @Max(100)
    private int maxQueryDepth = DEFAULT_MAX_QUERY_DEPTH;

    /** One point per selected field. */
    @Min(1)
    @Max(1_000_000)
    private int maxQueryComplexity = DEFAULT_MAX_QUERY_COMPLEXITY;

    @JsonProperty
    public int getMaxQueryDepth() {
        return maxQueryDepth;
    }

    @JsonProperty
    public void setMaxQueryDepth(int maxQueryDepth) {
        this.maxQueryDepth = maxQueryDepth;
    }

    @JsonProperty
    public int getMaxQueryComplexity() {
        return maxQueryComplexity;
    }

    @JsonProperty
    public void setMaxQueryComplexity(int maxQueryComplexity) {
        this.maxQueryComplexity = maxQueryComplexity;
    }
}
