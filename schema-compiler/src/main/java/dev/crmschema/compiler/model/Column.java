package dev.crmschema.compiler.model;

import java.util.Optional;

/**
 * One physical column. {@code property} names the composite sub-field it stores (for example
 * {@code primaryEmail}); it is empty for atomic fields and join columns. {@code enumType} is the
 * PostgreSQL enum type for enum columns.
 */
public record Column(
        String name, ColumnType type, Optional<String> enumType, boolean nullable, Optional<String> property) {

    /**
     * Written out rather than generated: the runtime hashes lists of columns as parts of cache keys on
     * every request, and the generated method, run through method handles, was 8 % of a filtered list's
     * CPU. The name alone tells the columns of an object apart.
     */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other == this
                || other instanceof Column column
                        && name.equals(column.name)
                        && type == column.type
                        && nullable == column.nullable
                        && enumType.equals(column.enumType)
                        && property.equals(column.property);
    }
}
