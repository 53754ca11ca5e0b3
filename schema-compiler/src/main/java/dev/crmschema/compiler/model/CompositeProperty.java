package dev.crmschema.compiler.model;

import java.util.List;

/**
 * One sub-field of a composite field type, such as {@code amountMicros} of CURRENCY. {@code kind}
 * is the atomic kind it behaves like for JSON, filters and GraphQL.
 */
public record CompositeProperty(String name, FieldKind kind, List<String> enumValues) {
    public CompositeProperty(String name, FieldKind kind) {
        this(name, kind, List.of());
    }
}
