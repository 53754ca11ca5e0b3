package dev.crmschema.compiler.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InMemoryJavaCompilerTest {
    /** A small class whose method returns {@code value}, in its own package so parallel results cannot mix. */
    private static Map<String, String> source(int number) {
        return Map.of("p" + number + "/Answer.java",
                "package p" + number + ";\npublic final class Answer implements java.util.function.Supplier<Integer> {\n"
                        + "    public Integer get() { return " + number + "; }\n}\n");
    }

    @Test
    void compilationsInParallelThreadsEachGetTheirOwnClasses() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<InMemoryJavaCompiler.Result>> running = new ArrayList<>();
            for (int number = 0; number < 8; number++) {
                Map<String, String> sources = source(number);
                running.add(threads.submit(() -> InMemoryJavaCompiler.compile(sources, InMemoryJavaCompiler.currentClasspath(),
                        List.of("-Xlint:all", "-Werror"))));
            }
            for (int number = 0; number < 8; number++) {
                InMemoryJavaCompiler.Result result = running.get(number).get();
                assertTrue(result.success(), result.messages()::toString);
                assertEquals(List.of("p" + number + ".Answer"), List.copyOf(result.classes().keySet()));
                Supplier<?> answer = (Supplier<?>) result.classLoader(getClass().getClassLoader()).loadClass("p" + number + ".Answer")
                        .getDeclaredConstructor().newInstance();
                assertEquals(number, answer.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedCompilationReportsItsErrorAndLeavesTheNextOneWorking() {
        InMemoryJavaCompiler.Result broken = InMemoryJavaCompiler.compile(Map.of("q/Broken.java", "package q; class Broken { int x = ; }"),
                InMemoryJavaCompiler.currentClasspath(), List.of());
        assertFalse(broken.success());
        assertTrue(broken.messages().stream().anyMatch(message -> message.startsWith("ERROR")), broken.messages()::toString);
        assertTrue(InMemoryJavaCompiler.compile(source(42), InMemoryJavaCompiler.currentClasspath(), List.of()).success());
    }
}
