package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import java.util.Optional;

/**
 * A filterable or orderable value of a record, resolved against the model: an atomic field, a composite
 * sub-field ({@code emails.primaryEmail}), or a MANY_TO_ONE join column ({@code companyId}). It always
 * maps to exactly one column.
 */
public record FieldPath(Field field, Optional<CompositeProperty> property, Column column) {

    /** The kind that decides value parsing and allowed comparators. */
    public FieldKind kind() {
        if (property.isPresent()) {
            return property.get().kind();
        }
        return field.kind() == FieldKind.RELATION ? FieldKind.UUID : field.kind();
    }

    /** How the path is written in requests: {@code name}, {@code emails.primaryEmail} or {@code companyId}. */
    public String display() {
        if (property.isPresent()) {
            return field.name() + "." + property.get().name();
        }
        return column.name();
    }
}
