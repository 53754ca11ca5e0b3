package dev.crmschema.bench.compile;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.emit.Emitters;
import dev.crmschema.compiler.javac.InMemoryJavaCompiler;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.source.MetadataFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Compile time against model size: for synthetic workspaces of 0 (standard objects only), 10, 100 and
 * 500 custom objects, times reading and linking the metadata, emitting every artifact, and compiling the
 * emitted Java in memory against this JVM's class path (the runtime jar: jOOQ and the support API).
 * Sizes run interleaved, a different order each round, so machine noise hits all of them alike. Emitters,
 * then the two javac tasks, run side by side on one worker thread per core ({@link #THREAD_COUNT}).
 *
 * <p>Usage: {@code CompileBench [rounds] [sizes...]}, defaults {@code 3 10 100 500}; size 0 always runs.
 */
public final class CompileBench {
    /** One measured compilation. */
    record Run(double linkMs, double emitMs, double javacMs, double cpuMs, int javaFiles, long javaBytes, int classes,
            Map<String, EmitterRun> emitters, JavacRun jooq, JavacRun resources) {
        double totalMs() {
            return linkMs + emitMs + javacMs;
        }

        /**
         * What a server start pays for a model without precompiled classes: emitting and compiling only the
         * RESOURCES artifact (the runtime never compiles the jOOQ classes, see ModelClasses).
         */
        double serverPathCpuMs() {
            double emit = emitters.values().stream().filter(e -> e.artifact() == Artifact.RESOURCES).mapToDouble(EmitterRun::cpuMs).sum();
            return emit + resources.cpuMs();
        }
    }

    /** One emitter's share of the emit phase: its time, the CPU time of the emitting thread, and the files it produced. */
    record EmitterRun(Artifact artifact, double ms, double cpuMs, int files) {}

    /**
     * One javac task: wall ms and the CPU ms of the compiling thread (javac runs in the caller's thread).
     * The jOOQ classes and the other Java files do not reference each other, so they compile as two tasks,
     * side by side, which also shows what each costs.
     */
    record JavacRun(double ms, double cpuMs, int files, int classes) {}

    /**
     * Worker threads for the emitters and the javac tasks: one per core by default, as a build would use
     * them; {@code -Dbench.threads=1} runs every part one after the other.
     */
    static final int THREAD_COUNT = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());

    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(THREAD_COUNT, task -> {
        Thread thread = new Thread(task, "bench-worker");
        thread.setDaemon(true);
        return thread;
    });

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the whole JVM (all threads: javac, GC, JIT): unlike wall time, other load hardly moves it. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private CompileBench() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Integer> sizes = new ArrayList<>(List.of(0));
        if (args.length > 1) {
            for (int i = 1; i < args.length; i++) {
                sizes.add(Integer.parseInt(args[i]));
            }
        } else {
            sizes.addAll(List.of(10, 100, 500));
        }
        System.out.printf("worker threads: %d (emitters side by side, then the two javac tasks side by side)%n", THREAD_COUNT);
        Map<Integer, MetadataFiles> workspaces = new LinkedHashMap<>();
        sizes.forEach(size -> workspaces.put(size, SyntheticWorkspace.of(size)));

        // The first compilation in a fresh JVM: what one build or one server start pays.
        int coldSize = sizes.contains(100) ? 100 : sizes.get(sizes.size() - 1);
        Run cold = measure(workspaces.get(coldSize));
        System.out.printf("cold (first compilation in this JVM), %d custom objects: link %.0f ms, emit %.0f ms, javac %.0f ms, "
                + "total %.0f ms, CPU %.0f ms%n", coldSize, cold.linkMs(), cold.emitMs(), cold.javacMs(), cold.totalMs(), cold.cpuMs());

        // Warm-up: one untimed pass over every size but the largest, so the timed rounds see compiled code.
        for (int size : sizes.subList(0, sizes.size() - 1)) {
            measure(workspaces.get(size));
        }

        Map<Integer, List<Run>> runs = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sizes.size(); i++) {
                int size = sizes.get((i + round) % sizes.size());
                Run run = measure(workspaces.get(size));
                runs.computeIfAbsent(size, s -> new ArrayList<>()).add(run);
                System.out.printf("round %d, %d custom objects: link %.0f ms, emit %.0f ms, javac %.0f ms (jOOQ classes %.0f ms), "
                        + "total %.0f ms, CPU %.0f ms, server path CPU %.0f ms%n", round + 1, size, run.linkMs(), run.emitMs(),
                        run.javacMs(), run.jooq().ms(), run.totalMs(), run.cpuMs(), run.serverPathCpuMs());
            }
        }
        System.out.println();
        System.out.print(CompileReport.table(runs, rounds));
    }

    static Run measure(MetadataFiles files) {
        System.gc();
        long cpuStart = OS.getProcessCpuTime();
        long start = System.nanoTime();
        SchemaCompiler.Result checked = SchemaCompiler.check(files);
        Workspace model = checked.workspace().orElseThrow(() -> new IllegalStateException(
                "synthetic workspace does not link: " + checked.diagnostics()));
        long linked = System.nanoTime();
        // Emitters side by side (as SchemaCompiler.emit runs them), each timed in its own thread, to see which
        // one the emit time goes to.
        EmitContext context = new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE);
        List<Emitter> all = Emitters.all();
        List<Future<Timed<List<GeneratedFile>>>> running = new ArrayList<>();
        for (Emitter emitter : all) {
            running.add(WORKERS.submit(() -> timed(() -> emitter.emit(model, context))));
        }
        List<GeneratedFile> emitted = new ArrayList<>();
        Map<String, String> jooqSources = new TreeMap<>();
        Map<String, String> otherSources = new TreeMap<>();
        Map<String, EmitterRun> emitters = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Emitter emitter = all.get(i);
            Timed<List<GeneratedFile>> output = join(running.get(i));
            emitters.put(emitter.getClass().getSimpleName(), new EmitterRun(emitter.artifact(), output.ms(), output.cpuMs(),
                    output.value().size()));
            for (GeneratedFile file : output.value()) {
                if (file.kind() == GeneratedFile.Kind.JAVA_SOURCE) {
                    (emitter.artifact() == Artifact.JOOQ ? jooqSources : otherSources).put(file.path(), file.content());
                }
            }
            emitted.addAll(output.value());
        }
        long emittedAt = System.nanoTime();
        long bytes = 0;
        for (GeneratedFile file : emitted) {
            if (file.kind() == GeneratedFile.Kind.JAVA_SOURCE) {
                bytes += file.content().length();
            }
        }
        long sourcesAt = System.nanoTime();
        // The two sets do not reference each other: two javac tasks, side by side when there are two workers.
        Future<JavacRun> jooqTask = WORKERS.submit(() -> javac(jooqSources));
        Future<JavacRun> resourcesTask = WORKERS.submit(() -> javac(otherSources));
        JavacRun jooq = join(jooqTask);
        JavacRun resources = join(resourcesTask);
        long compiledAt = System.nanoTime();
        long cpuEnd = OS.getProcessCpuTime();
        return new Run(millis(linked - start), millis(emittedAt - linked), millis(compiledAt - sourcesAt), millis(cpuEnd - cpuStart),
                jooq.files() + resources.files(), bytes, jooq.classes() + resources.classes(), emitters, jooq, resources);
    }

    /** A result with the wall ms and the CPU ms of the thread that computed it. */
    record Timed<T>(T value, double ms, double cpuMs) {}

    private static <T> Timed<T> timed(Supplier<T> work) {
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        T value = work.get();
        return new Timed<>(value, millis(System.nanoTime() - start), millis(THREADS.getCurrentThreadCpuTime() - cpu));
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static JavacRun javac(Map<String, String> sources) {
        Timed<InMemoryJavaCompiler.Result> compiled = timed(() ->
                InMemoryJavaCompiler.compile(sources, InMemoryJavaCompiler.currentClasspath(), List.of()));
        if (!compiled.value().success()) {
            throw new IllegalStateException("emitted Java does not compile: " + compiled.value().messages());
        }
        return new JavacRun(compiled.ms(), compiled.cpuMs(), sources.size(), compiled.value().classes().size());
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
