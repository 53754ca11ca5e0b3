package dev.crmschema.compiler.diag;

import java.util.Comparator;

/**
 * Where a piece of metadata came from: the file (relative to the workspace folder), the JSON pointer
 * of the value inside that file, and its 1-based line and column.
 */
public record SourceLocation(String file, String pointer, int line, int column) {

    /** A location for things that have no file, such as the built-in standard objects' template. */
    public static SourceLocation builtIn(String pointer) {
        return new SourceLocation("<standard>", pointer, 0, 0);
    }

    public static final Comparator<SourceLocation> ORDER = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column)
            .thenComparing(SourceLocation::pointer);

    public SourceLocation child(String key, int childLine, int childColumn) {
        return new SourceLocation(file, pointer + "/" + escape(key), childLine, childColumn);
    }

    /** Escapes one JSON pointer token (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
