package dev.crmschema.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.server.TestServer;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import dev.crmschema.runtime.workspace.ModelClasses;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceService;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live metadata changes, measured on a real server and PostgreSQL (embedded): the time from a metadata
 * request to the new field being served, without and with concurrent REST traffic, the requests that
 * failed while changes happened under load, and the heap after 1, 10 and 100 distinct workspace models.
 * Run with {@code bench/metadata-changes.sh}; arguments: changes per phase (20), load threads (8), and
 * the model counts for the memory phase (1,10,100).
 */
public final class MetadataChangeBenchmark {
    private final TestServer server;
    private final String companyObjectId;
    private final String personObjectId;
    private int fieldCounter;

    private MetadataChangeBenchmark(TestServer server) {
        this.server = server;
        this.companyObjectId = objectId("company");
        this.personObjectId = objectId("person");
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        // 0 changes: only the memory phase.
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<Integer> modelCounts = new ArrayList<>();
        for (String count : (args.length > 2 ? args[2] : "1,10,100").split(",")) {
            modelCounts.add(Integer.parseInt(count.trim()));
        }
        out("machine: %d processors, max heap %d MB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        try (TestServer server = new TestServer()) {
            if (changes > 0) {
                MetadataChangeBenchmark bench = new MetadataChangeBenchmark(server);
                bench.changes(3, null, "warm-up");
                bench.report("field changes, no load", bench.changes(changes, null, "idle"));
                Load load = new Load(server, threads);
                load.start();
                Thread.sleep(2000);
                long before = load.failed.get();
                List<long[]> underLoad = bench.changes(changes, load, "load");
                load.stop();
                bench.report("field changes, " + threads + " client threads of REST traffic", underLoad);
                out("  requests during the loaded phase: %d, failed: %d (before the first change: %d)%n",
                        load.total.get(), load.failed.get(), before);
                load.failures.forEach((what, count) -> out("    %d x %s%n", count, what));
            }
            memory(server, modelCounts);
        }
        Path report = Path.of(System.getProperty("bench.report", "target/metadata-bench.txt"));
        Files.writeString(report, REPORT.toString());
        System.exit(0);
    }

    /** Each change adds a TEXT field; returns {request ms, serving ms} per change. */
    private List<long[]> changes(int count, Load load, String label) {
        List<long[]> timings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean onPerson = load != null;
            String name = "bench" + label.replace("-", "") + (++fieldCounter);
            long started = System.nanoTime();
            TestServer.Reply created = server.send(server.acmeKey, "POST", "/rest/metadata/fields", Map.of(
                    "objectMetadataId", onPerson ? personObjectId : companyObjectId, "type", "TEXT", "name", name, "label", name));
            long answered = System.nanoTime();
            if (created.status() != 201) {
                throw new IllegalStateException("change failed: " + created.raw().body());
            }
            String probe = "/rest/" + (onPerson ? "people" : "companies") + "?limit=1&filter="
                    + URLEncoder.encode(name + "[is]:NULL", StandardCharsets.UTF_8);
            while (server.get(server.acmeKey, probe).status() != 200) {
                Thread.onSpinWait();
            }
            long serving = System.nanoTime();
            timings.add(new long[] {(answered - started) / 1_000_000, (serving - started) / 1_000_000});
        }
        return timings;
    }

    private void report(String title, List<long[]> timings) {
        List<Long> request = new ArrayList<>();
        List<Long> serving = new ArrayList<>();
        timings.forEach(t -> {
            request.add(t[0]);
            serving.add(t[1]);
        });
        Collections.sort(request);
        Collections.sort(serving);
        out("%s (%d changes):%n", title, timings.size());
        out("  metadata request answered: median %d ms, worst %d ms%n", median(request), request.get(request.size() - 1));
        out("  new field served:          median %d ms, worst %d ms, under 2 s: %d of %d%n", median(serving),
                serving.get(serving.size() - 1), serving.stream().filter(ms -> ms < 2000).count(), serving.size());
    }

    /**
     * Memory of the running server after it loaded workspaces whose models all differ (the standard objects
     * plus one field of their own): they are created in the database, and the server loads each one when
     * its notification arrives, as it would in production.
     */
    private static void memory(TestServer server, List<Integer> counts) throws Exception {
        MetadataFiles base = ExampleWorkspaces.files("standard");
        WorkspaceService creator = new WorkspaceService(server.database.dsl(),
                new ModelClasses(MetadataChangeBenchmark.class.getClassLoader()), new WorkspaceRegistry());
        WorkspaceRegistry served = server.application().registry();
        out("memory of the server after GC (heap used / metaspace used, where classes live):%n");
        out("  with its 2 workspaces: %s%n", memory());
        int created = 0;
        for (int target : counts) {
            long started = System.nanoTime();
            List<UUID> ids = new ArrayList<>();
            while (created < target) {
                created++;
                Map<String, String> files = new TreeMap<>(base.byPath());
                files.put(MetadataFiles.WORKSPACE_FILE, files.get(MetadataFiles.WORKSPACE_FILE)
                        .replaceFirst("name: standard", "name: bench" + created));
                files.put("own.yaml", "fields:\n  - {object: company, name: own" + created + ", label: Own, type: TEXT}\n");
                ids.add(creator.create(new MetadataFiles(files)).id());
            }
            for (UUID id : ids) {
                while (served.get(id).isEmpty()) {
                    Thread.sleep(50);
                }
            }
            long models = served.all().stream().map(s -> s.modelHash()).distinct().count();
            out("  %3d added models: %s (%d distinct models served; %d s to create and load the last batch)%n", target, memory(),
                    models, (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    private static final StringBuilder REPORT = new StringBuilder();

    /** Report lines go to stdout (mixed with the server's log) and to the report file. */
    private static void out(String format, Object... args) {
        String line = String.format(format, args);
        System.out.print(line);
        REPORT.append(line);
    }

    private static String memory() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum() >> 20;
        return heap + " MB / " + metaspace + " MB";
    }

    private static long median(List<Long> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private String objectId(String name) {
        JsonNode object = server.get(server.acmeKey, "/rest/metadata/objects/" + name).body();
        return object.path("id").asText();
    }

    /** Client threads that read and write companies and people until stopped, counting failures. */
    private static final class Load {
        final AtomicLong total = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Map<String, Integer> failures = new ConcurrentHashMap<>();
        private final TestServer server;
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);

        Load(TestServer server, int count) {
            this.server = server;
            for (int i = 0; i < count; i++) {
                int n = i;
                threads.add(new Thread(() -> run(n), "load-" + i));
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private void run(int n) {
            long i = 0;
            while (running.get()) {
                i++;
                TestServer.Reply reply;
                try {
                    reply = switch ((int) (i % 3)) {
                        case 0 -> server.get(server.acmeKey, "/rest/companies?limit=5");
                        case 1 -> server.get(server.acmeKey, "/rest/people?limit=5&order_by=createdAt[DescNullsLast]");
                        default -> server.send(server.acmeKey, "POST", "/rest/people",
                                Map.of("name", Map.of("firstName", "Load" + n, "lastName", "Run" + i)));
                    };
                } catch (RuntimeException e) {
                    count("exception " + e.getClass().getSimpleName());
                    continue;
                }
                total.incrementAndGet();
                if (reply.status() >= 400) {
                    String body = reply.raw().body();
                    count(reply.status() + " " + (body.length() > 160 ? body.substring(0, 160) : body));
                }
            }
        }

        private void count(String what) {
            failed.incrementAndGet();
            failures.merge(what, 1, Integer::sum);
        }
    }
}
