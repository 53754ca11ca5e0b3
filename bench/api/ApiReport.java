import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns the figures of bench/run-api.sh into tables. Input lines of the results and rows files
 * (tab-separated): workload (or row count), side (server or baseline), round, requests, requests/s, p50 ms,
 * p99 ms, non-2xx responses, socket errors, CPU milliseconds the measured process spent per request, the
 * part of them its JIT compiler threads took, SQL statements per request and, in files from 2026-12-02 on,
 * PostgreSQL's CPU milliseconds per request; rows files then have the milliseconds of the first list after
 * the rows were added. The memory file has: side,
 * resident MB, heap MB after a full GC. Every figure is shown as server / baseline with their ratio; the
 * throughput ratio is paired per round (server rps / baseline rps of the same round), then summarised.
 * Run as a single-file program: {@code java bench/api/ApiReport.java results.tsv memory.tsv rows.tsv}.
 */
public final class ApiReport {
    private static final double GOAL = 0.8;

    record Run(int round, double rps, double p50, double p99, long errors, double cpuMs, double jitMs, double sql, double postgresMs,
            double firstMs) {}

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        throughput(read(Path.of(args[0])), out);
        memory(Files.readAllLines(Path.of(args[1])), out);
        rows(read(Path.of(args[2])), out);
        System.out.print(out);
    }

    private static Map<String, Map<String, List<Run>>> read(Path file) throws Exception {
        Map<String, Map<String, List<Run>>> byKey = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            Run run = new Run(Integer.parseInt(f[2]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]), Long.parseLong(f[7]) + Long.parseLong(f[8]), Double.parseDouble(f[9]),
                    Double.parseDouble(f[10]), Double.parseDouble(f[11]), optional(f, 12), optional(f, 13));
            byKey.computeIfAbsent(f[0], w -> new LinkedHashMap<>()).computeIfAbsent(f[1], s -> new ArrayList<>()).add(run);
        }
        return byKey;
    }

    private static double optional(String[] fields, int index) {
        return fields.length > index ? Double.parseDouble(fields[index]) : Double.NaN;
    }

    private static void throughput(Map<String, Map<String, List<Run>>> byWorkload, StringBuilder out) {
        out.append("| workload | rps server / baseline | ratio | goal >= ").append(GOAL)
                .append(" | p50 ms server / baseline (x) | p99 ms server / baseline (x) | SQL statements per request server / baseline"
                        + " | CPU ms per request server / baseline (x) | of which JIT | PostgreSQL CPU ms per request server / baseline (x)"
                        + " | errors |\n");
        out.append("|---|---:|---:|:---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, List<Run>>> workload : byWorkload.entrySet()) {
            List<Run> server = workload.getValue().getOrDefault("server", List.of());
            List<Run> baseline = workload.getValue().getOrDefault("baseline", List.of());
            List<Double> ratios = pairedRatios(server, baseline);
            out.append("| ").append(workload.getKey())
                    .append(" | ").append(String.format("%.0f / %.0f", median(server, Run::rps), median(baseline, Run::rps)))
                    .append(" | ").append(spread(ratios))
                    .append(" | ").append(ratios.isEmpty() ? "?" : median(ratios) >= GOAL ? "yes" : "NO")
                    .append(" | ").append(pair(server, baseline, Run::p50, "%.1f"))
                    .append(" | ").append(pair(server, baseline, Run::p99, "%.1f"))
                    .append(" | ").append(pair(server, baseline, Run::sql, "%.1f"))
                    .append(" | ").append(pair(server, baseline, Run::cpuMs, "%.2f"))
                    .append(" | ").append(String.format("%.2f / %.2f", median(server, Run::jitMs), median(baseline, Run::jitMs)))
                    .append(" | ").append(pair(server, baseline, Run::postgresMs, "%.2f"))
                    .append(" | ").append(errors(server)).append(" / ").append(errors(baseline))
                    .append(" |\n");
        }
        out.append("\nrps: median over the rounds; ratio: server / baseline paired per round, median (min-max). Latency, SQL and CPU:\n"
                + "median over the rounds, (x) = server / baseline. SQL statements counts every statement PostgreSQL ran while\n"
                + "the side was loaded (pg_stat_statements: the driver's BEGIN is counted, its COMMIT is not). CPU ms per request\n"
                + "counts only that side's JVM (not PostgreSQL, not wrk); the JIT part is what its compiler threads spent meanwhile.\n"
                + "PostgreSQL CPU ms per request is what all of PostgreSQL's processes spent while the side was loaded. With C\n"
                + "connections each waiting for its answer, mean latency = C / rps, and rps <= cores / (CPU ms per request of the\n"
                + "server, PostgreSQL and wrk together): the two CPU columns bound the latency a workload can reach on this machine.\n");
    }

    private static void memory(List<String> lines, StringBuilder out) {
        Map<String, String[]> bySide = new LinkedHashMap<>();
        lines.stream().filter(l -> !l.isBlank()).forEach(l -> bySide.put(l.split("\t")[0], l.split("\t")));
        String[] server = bySide.get("server");
        String[] baseline = bySide.get("baseline");
        if (server == null || baseline == null) {
            return;
        }
        out.append("\n| memory after load | server | baseline | server / baseline |\n|---|---:|---:|---:|\n");
        String[] names = {"", "resident set (RSS) MB", "heap in use after a full GC, MB"};
        for (int i = 1; i <= 2; i++) {
            double s = Double.parseDouble(server[i]);
            double b = Double.parseDouble(baseline[i]);
            out.append(String.format("| %s | %.0f | %.0f | %.1f |%n", names[i], s, b, s / b));
        }
    }

    private static void rows(Map<String, Map<String, List<Run>>> bySize, StringBuilder out) {
        if (bySize.isEmpty()) {
            return;
        }
        out.append("\n| companies in the table | first list after adding them, ms server / baseline "
                + "| list 20: rps server / baseline (ratio) | p50 ms server / baseline (x) "
                + "| p99 ms server / baseline (x) | SQL per request server / baseline |\n|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, List<Run>>> size : bySize.entrySet()) {
            List<Run> server = size.getValue().getOrDefault("server", List.of());
            List<Run> baseline = size.getValue().getOrDefault("baseline", List.of());
            double s = median(server, Run::rps);
            double b = median(baseline, Run::rps);
            out.append(String.format("| %,d | %s | %.0f / %.0f (%.2f) | %s | %s | %s |%n", Long.parseLong(size.getKey()),
                    pair(server, baseline, Run::firstMs, "%.1f"), s, b, s / b, pair(server, baseline, Run::p50, "%.1f"),
                    pair(server, baseline, Run::p99, "%.1f"),
                    pair(server, baseline, Run::sql, "%.1f")));
        }
    }

    private static List<Double> pairedRatios(List<Run> server, List<Run> baseline) {
        List<Double> ratios = new ArrayList<>();
        for (Run s : server) {
            baseline.stream().filter(b -> b.round() == s.round()).findFirst().ifPresent(b -> ratios.add(s.rps() / b.rps()));
        }
        return ratios;
    }

    private static String pair(List<Run> server, List<Run> baseline, ToDoubleFunction<Run> figure, String format) {
        double s = median(server, figure);
        double b = median(baseline, figure);
        if (Double.isNaN(s) && Double.isNaN(b)) {
            return "-"; // a figure older result files do not have
        }
        return String.format(format + " / " + format + " (%.1fx)", s, b, s / b);
    }

    private static long errors(List<Run> runs) {
        return runs.stream().mapToLong(Run::errors).sum();
    }

    private static String spread(List<Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return String.format("%.2f (%.2f-%.2f)", median(sorted), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
        return median(runs.stream().map(r -> figure.applyAsDouble(r)).toList());
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
