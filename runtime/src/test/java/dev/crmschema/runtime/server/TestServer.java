package dev.crmschema.runtime.server;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.CrmServerApplication;
import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import dev.crmschema.runtime.workspace.ModelClasses;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceService;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A real server for end-to-end tests: embedded PostgreSQL, two workspaces with different models
 * ({@code acme} on the standard objects, {@code shelter} on the showcase model), a key for each, and an
 * HTTP client. Everything goes over HTTP on loopback.
 */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * The server's rate limit for keys without their own: high, so that suites sharing one server are
     * never throttled; rate-limit tests give their keys a limit of their own.
     */
    public static final int TEST_RATE_LIMIT = 1_000_000;

    public final EmbeddedDatabase postgres;
    public final Database database;
    public final WorkspaceRecord acme;
    public final WorkspaceRecord shelter;
    public final String acmeKey;
    public final String shelterKey;
    private final DropwizardTestSupport<CrmServerConfiguration> app;
    private final HttpClient http = HttpClient.newHttpClient();
    /** False for a second server on another server's database: closing it leaves the database running. */
    private final boolean ownsDatabase;

    /** A response: status, headers and the body parsed as JSON (or null when empty). */
    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public TestServer() {
        postgres = EmbeddedDatabase.startTemporary();
        database = new Database(postgres.configuration());
        CoreSchema.migrate(database.dsl());
        WorkspaceService workspaces = new WorkspaceService(database.dsl(), new ModelClasses(getClass().getClassLoader()),
                new WorkspaceRegistry());
        acme = workspaces.create(renamed("standard", "acme"));
        shelter = workspaces.create(renamed("showcase", "shelter"));
        ApiKeyStore keys = new ApiKeyStore(database.dsl());
        acmeKey = keys.create(acme.id(), "acme tests", OffsetDateTime.now().plusDays(1)).token();
        shelterKey = keys.create(shelter.id(), "shelter tests", OffsetDateTime.now().plusDays(1)).token();
        ownsDatabase = true;
        app = start(limited(configuration()));
    }

    /** Another server instance (its own application, registry and classes) on {@code shared}'s database. */
    public TestServer(TestServer shared) {
        postgres = shared.postgres;
        database = shared.database;
        acme = shared.acme;
        shelter = shared.shelter;
        acmeKey = shared.acmeKey;
        shelterKey = shared.shelterKey;
        ownsDatabase = false;
        app = start(limited(configuration()));
    }

    private static CrmServerConfiguration limited(CrmServerConfiguration configuration) {
        configuration.getLimits().setRateLimit(TEST_RATE_LIMIT);
        return configuration;
    }

    /** A server configuration on this database, listening on a free loopback port, with default limits. */
    public CrmServerConfiguration configuration() {
        CrmServerConfiguration configuration = new CrmServerConfiguration();
        configuration.setDatabase(postgres.configuration());
        SimpleServerFactory server = new SimpleServerFactory();
        HttpConnectorFactory connector = new HttpConnectorFactory();
        connector.setPort(0);
        connector.setBindHost("127.0.0.1");
        server.setConnector(connector);
        server.setApplicationContextPath("/");
        server.setAdminContextPath("/admin");
        configuration.setServerFactory(server);
        return configuration;
    }

    /**
     * Another server instance on the same database, with its own Jetty, connection pool and workspace
     * registry: what a second process would be, except that it shares this JVM.
     */
    public Instance startInstance(CrmServerConfiguration configuration) {
        return new Instance(start(configuration));
    }

    /**
     * Repeats {@code call} until its answer is {@code done}, for at most 10 s, and returns the last answer:
     * another server hears of a key or role change by a database notification, within milliseconds of the
     * commit.
     */
    public static <T> T eventually(Supplier<T> call, Predicate<T> done) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        T answer = call.get();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = call.get();
        }
        return answer;
    }

    /** {@link #eventually(Supplier, Predicate)} for a reply with this status. */
    public static Reply eventually(int status, Supplier<Reply> call) {
        return eventually(call, reply -> reply.status() == status);
    }

    /** A server instance started by {@link #startInstance}; closing it stops it. */
    public final class Instance implements AutoCloseable {
        private final DropwizardTestSupport<CrmServerConfiguration> instance;

        private Instance(DropwizardTestSupport<CrmServerConfiguration> instance) {
            this.instance = instance;
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + instance.getLocalPort();
        }

        public Reply send(String key, String method, String path, Object body) {
            return sendTo(baseUrl(), key, method, path, body);
        }

        /** The instance's metric registry, as its admin port reports it. */
        public MetricRegistry metrics() {
            return instance.getEnvironment().metrics();
        }

        @Override
        public void close() {
            instance.after();
        }
    }

    private static DropwizardTestSupport<CrmServerConfiguration> start(CrmServerConfiguration configuration) {
        DropwizardTestSupport<CrmServerConfiguration> app = new DropwizardTestSupport<>(CrmServerApplication.class, configuration);
        try {
            app.before();
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
        return app;
    }

    /** The running application, to look at what it serves from the inside. */
    public CrmServerApplication application() {
        return app.getApplication();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.getLocalPort();
    }

    /** The server's own key store: a change through it takes effect on the server's next request. */
    public ApiKeyStore keys() {
        return application().keys();
    }

    public Reply get(String key, String path) {
        return send(key, "GET", path, null);
    }

    public Reply send(String key, String method, String path, Object body) {
        return sendTo(baseUrl(), key, method, path, body);
    }

    private Reply sendTo(String baseUrl, String key, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            if (body != null) {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = null;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!response.body().isEmpty() && contentType.contains("json")) {
                parsed = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), parsed, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /graphql} with a query and its variables (none when null). */
    public Reply graphql(String key, String query, Map<String, Object> variables) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return send(key, "POST", "/graphql", body);
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example workspace's files under another workspace name. */
    static MetadataFiles renamed(String example, String name) {
        Map<String, String> files = new TreeMap<>(ExampleWorkspaces.files(example).byPath());
        files.put(MetadataFiles.WORKSPACE_FILE, files.get(MetadataFiles.WORKSPACE_FILE)
                .replaceFirst("name: " + example, "name: " + name));
        return new MetadataFiles(files);
    }

    @Override
    public void close() {
        app.after();
        if (ownsDatabase) {
            database.close();
            postgres.close();
        }
    }
}
