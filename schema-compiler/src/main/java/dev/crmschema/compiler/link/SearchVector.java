package dev.crmschema.compiler.link;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import java.util.List;
import java.util.Set;

/** Which fields feed an object's {@code searchVector} column. */
final class SearchVector {
    private static final Set<FieldKind> SEARCHABLE = Set.of(
            FieldKind.TEXT, FieldKind.FULL_NAME, FieldKind.EMAILS, FieldKind.PHONES, FieldKind.LINKS);

    private SearchVector() {}

    static boolean searchable(FieldKind kind) {
        return SEARCHABLE.contains(kind);
    }

    /** Without explicit search fields, the label identifier is searched when it is text-like. */
    static List<String> defaultFields(List<Field> fields, String labelIdentifier) {
        return fields.stream()
                .filter(f -> f.name().equals(labelIdentifier) && searchable(f.kind()))
                .map(Field::name)
                .toList();
    }
}
