package dev.crmschema.runtime.request;

import java.util.Optional;
import java.util.Set;

/**
 * What to put in each returned record: {@code depth} 0 (fields and join columns) or 1 (plus related
 * records), optionally restricted to the named fields ({@code fields=}); {@code id} is always included.
 * {@code selected} names fields a client asked for without narrowing what is read (a GraphQL selection),
 * so that permission checks see them.
 */
public record Projection(int depth, Optional<Set<String>> fields, Set<String> selected) {
    public static final Projection DEFAULT = new Projection(0, Optional.empty());

    public Projection(int depth, Optional<Set<String>> fields) {
        this(depth, fields, Set.of());
    }

    /** Asked per field of every returned record, so it allocates nothing. */
    public boolean includes(String field) {
        return field.equals("id") || fields.isEmpty() || fields.get().contains(field);
    }
}
