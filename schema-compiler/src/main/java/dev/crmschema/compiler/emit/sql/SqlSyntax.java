package dev.crmschema.compiler.emit.sql;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for PostgreSQL: every identifier is double-quoted (names are camelCase) and every literal escaped. */
public final class SqlSyntax {
    private SqlSyntax() {}

    public static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }

    /** A standard string literal; backslashes need no escape because standard_conforming_strings is on. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * An array literal such as {@code '{"RED","BLUE"}'}. It has no type of its own, so PostgreSQL reads it
     * as whatever array the column is (text[] or an enum array) without naming that type.
     */
    public static String arrayLiteral(List<String> elements) {
        return literal(elements.stream()
                .map(e -> '"' + e.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}")));
    }
}
