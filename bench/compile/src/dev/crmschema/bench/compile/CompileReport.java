package dev.crmschema.bench.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The result tables: median (min-max) of each phase per size, the cost each custom object adds over the
 * standard-only workspace (measured in the same rounds, so it doubles as the noise baseline), and where
 * the emit phase goes, emitter by emitter.
 */
final class CompileReport {
    private CompileReport() {}

    static String table(Map<Integer, List<CompileBench.Run>> runs, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append("Compile time by model size (").append(rounds).append(" interleaved rounds; median (min-max) in ms; ")
                .append(SyntheticWorkspace.FIELDS_PER_OBJECT).append(" fields per custom object)\n\n");
        out.append("| custom objects | Java files | Java KiB | link ms | emit ms | javac ms | total ms | total CPU ms "
                + "| CPU x standard-only | ms per object | added ms per object | added CPU ms per object |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double baseTotal = median(runs.get(0), CompileBench.Run::totalMs);
        double baseCpu = median(runs.get(0), CompileBench.Run::cpuMs);
        for (Map.Entry<Integer, List<CompileBench.Run>> entry : runs.entrySet()) {
            int size = entry.getKey();
            List<CompileBench.Run> sizeRuns = entry.getValue();
            CompileBench.Run first = sizeRuns.get(0);
            double total = median(sizeRuns, CompileBench.Run::totalMs);
            double cpu = median(sizeRuns, CompileBench.Run::cpuMs);
            out.append("| ").append(size == 0 ? "0 (standard only)" : size)
                    .append(" | ").append(first.javaFiles())
                    .append(" | ").append(first.javaBytes() / 1024)
                    .append(" | ").append(spread(sizeRuns, CompileBench.Run::linkMs))
                    .append(" | ").append(spread(sizeRuns, CompileBench.Run::emitMs))
                    .append(" | ").append(spread(sizeRuns, CompileBench.Run::javacMs))
                    .append(" | ").append(spread(sizeRuns, CompileBench.Run::totalMs))
                    .append(" | ").append(spread(sizeRuns, CompileBench.Run::cpuMs))
                    .append(" | ").append(String.format("%.2f", cpu / baseCpu))
                    .append(" | ").append(size == 0 ? "-" : String.format("%.1f", total / size))
                    .append(" | ").append(size == 0 ? "-" : String.format("%.1f", (total - baseTotal) / size))
                    .append(" | ").append(size == 0 ? "-" : String.format("%.1f", (cpu - baseCpu) / size))
                    .append(" |\n");
        }
        out.append("\n'added ms per object' = (total - total of the standard-only workspace) / custom objects: "
                + "constant when the cost grows linearly.\nWall times are inflated by other load on the machine; "
                + "CPU ms (all JVM threads) is the steadier figure.\n\n");
        out.append(threadCpu(runs)).append('\n');
        out.append(emitters(runs));
        return out.toString();
    }

    /**
     * CPU ms of the working thread per part (median): steady under other load, unlike wall ms, and without
     * the GC and JIT threads that the total CPU column includes. The server path is what a server start
     * pays for a model without precompiled classes: the RESOURCES emitters plus javac of their output.
     */
    private static String threadCpu(Map<Integer, List<CompileBench.Run>> runs) {
        StringBuilder out = new StringBuilder("Thread CPU by part (median ms)\n\n"
                + "| custom objects | emit | javac jOOQ classes | javac other Java | server path (RESOURCES emit + javac) |\n"
                + "|---:|---:|---:|---:|---:|\n");
        runs.forEach((size, sizeRuns) -> out.append(String.format("| %d | %.0f | %.0f | %.0f | %.0f |%n", size,
                median(sizeRuns, run -> run.emitters().values().stream().mapToDouble(CompileBench.EmitterRun::cpuMs).sum()),
                median(sizeRuns, run -> run.jooq().cpuMs()), median(sizeRuns, run -> run.resources().cpuMs()),
                median(sizeRuns, CompileBench.Run::serverPathCpuMs))));
        return out.toString();
    }

    /** Median ms and files of each emitter, per size. */
    private static String emitters(Map<Integer, List<CompileBench.Run>> runs) {
        StringBuilder out = new StringBuilder("Emit phase by emitter (median ms / files)\n\n| emitter |");
        StringBuilder rule = new StringBuilder("|---|");
        runs.keySet().forEach(size -> {
            out.append(' ').append(size).append(" objects |");
            rule.append("---:|");
        });
        out.append('\n').append(rule).append('\n');
        List<String> names = new ArrayList<>(runs.values().iterator().next().get(0).emitters().keySet());
        for (String name : names) {
            out.append("| ").append(name).append(" |");
            for (List<CompileBench.Run> sizeRuns : runs.values()) {
                double ms = median(sizeRuns, run -> run.emitters().get(name).ms());
                out.append(String.format(" %.0f / %d |", ms, sizeRuns.get(0).emitters().get(name).files()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String spread(List<CompileBench.Run> runs, ToDoubleFunction<CompileBench.Run> metric) {
        List<Double> values = sorted(runs, metric);
        return String.format("%.0f (%.0f-%.0f)", median(values), values.get(0), values.get(values.size() - 1));
    }

    private static double median(List<CompileBench.Run> runs, ToDoubleFunction<CompileBench.Run> metric) {
        return median(sorted(runs, metric));
    }

    private static List<Double> sorted(List<CompileBench.Run> runs, ToDoubleFunction<CompileBench.Run> metric) {
        List<Double> values = new ArrayList<>();
        runs.forEach(run -> values.add(metric.applyAsDouble(run)));
        values.sort(null);
        return values;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
