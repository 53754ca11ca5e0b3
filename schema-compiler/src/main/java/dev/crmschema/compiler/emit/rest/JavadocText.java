package dev.crmschema.compiler.emit.rest;

/**
 * Makes workspace text (labels, descriptions) safe inside a Javadoc comment. Without it a description
 * containing {@code *}{@code /} would end the comment, and a backslash-u sequence would be read by javac
 * as a Unicode escape even inside a comment.
 */
final class JavadocText {
    /** Line width of comment text, so that indented Javadoc stays within about 100 columns. */
    private static final int WIDTH = 90;

    private JavadocText() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                // "*/" would close the comment; an entity keeps the slash visible.
                case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes {@code text} and ends it with a full stop, unless it already ends with one. */
    static String sentence(String text) {
        String escaped = escape(text.strip());
        return escaped.endsWith(".") ? escaped : escaped + ".";
    }

    /** Breaks {@code text} into lines of at most {@code WIDTH} characters (longer words stay whole). */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (lineLength > 0 && lineLength + 1 + word.length() > WIDTH) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }
}
