package dev.crmschema.compiler.javac;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in memory with javac and loads the classes into a fresh class loader.
 * Used by tests that compile generated code, and by the runtime for workspaces whose model has no
 * precompiled classes. Needs a JDK (not a JRE) at run time.
 */
public final class InMemoryJavaCompiler {
    /**
     * File managers kept between compilations: each keeps its index of the class path's jars and of the
     * platform classes, which otherwise every compilation builds again (a large part of compiling a small
     * set of sources). A file manager is not thread-safe, so each compilation takes one from the pool (or
     * makes one when all are busy) and gives it back: compilations in different threads run in parallel.
     */
    private static final ConcurrentLinkedDeque<StandardJavaFileManager> IDLE_FILE_MANAGERS = new ConcurrentLinkedDeque<>();

    private InMemoryJavaCompiler() {}

    /** The outcome: compiled class bytes by binary name, and javac's messages (errors and warnings). */
    public record Result(Map<String, byte[]> classes, List<String> messages, boolean success) {
        /** A class loader over the compiled classes, delegating to {@code parent} for everything else. */
        public ClassLoader classLoader(ClassLoader parent) {
            return new BytesClassLoader(classes, parent);
        }
    }

    /**
     * Compiles {@code sources} (keyed by path such as {@code com/acme/Foo.java}) against
     * {@code classpath} with {@code --release 17 -proc:none} plus {@code extraOptions}. Safe to call from
     * several threads at once; each call is one javac task in the calling thread.
     */
    public static Result compile(Map<String, String> sources, String classpath, List<String> extraOptions) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler available: run on a JDK, not a JRE");
        }
        StandardJavaFileManager standard = IDLE_FILE_MANAGERS.pollFirst();
        if (standard == null) {
            // Diagnostics go to each task's own listener; the file manager reports none of its own.
            standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
        try {
            return compile(javac, standard, sources, classpath, extraOptions);
        } finally {
            IDLE_FILE_MANAGERS.addFirst(standard);
        }
    }

    private static Result compile(JavaCompiler javac, StandardJavaFileManager standard, Map<String, String> sources,
            String classpath, List<String> extraOptions) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> outputs = new TreeMap<>();
        JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        outputs.put(className, out);
                        return out;
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        new TreeMap<>(sources).forEach((path, text) -> units.add(
                new SimpleJavaFileObject(URI.create("mem:///" + path), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                }));
        List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-classpath", classpath));
        options.addAll(extraOptions);
        boolean success = javac.getTask(null, manager, diagnostics, options, null, units).call();
        List<String> messages = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE || !success)
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                        + d.getMessage(Locale.ROOT))
                .toList();
        Map<String, byte[]> classes = new TreeMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return new Result(classes, messages, success);
    }

    /** The classpath of the running JVM, for compiling against whatever is loaded here. */
    public static String currentClasspath() {
        return System.getProperty("java.class.path");
    }

    /**
     * Defines each class from its bytes, then lets the bytes go: a class is defined once per loader, and
     * a loader lives as long as its classes (the runtime keeps one per served model), so keeping the
     * bytes of defined classes would only double their memory.
     */
    private static final class BytesClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = new ConcurrentHashMap<>(classes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            Class<?> defined = defineClass(name, bytes, 0, bytes.length);
            classes.remove(name);
            return defined;
        }
    }
}
