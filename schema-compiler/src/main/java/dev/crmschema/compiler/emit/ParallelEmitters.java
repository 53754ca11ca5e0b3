package dev.crmschema.compiler.emit;

import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs emitters side by side, one per available core: emitters are pure functions of the model, so their
 * order does not change their output, and a large model's emit time becomes that of its slowest emitters
 * (jooq-codegen, the GraphQL schema) rather than their sum.
 */
public final class ParallelEmitters {
    private ParallelEmitters() {}

    /** Each emitter's files, in the order of {@code emitters}; an emitter's exception is rethrown as is. */
    public static List<List<GeneratedFile>> emit(List<Emitter> emitters, Workspace workspace, EmitContext context) {
        int threads = Math.min(emitters.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return emitters.stream().map(emitter -> emitter.emit(workspace, context)).toList();
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "crm-schema-emit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<GeneratedFile>>> running = new ArrayList<>();
            for (Emitter emitter : emitters) {
                running.add(executor.submit(() -> emitter.emit(workspace, context)));
            }
            List<List<GeneratedFile>> outputs = new ArrayList<>();
            for (Future<List<GeneratedFile>> output : running) {
                outputs.add(result(output));
            }
            return outputs;
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<GeneratedFile> result(Future<List<GeneratedFile>> output) {
        try {
            return output.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while emitting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("emitter failed", e.getCause());
        }
    }
}
