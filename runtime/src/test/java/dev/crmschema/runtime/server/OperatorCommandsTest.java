package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.runtime.CrmServerApplication;
import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.auth.ApiKey;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.auth.ApiKeyToken;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.DatabaseConfiguration;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import dev.crmschema.runtime.permissions.RoleStore;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator commands and {@code server config.yml}, run through the application's command line
 * (Dropwizard's {@link Cli}, as {@code java -jar runtime.jar ...} runs them) against a configuration file
 * that points at an embedded PostgreSQL of this class's own. A command "exits non-zero" when the CLI
 * reports a failure, which is what makes {@code Application.run} exit with status 1.
 */
class OperatorCommandsTest {
    @TempDir
    static Path folder;

    private static EmbeddedDatabase postgres;
    private static Path config;
    private static Path requestLog;
    private static Path modelClasses;

    @BeforeAll
    static void writeConfiguration() throws IOException {
        postgres = EmbeddedDatabase.startTemporary();
        DatabaseConfiguration database = postgres.configuration();
        requestLog = folder.resolve("requests.log");
        modelClasses = folder.resolve("model-classes");
        config = folder.resolve("config.yml");
        Files.writeString(config, """
                database:
                  url: "%s"
                  user: %s
                  password: ""
                batchMaxRecords: 2
                modelClassCache: "%s"
                server:
                  applicationConnectors:
                    - {type: http, bindHost: 127.0.0.1, port: 0}
                  adminConnectors:
                    - {type: http, bindHost: 127.0.0.1, port: 0}
                  requestLog:
                    type: batched
                    appenders:
                      - {type: file, currentLogFilename: "%s", archive: false}
                logging:
                  level: WARN
                """.formatted(database.getUrl(), database.getUser(), modelClasses, requestLog));
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    /** What one command line did: whether it succeeded, what it printed, and what it printed as errors. */
    private record Run(boolean succeeded, String out, String err) {}

    /** The application with the default commands, remembering the Jetty server {@code server} starts. */
    private static final class CommandLine extends CrmServerApplication {
        private volatile Server jetty;

        @Override
        public void run(CrmServerConfiguration configuration, Environment environment) {
            super.run(configuration, environment);
            environment.lifecycle().addServerLifecycleListener(server -> jetty = server);
        }

        Run execute(String... arguments) {
            Bootstrap<CrmServerConfiguration> bootstrap = new Bootstrap<>(this);
            addDefaultCommands(bootstrap);
            initialize(bootstrap);
            ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
            ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream original = System.out;
            // Commands print their results on System.out; the CLI prints usage and failures on its own streams.
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Optional<Throwable> failure;
            try {
                failure = new Cli(new JarLocation(getClass()), bootstrap, cliOut, cliErr).run(arguments);
            } finally {
                System.setOut(original);
            }
            return new Run(failure.isEmpty(), cliOut.toString(StandardCharsets.UTF_8) + printed.toString(StandardCharsets.UTF_8),
                    cliErr.toString(StandardCharsets.UTF_8));
        }
    }

    private static Run run(String... arguments) {
        return new CommandLine().execute(arguments);
    }

    private static Path metadata(String name, String... pathsAndContents) throws IOException {
        Path dir = folder.resolve(name);
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = dir.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        return dir;
    }

    private static String valueOf(String output, String name) {
        Matcher matcher = Pattern.compile("^" + name + "=(\\S+)$", Pattern.MULTILINE).matcher(output);
        assertTrue(matcher.find(), name + " not printed in: " + output);
        return matcher.group(1);
    }

    private static void assertFailedCleanly(Run run, String... expectedLines) {
        assertFalse(run.succeeded(), "expected a failure, got: " + run.out());
        for (String line : expectedLines) {
            assertTrue(run.err().contains(line), "missing '" + line + "' in:\n" + run.err());
        }
        assertFalse(run.err().contains("\tat "), "stack trace printed:\n" + run.err());
        assertFalse(run.err().contains("Exception"), "exception printed:\n" + run.err());
    }

    @Test
    void operatorCommandsCreateWorkspacesAndKeysThatTheServerHonours() throws Exception {
        Path ops = metadata("ops", "workspace.yaml", """
                workspace:
                  name: ops
                  displayName: Operations
                  standardObjects: false
                objects:
                  - nameSingular: ticket
                    namePlural: tickets
                    fields:
                      - {name: title, type: TEXT}
                """);
        Run created = run("create-workspace", config.toString(), "--metadata", ops.toString());
        assertTrue(created.succeeded(), created.err());
        assertTrue(created.out().contains("Created workspace 'ops'"), created.out());
        assertFailedCleanly(run("create-workspace", config.toString(), "--metadata", ops.toString()),
                "a workspace named 'ops' already exists");
        assertFailedCleanly(run("create-workspace", config.toString(), "--metadata", folder.resolve("nowhere").toString()),
                "metadata folder not found");

        Run listed = run("list-workspaces", config.toString());
        assertTrue(listed.succeeded(), listed.err());
        assertTrue(listed.out().lines().anyMatch(line -> line.startsWith("ops ") && line.contains("Operations")), listed.out());

        Run key = run("create-key", config.toString(), "--workspace", "ops", "--name", "cli-key", "--days", "30");
        assertTrue(key.succeeded(), key.err());
        String keyId = valueOf(key.out(), "KEY_ID");
        String token = valueOf(key.out(), "API_KEY");
        Run old = run("create-key", config.toString(), "--workspace", "ops", "--name", "old-key", "--expires-at", "2001-01-01T00:00:00Z");
        assertTrue(old.succeeded(), old.err());
        String oldToken = valueOf(old.out(), "API_KEY");
        assertFailedCleanly(run("create-key", config.toString(), "--workspace", "nope", "--name", "x"), "no workspace named 'nope'; known: ops");
        assertFailedCleanly(run("create-key", config.toString(), "--workspace", "ops", "--name", "x", "--expires-at", "soon"),
                "--expires-at 'soon' is not an ISO date-time");

        CommandLine serverLine = new CommandLine();
        Run started = serverLine.execute("server", config.toString());
        assertTrue(started.succeeded(), started.err());
        assertNotNull(serverLine.jetty, "the server did not start");
        try (Stream<Path> kept = Files.list(modelClasses)) {
            assertTrue(kept.anyMatch(entry -> entry.toString().endsWith(".jar")), "the server kept no compiled model in " + modelClasses);
        }
        try {
            String base = "http://127.0.0.1:" + ((NetworkConnector) serverLine.jetty.getConnectors()[0]).getLocalPort();
            HttpResponse<String> tickets = request(base, "GET", "/rest/tickets", token, null);
            assertEquals(200, tickets.statusCode(), tickets.body());
            assertEquals(401, request(base, "GET", "/rest/tickets", oldToken, null).statusCode());

            // batchMaxRecords: 2 in the configuration file
            HttpResponse<String> three = request(base, "POST", "/rest/batch/tickets", token, "[{\"title\":\"a\"},{\"title\":\"b\"},{\"title\":\"c\"}]");
            assertEquals(400, three.statusCode());
            assertTrue(three.body().contains("A batch create takes at most 2 records per request, got 3"), three.body());
            assertEquals(201, request(base, "POST", "/rest/batch/tickets", token, "[{\"title\":\"a\"},{\"title\":\"b\"}]").statusCode());

            Run keys = run("list-keys", config.toString(), "--workspace", "ops");
            assertTrue(keys.succeeded(), keys.err());
            assertTrue(keys.out().lines().anyMatch(line -> line.startsWith(keyId) && line.contains("cli-key") && line.contains("active")),
                    keys.out());
            assertTrue(keys.out().lines().anyMatch(line -> line.contains("old-key") && line.contains("expired")), keys.out());
            assertFalse(keys.out().contains(token.substring(token.length() - 43)), "a secret was printed");

            Run revoked = run("revoke-key", config.toString(), "--id", keyId);
            assertTrue(revoked.succeeded(), revoked.err());
            HttpResponse<String> refused = awaitRefusal(base, token);
            assertEquals("{\"statusCode\":401,\"error\":\"UNAUTHENTICATED\",\"messages\":[\"This API Key is revoked\"]}", refused.body());
            assertTrue(run("list-keys", config.toString(), "--workspace", "ops").out().lines()
                    .anyMatch(line -> line.startsWith(keyId) && line.contains("revoked")));
            assertFailedCleanly(run("revoke-key", config.toString(), "--id", "not-a-uuid"), "--id 'not-a-uuid' is not a key id (a UUID)");
            assertFailedCleanly(run("revoke-key", config.toString(), "--id", "00000000-0000-4000-8000-000000000000"),
                    "no API key with id 00000000-0000-4000-8000-000000000000");

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + ((NetworkConnector) serverLine.jetty.getConnectors()[1]).getLocalPort() + "/healthcheck")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
        } finally {
            serverLine.jetty.stop();
        }
        // The request log names each request, never its key.
        String log = Files.readString(requestLog);
        assertTrue(log.contains("\"GET /rest/tickets HTTP/1.1\" 200"), log);
        assertTrue(log.contains("\"POST /rest/batch/tickets HTTP/1.1\" 400"), log);
        for (String secret : List.of(token, oldToken, token.substring(token.length() - 43), "Bearer")) {
            assertFalse(log.contains(secret), "the request log holds '" + secret + "'");
        }
    }

    @Test
    void createWorkspaceWithBadMetadataPrintsEveryLocatedProblemAndFails() throws IOException {
        Path bad = metadata("bad", "workspace.yaml", """
                workspace:
                  name: golden
                  standardObjects: false
                """, "objects/a.yaml", """
                objects:
                  - nameSingular: pet
                    namePlural: pet
                    fields:
                      - {name: nickname, type: TXT}
                      - {name: select, type: TEXT}
                """, "objects/b.yaml", """
                objects:
                  - nameSingular: visit
                    namePlural: visits
                    fields:
                      - {name: pet, type: RELATION, relation: {type: MANY_TO_ONE, targetObject: pett, inverseField: visits}}
                """);
        Run run = run("create-workspace", config.toString(), "--metadata", bad.toString());
        assertFailedCleanly(run,
                "4 problem(s) in " + bad,
                "objects/a.yaml:3:5: error CRM213: object 'pet' has the same singular and plural name (at /objects/0/namePlural)",
                "objects/a.yaml:5:26: error CRM200: unknown field type 'TXT' (at /objects/0/fields/0/type)",
                "hint: did you mean 'TEXT'?",
                "objects/a.yaml:6:10: error CRM208: field name 'select' is reserved in PostgreSQL (at /objects/0/fields/1/name)",
                "objects/b.yaml:5:67: error CRM202: relation 'visit.pet' targets unknown object 'pett' (at /objects/0/fields/0/relation/targetObject)");
        Run listed = run("list-workspaces", config.toString());
        assertFalse(listed.out().contains("golden"), "nothing is created: " + listed.out());
    }

    @Test
    void keysGetRolesAndAreRegeneratedAndDeletedByCommand() throws IOException {
        Path roles = metadata("roleops", "workspace.yaml", """
                workspace:
                  name: roleops
                  displayName: Role operations
                  standardObjects: false
                objects:
                  - nameSingular: ticket
                    namePlural: tickets
                    fields:
                      - {name: title, type: TEXT}
                """);
        assertTrue(run("create-workspace", config.toString(), "--metadata", roles.toString()).succeeded());
        Run listed = run("list-roles", config.toString(), "--workspace", "roleops");
        assertTrue(listed.succeeded(), listed.err());
        assertTrue(listed.out().lines().anyMatch(line -> line.contains("Admin") && line.contains(" admin ") && line.contains("RUSD")),
                listed.out());
        assertTrue(listed.out().lines().anyMatch(line -> line.contains("Read-only") && line.contains("read-only") && line.contains("R---")),
                listed.out());

        Run readOnly = run("create-key", config.toString(), "--workspace", "roleops", "--name", "reader", "--role", "read-only");
        assertTrue(readOnly.succeeded(), readOnly.err());
        assertTrue(readOnly.out().contains("Role Read-only."), readOnly.out());
        Run admin = run("create-key", config.toString(), "--workspace", "roleops", "--name", "default");
        assertTrue(admin.out().contains("Role Admin."), admin.out());
        assertFailedCleanly(run("create-key", config.toString(), "--workspace", "roleops", "--name", "x", "--role", "boss"),
                "workspace 'roleops' has no role 'boss' (see list-roles)");

        String keyId = valueOf(readOnly.out(), "KEY_ID");
        Run listedKeys = run("list-keys", config.toString(), "--workspace", "roleops");
        assertTrue(listedKeys.out().lines().anyMatch(line -> line.startsWith(keyId) && line.endsWith("Read-only")), listedKeys.out());
        String oldToken = valueOf(readOnly.out(), "API_KEY");
        Run regenerated = run("regenerate-key", config.toString(), "--id", keyId);
        assertTrue(regenerated.succeeded(), regenerated.err());
        assertEquals(keyId, valueOf(regenerated.out(), "KEY_ID"));
        String newToken = valueOf(regenerated.out(), "API_KEY");
        try (Database database = new Database(postgres.configuration())) {
            ApiKeyStore keys = new ApiKeyStore(database.dsl());
            assertTrue(keys.verify(ApiKeyToken.parse(oldToken).orElseThrow()).isEmpty(), "the old secret still works");
            ApiKey key = keys.verify(ApiKeyToken.parse(newToken).orElseThrow()).orElseThrow();
            assertEquals(new RoleStore(database.dsl()).builtIn(key.workspaceId(), "read-only").id(), key.roleId(),
                    "a regenerated key keeps its role");

            assertTrue(run("delete-key", config.toString(), "--id", keyId).succeeded());
            assertTrue(keys.byId(UUID.fromString(keyId)).isEmpty());
        }
        assertFailedCleanly(run("delete-key", config.toString(), "--id", keyId), "no API key with id " + keyId);
        assertFailedCleanly(run("regenerate-key", config.toString(), "--id", "x"), "--id 'x' is not a key id (a UUID)");
    }

    /**
     * The README's first command, run in this JVM: the demo starts its own embedded PostgreSQL in the data
     * folder, fills the demo workspace, prints a base URL and a key that read its sample records, and keeps
     * the model's compiled classes in the data folder for its next start.
     */
    @Test
    void theDemoServesItsSampleRecordsWithTheKeyItPrints() throws Exception {
        Path data = folder.resolve("demo-data");
        CommandLine demoLine = new CommandLine();
        Run started = demoLine.execute("demo", "--port", "0", "--data-dir", data.toString());
        assertTrue(started.succeeded(), started.err());
        assertNotNull(demoLine.jetty, "the demo did not start");
        try {
            assertTrue(started.out().contains("Created the demo workspace with sample records."), started.out());
            String base = valueOf(started.out(), "BASE_URL");
            String key = valueOf(started.out(), "API_KEY");
            HttpResponse<String> companies = request(base, "GET", "/rest/companies?limit=3", key, null);
            assertEquals(200, companies.statusCode(), companies.body());
            assertTrue(companies.body().startsWith("{\"data\":{\"companies\":[{\"id\":"), companies.body());
            assertEquals(401, request(base, "GET", "/rest/companies?limit=3", "crm_not_a_key", null).statusCode());
            try (Stream<Path> kept = Files.list(data.resolve("model-classes"))) {
                assertEquals(1, kept.filter(entry -> entry.toString().endsWith(".jar")).count());
            }
        } finally {
            demoLine.jetty.stop();
        }
        assertFalse(Files.exists(data.resolve("postgres").resolve("postmaster.pid")), "PostgreSQL stopped with the demo");
    }

    @Test
    void theExampleConfigurationIsValid() {
        Run checked = run("check", "config.example.yml");
        assertTrue(checked.succeeded(), checked.err());
    }

    @Test
    void commandsNeedTheirArguments() {
        Run missing = run("create-key", config.toString(), "--workspace", "ops");
        assertFalse(missing.succeeded());
        assertTrue(missing.err().contains("--name"), missing.err());
        assertFalse(missing.err().contains("\tat "), missing.err());
    }

    /**
     * Run as {@code java -jar runtime.jar} runs it, in a JVM of its own without this build's system properties,
     * a command that uses jOOQ prints what it was asked for, not jOOQ's logo and tip of the day.
     */
    @Test
    void commandsKeepJooqsBannerOutOfTheirOutput() throws IOException, InterruptedException {
        Path verbose = folder.resolve("info.yml");
        Files.writeString(verbose, Files.readString(config).replace("level: WARN", "level: INFO"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrmServerApplication.class.getName(), "list-workspaces", verbose.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains("INFO"), "nothing was logged at INFO, so this proves nothing:\n" + output);
        assertFalse(output.contains("Thank you for using jOOQ"), output);
        assertFalse(output.contains("tip of the day"), output);
    }

    /**
     * The server hears of a command's change to a key by a database notification, within milliseconds of
     * the command's commit; a request may come sooner.
     */
    private static HttpResponse<String> awaitRefusal(String base, String key) {
        HttpResponse<String> response = TestServer.eventually(() -> {
            try {
                return request(base, "GET", "/rest/tickets", key, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, answer -> answer.statusCode() == 401);
        assertEquals(401, response.statusCode(), response.body());
        return response;
    }

    private static HttpResponse<String> request(String base, String method, String path, String key, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
