package dev.crmschema.compiler.emit.jooq;

import dev.crmschema.compiler.model.Column;

/** The column type jOOQ is told about, which decides the Java type of the generated field. */
final class JooqTypes {
    private JooqTypes() {}

    /**
     * PostgreSQL's own type name with two exceptions. Enums become {@code varchar} (String), as the
     * XMLDatabase has no enum types and the runtime binds strings; tsvector, which jOOQ does not know,
     * is read as its text (String). Arrays are written {@code <element> ARRAY}, the only spelling from
     * which the XMLDatabase derives a typed array ({@code text[]} would become {@code Object[]}).
     */
    static String dataType(Column column) {
        return switch (column.type()) {
            case ENUM, TSVECTOR -> "varchar";
            case ENUM_ARRAY -> "varchar ARRAY";
            case TEXT_ARRAY -> "text ARRAY";
            default -> column.type().sql();
        };
    }
}
