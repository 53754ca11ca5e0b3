package dev.crmschema.compiler.model;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A linked field: its type is resolved, its columns are named, and a relation's target is known to
 * exist and to point back. {@code defaultValue} uses the metadata API's encoding (quoted literals,
 * bare function names).
 */
public record Field(
        String name,
        String label,
        Optional<String> description,
        Optional<String> icon,
        FieldKind kind,
        boolean isNullable,
        boolean isUnique,
        boolean isCustom,
        boolean isSystem,
        Optional<Object> defaultValue,
        List<SelectOption> options,
        Map<String, Object> settings,
        Optional<Relation> relation,
        List<Column> columns,
        SourceLocation location) {

    public boolean isManyToOne() {
        return relation.isPresent() && relation.get().type() == RelationType.MANY_TO_ONE;
    }

    public boolean isOneToMany() {
        return relation.isPresent() && relation.get().type() == RelationType.ONE_TO_MANY;
    }

    /** The join column of a MANY_TO_ONE relation ({@code companyId}). */
    public Optional<Column> joinColumn() {
        return isManyToOne() ? Optional.of(columns.get(0)) : Optional.empty();
    }

    /** The values of an enum-like field: its options, or the fixed RATING values. */
    public List<String> enumValues() {
        if (kind == FieldKind.RATING) {
            return FixedValues.RATING_VALUES;
        }
        return options.stream().map(SelectOption::value).toList();
    }

    /** Values the server fills in: they are read-only in create and update inputs. */
    public boolean isServerManaged() {
        return kind == FieldKind.TS_VECTOR;
    }
}
