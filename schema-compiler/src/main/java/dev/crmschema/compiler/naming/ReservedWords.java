package dev.crmschema.compiler.naming;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Names that a workspace may not use because a target language or the API itself reserves them. */
public final class ReservedWords {
    private ReservedWords() {}

    private static final Set<String> JAVA = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var",
            "record", "yield", "sealed", "permits", "_");

    /**
     * Methods of {@code java.lang.Object}: generated GraphQL classes have a method per field named like the
     * field, and graphql-java-tools matches input fields against public methods of the same name.
     */
    private static final Set<String> JAVA_OBJECT_METHODS = Set.of(
            "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone", "finalize");

    /** PostgreSQL's reserved key words (those that cannot be a table or column name unquoted). */
    private static final Set<String> SQL = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having",
            "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading",
            "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset",
            "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning",
            "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
            "where", "window", "with");

    /** Keys that filter, order and connection inputs use for themselves (reference contract, section 2.4). */
    private static final Set<String> API = Set.of("and", "or", "not", "edges", "node", "cursor", "pageInfo", "totalCount");

    /** Returns which language reserves {@code name}, if any. */
    public static Optional<String> reservedBy(String name) {
        if (JAVA.contains(name)) {
            return Optional.of("Java");
        }
        if (JAVA_OBJECT_METHODS.contains(name)) {
            return Optional.of("Java (a method of java.lang.Object)");
        }
        if (SQL.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("PostgreSQL");
        }
        if (API.contains(name)) {
            return Optional.of("the GraphQL and REST API");
        }
        if (name.startsWith("__")) {
            return Optional.of("GraphQL introspection");
        }
        return Optional.empty();
    }
}
