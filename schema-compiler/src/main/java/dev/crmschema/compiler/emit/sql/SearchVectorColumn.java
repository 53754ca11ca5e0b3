package dev.crmschema.compiler.emit.sql;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The system {@code searchVector} column: PostgreSQL computes it from the text columns of the object's
 * search fields. Other TS_VECTOR fields are plain columns.
 */
public final class SearchVectorColumn {
    private SearchVectorColumn() {}

    public static boolean isSearchVector(Field field) {
        return field.isSystem() && field.kind() == FieldKind.TS_VECTOR;
    }

    /**
     * The generation expression. It must be immutable: the two-argument {@code to_tsvector} with a fixed
     * configuration is, {@code concat_ws} is not, hence {@code ||} over coalesced columns.
     */
    public static String expression(ObjectType object) {
        List<String> parts = sourceColumns(object).stream()
                .map(name -> "coalesce(" + SqlSyntax.identifier(name) + ", '')")
                .toList();
        String text = parts.isEmpty() ? "''" : parts.stream().collect(Collectors.joining(" || ' ' || "));
        return "to_tsvector('simple', " + text + ")";
    }

    /** The text columns the search vector is computed from, in order. */
    public static List<String> sourceColumns(ObjectType object) {
        return object.searchFields().stream()
                .flatMap(name -> object.field(name).stream())
                .flatMap(field -> field.columns().stream())
                .filter(column -> column.type() == ColumnType.TEXT)
                .map(Column::name)
                .toList();
    }
}
