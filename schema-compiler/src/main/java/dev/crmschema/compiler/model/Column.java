package dev.crmschema.compiler.model;

import java.util.Optional;

/**
 * One physical column. {@code property} names the composite sub-field it stores (for example
 * {@code primaryEmail}); it is empty for atomic fields and join columns. {@code enumType} is the
 * PostgreSQL enum type for enum columns.
 */
public record Column(
        String name, ColumnType type, Optional<String> enumType, boolean nullable, Optional<String> property) {}
