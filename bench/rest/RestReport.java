import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the wrk figures of bench/run-rest.sh into one table. Input lines (tab-separated): workload, side
 * (server or baseline), round, requests, requests/s, p50 ms, p99 ms, non-2xx responses, socket errors, CPU
 * milliseconds the measured process spent per request, and the part of them its JIT compiler threads took.
 * The ratio is computed per round (server rps / baseline rps of the same round), then summarised.
 * Run as a single-file program: {@code java bench/rest/RestReport.java results.tsv}.
 */
public final class RestReport {
    private static final double GOAL = 0.8;

    record Run(int round, double rps, double p50, double p99, long errors, double cpuMs, double jitMs) {}

    public static void main(String[] args) throws Exception {
        Map<String, Map<String, List<Run>>> byWorkload = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            Run run = new Run(Integer.parseInt(f[2]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]), Long.parseLong(f[7]) + Long.parseLong(f[8]), Double.parseDouble(f[9]),
                    Double.parseDouble(f[10]));
            byWorkload.computeIfAbsent(f[0], w -> new LinkedHashMap<>()).computeIfAbsent(f[1], s -> new ArrayList<>()).add(run);
        }
        StringBuilder out = new StringBuilder();
        out.append("| workload | server rps | baseline rps | ratio (server / baseline) | goal >= ").append(GOAL)
                .append(" | server p50 / p99 ms | baseline p50 / p99 ms | CPU ms per request: server / baseline (x) "
                        + "| of which JIT: server / baseline | errors (server / baseline) |\n");
        out.append("|---|---:|---:|---:|:---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, List<Run>>> workload : byWorkload.entrySet()) {
            List<Run> server = workload.getValue().getOrDefault("server", List.of());
            List<Run> baseline = workload.getValue().getOrDefault("baseline", List.of());
            List<Double> ratios = new ArrayList<>();
            for (Run s : server) {
                baseline.stream().filter(b -> b.round() == s.round()).findFirst().ifPresent(b -> ratios.add(s.rps() / b.rps()));
            }
            double medianRatio = median(ratios);
            out.append("| ").append(workload.getKey())
                    .append(" | ").append(spread(server.stream().map(Run::rps).toList(), "%.0f"))
                    .append(" | ").append(spread(baseline.stream().map(Run::rps).toList(), "%.0f"))
                    .append(" | ").append(spread(ratios, "%.2f"))
                    .append(" | ").append(ratios.isEmpty() ? "?" : medianRatio >= GOAL ? "yes" : "NO")
                    .append(" | ").append(latency(server))
                    .append(" | ").append(latency(baseline))
                    .append(" | ").append(cpu(server, baseline))
                    .append(" | ").append(String.format("%.2f / %.2f", median(server.stream().map(Run::jitMs).toList()),
                            median(baseline.stream().map(Run::jitMs).toList())))
                    .append(" | ").append(errors(server)).append(" / ").append(errors(baseline))
                    .append(" |\n");
        }
        out.append("\nrps and ratio: median (min-max) over the rounds; ratio paired per round. Latency and CPU: median over the\n"
                + "rounds. CPU ms per request counts only the server's or the baseline's own JVM (not PostgreSQL, not wrk); the JIT\n"
                + "part is what its compiler threads spent meanwhile, which a fully warmed JVM no longer pays.\n");
        System.out.print(out);
    }

    private static String latency(List<Run> runs) {
        return String.format("%.1f / %.1f", median(runs.stream().map(Run::p50).toList()), median(runs.stream().map(Run::p99).toList()));
    }

    private static String cpu(List<Run> server, List<Run> baseline) {
        double s = median(server.stream().map(Run::cpuMs).toList());
        double b = median(baseline.stream().map(Run::cpuMs).toList());
        return String.format("%.2f / %.2f (%.1fx)", s, b, s / b);
    }

    private static long errors(List<Run> runs) {
        return runs.stream().mapToLong(Run::errors).sum();
    }

    private static String spread(List<Double> values, String format) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return String.format(format + " (" + format + "-" + format + ")", median(sorted), sorted.get(0), sorted.get(sorted.size() - 1));
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
