package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import java.util.List;
import java.util.Optional;

/**
 * A filterable or orderable value of a record, resolved against the model: an atomic field, a composite
 * sub-field ({@code emails.primaryEmail}), or a MANY_TO_ONE join column ({@code companyId}). It always
 * maps to exactly one column.
 */
public record FieldPath(Field field, Optional<CompositeProperty> property, Column column) {

    /** The path of an atomic field, or of a MANY_TO_ONE relation's join column. */
    public static FieldPath of(Field field) {
        if (field.kind().isComposite() || field.columns().size() != 1) {
            throw new IllegalArgumentException("field '" + field.name() + "' does not map to exactly one column");
        }
        return new FieldPath(field, Optional.empty(), field.columns().get(0));
    }

    /** The path of one sub-field of a composite field. */
    public static FieldPath of(Field field, CompositeProperty property) {
        Column column = field.columns().stream()
                .filter(c -> c.property().equals(Optional.of(property.name())))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "field '" + field.name() + "' has no column for sub-field '" + property.name() + "'"));
        return new FieldPath(field, Optional.of(property), column);
    }

    /** The kind that decides value parsing and allowed comparators. */
    public FieldKind kind() {
        if (property.isPresent()) {
            return property.get().kind();
        }
        return field.kind() == FieldKind.RELATION ? FieldKind.UUID : field.kind();
    }

    /** The values an enum-like path accepts: the field's options, RATING values, or ACTOR sources. */
    public List<String> enumValues() {
        return property.map(CompositeProperty::enumValues).orElseGet(field::enumValues);
    }

    /** How the path is written in requests: {@code name}, {@code emails.primaryEmail} or {@code companyId}. */
    public String display() {
        if (property.isPresent()) {
            return field.name() + "." + property.get().name();
        }
        return column.name();
    }
}
