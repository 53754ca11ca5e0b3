package dev.crmschema.compiler.output;

/**
 * One emitted file: where it goes (relative to the source root for Java, the resource root
 * otherwise) and its exact text.
 */
public record GeneratedFile(Kind kind, String path, String content) {
    public enum Kind {
        JAVA_SOURCE,
        RESOURCE
    }

    public static GeneratedFile java(String path, String content) {
        return new GeneratedFile(Kind.JAVA_SOURCE, path, content);
    }

    public static GeneratedFile resource(String path, String content) {
        return new GeneratedFile(Kind.RESOURCE, path, content);
    }
}
