package dev.crmschema.compiler.emit.graphql;

import com.palantir.javapoet.CodeBlock;

/** Metadata text made safe for a Java comment. */
final class Javadoc {
    private Javadoc() {}

    /**
     * javac reads unicode escapes ({@code \}{@code u0041}) even inside comments and a {@code *}{@code /}
     * ends one, so backslashes and that sequence are written as HTML entities.
     */
    static CodeBlock of(String text) {
        String safe = text.replace("&", "&amp;").replace("\\", "&#92;").replace("*/", "*&#47;").replace("@", "&#64;");
        return CodeBlock.of("$L\n", safe);
    }
}
