package dev.crmschema.compiler.model;

import dev.crmschema.compiler.diag.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A linked object: its fields (system fields included) and its physical table. {@code indexes} are the
 * indexes its metadata declares, each a list of field paths ({@code name}, {@code address.addressCity}).
 */
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
        List<List<String>> indexes,
        List<Field> fields,
        SourceLocation location) {

    // Loops rather than streams: the runtime asks these on every request.

    public Optional<Field> field(String name) {
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** Fields stored in this object's table: everything except ONE_TO_MANY relations. */
    public List<Field> storedFields() {
        List<Field> stored = new ArrayList<>(fields.size());
        for (Field field : fields) {
            if (!field.isOneToMany()) {
                stored.add(field);
            }
        }
        return Collections.unmodifiableList(stored);
    }

    public List<Column> columns() {
        List<Column> columns = new ArrayList<>(fields.size() + 8);
        for (Field field : fields) {
            columns.addAll(field.columns());
        }
        return Collections.unmodifiableList(columns);
    }
}
