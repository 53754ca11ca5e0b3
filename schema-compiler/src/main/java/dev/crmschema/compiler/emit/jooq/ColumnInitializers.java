package dev.crmschema.compiler.emit.jooq;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the column constants of a jooq-codegen table class from {@code createField(DSL.name("x"), type,
 * this, "comment")} to {@code column("x", type, "comment")} of {@link WorkspaceTableImpl}: the same field,
 * cheaper for javac. jooq-codegen prints these lines itself and has no hook for them, so the printed line
 * is rewritten; a line of any other shape stays as jOOQ printed it (and still compiles, as the superclass
 * is a {@code TableImpl}).
 */
final class ColumnInitializers {
    /** One column constant as jooq-codegen 3.19 prints it: name and comment are Java string literals. */
    private static final Pattern CREATE_FIELD = Pattern.compile(
            "= createField\\(DSL\\.name\\((\"(?:[^\"\\\\]|\\\\.)*\")\\), (.+), this, (\"(?:[^\"\\\\]|\\\\.)*\")\\);$",
            Pattern.MULTILINE);

    private ColumnInitializers() {}

    static String rewrite(String tableSource) {
        Matcher matcher = CREATE_FIELD.matcher(tableSource);
        StringBuilder out = new StringBuilder(tableSource.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    "= column(" + matcher.group(1) + ", " + matcher.group(2) + ", " + matcher.group(3) + ");"));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
