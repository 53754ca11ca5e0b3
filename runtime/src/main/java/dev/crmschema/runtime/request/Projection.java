package dev.crmschema.runtime.request;

import java.util.Optional;
import java.util.Set;

/**
 * What to put in each returned record: {@code depth} 0 (fields and join columns) or 1 (plus related
 * records), optionally restricted to the named fields ({@code fields=}); {@code id} is always included.
 */
public record Projection(int depth, Optional<Set<String>> fields) {
    public static final Projection DEFAULT = new Projection(0, Optional.empty());

    public boolean includes(String field) {
        return field.equals("id") || fields.map(f -> f.contains(field)).orElse(true);
    }
}
