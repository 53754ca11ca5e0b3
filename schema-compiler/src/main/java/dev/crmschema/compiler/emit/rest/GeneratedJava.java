package dev.crmschema.compiler.emit.rest;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;

/** Turns a JavaPoet type into a generated source file that starts with the "generated" header and its source. */
final class GeneratedJava {
    private GeneratedJava() {}

    /** {@code source} says what the file was generated from, e.g. {@code object 'pet'}. */
    static GeneratedFile file(String packageName, TypeSpec type, String workspace, String source) {
        JavaFile file = JavaFile.builder(packageName, type)
                .addFileComment("$L\n$L", Headers.GENERATED, Headers.source(workspace, source))
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        return GeneratedFile.java(packageName.replace('.', '/') + "/" + type.name() + ".java", file.toString());
    }
}
