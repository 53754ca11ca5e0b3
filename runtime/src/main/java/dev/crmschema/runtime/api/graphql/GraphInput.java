package dev.crmschema.runtime.api.graphql;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of the generated input classes ({@code CompanyFilterInput}, {@code UUIDFilter}...), one per input
 * type, so that graphql-java-tools can tell input types apart. graphql-java-tools converts an argument
 * into its class with Jackson; every input field lands in one map through the any-setter, with nested
 * inputs as maps and lists and enum values as their names. {@link GraphqlResolverSupport} hands that map
 * to the data source.
 *
 * <p>This class has no public members: graphql-java-tools looks up public methods and fields named like
 * an input field to find its Java type, and must find none (it falls back to the dictionary of
 * {@link GraphqlBindings}).
 */
public abstract class GraphInput {
    private final Map<String, Object> values = new LinkedHashMap<>();

    protected GraphInput() {}

    @JsonAnySetter
    private void set(String field, Object value) {
        values.put(field, value);
    }

    /** The input's values, or {@code null} for an absent input. */
    static Map<String, Object> valuesOf(GraphInput input) {
        return input == null ? null : Collections.unmodifiableMap(input.values);
    }
}
