package dev.crmschema.runtime.api;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.javac.InMemoryJavaCompiler;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import java.lang.reflect.InvocationTargetException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workspace's RESOURCES artifact, emitted by the real compiler, compiled in memory with
 * {@code -Xlint:all -Werror} against this module's class path, and loaded.
 */
record GeneratedCode(Workspace model, List<GeneratedFile> files, InMemoryJavaCompiler.Result javac, EmitContext context) {
    static final EmitContext CONTEXT = new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE);

    static SchemaCompiler.Result emit(MetadataFiles metadata) {
        SchemaCompiler.Result result = SchemaCompiler.compile(metadata, CONTEXT, EnumSet.of(Artifact.RESOURCES));
        if (!result.succeeded()) {
            throw new AssertionError("workspace is invalid:\n" + result.diagnostics());
        }
        return result;
    }

    /** Emits and compiles; fails with javac's messages unless the code compiles without a single warning. */
    static GeneratedCode compile(MetadataFiles metadata) {
        SchemaCompiler.Result result = emit(metadata);
        Map<String, String> sources = new TreeMap<>();
        result.files().stream().filter(f -> f.kind() == GeneratedFile.Kind.JAVA_SOURCE)
                .forEach(f -> sources.put(f.path(), f.content()));
        InMemoryJavaCompiler.Result javac = InMemoryJavaCompiler.compile(sources, InMemoryJavaCompiler.currentClasspath(),
                List.of("-Xlint:all", "-Werror"));
        if (!javac.success() || !javac.messages().isEmpty()) {
            throw new AssertionError("generated code does not compile cleanly:\n" + String.join("\n", javac.messages()));
        }
        return new GeneratedCode(result.workspace().orElseThrow(), result.files(), javac, CONTEXT);
    }

    static GeneratedCode showcase() {
        return compile(ExampleWorkspaces.files("showcase"));
    }

    /** A fresh instance of the workspace's entry class, loaded by the name the runtime uses. */
    GeneratedWorkspace entry() {
        String name = context.packageOf(model) + "." + Names.workspaceClass(model.name());
        try {
            Class<?> type = javac.classLoader(getClass().getClassLoader()).loadClass(name);
            return (GeneratedWorkspace) type.getConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new AssertionError("cannot load " + name, e);
        }
    }
}
