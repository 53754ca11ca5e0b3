package dev.crmschema.compiler.model;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A linked object: its fields (system fields included) and its physical table. */
public record ObjectType(
        String nameSingular,
        String namePlural,
        String labelSingular,
        String labelPlural,
        Optional<String> description,
        Optional<String> icon,
        boolean isCustom,
        String tableName,
        String labelIdentifierField,
        List<String> searchFields,
        List<List<String>> duplicateCriteria,
        List<Field> fields,
        SourceLocation location) {

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Fields stored in this object's table: everything except ONE_TO_MANY relations. */
    public List<Field> storedFields() {
        return fields.stream().filter(f -> !f.isOneToMany()).toList();
    }

    public List<Column> columns() {
        return fields.stream().flatMap(f -> f.columns().stream()).toList();
    }
}
