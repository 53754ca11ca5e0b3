package dev.crmschema.runtime.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.crmschema.runtime.CrmServerApplication;
import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import dev.crmschema.runtime.logging.BatchedRequestLogFactory;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.slf4j.LoggerFactory;

/**
 * {@code demo [config.yml] [--port N] [--data-dir DIR] [--fresh]}: a zero-configuration server on embedded
 * PostgreSQL, with a standard workspace full of sample records and a fresh API key. When it is ready it
 * prints {@code BASE_URL=...} and {@code API_KEY=...} on lines of their own, for scripts. An optional
 * configuration file sets limits, logging and the like; the database, ports and request log stay the demo's.
 */
public final class DemoCommand extends ServerCommand<CrmServerConfiguration> {
    /** The data folder's folder of compiled model classes, so that a restart does not compile the model again. */
    static final String MODEL_CLASSES = "model-classes";
    /** The loggers of the server's own code. */
    private static final String SERVER_LOGS = "dev.crmschema";

    private volatile String apiKey;
    private volatile EmbeddedDatabase postgres;
    private volatile Thread stopPostgresAtExit;

    public DemoCommand(CrmServerApplication application) {
        super(application, "demo", "Run a demo server on embedded PostgreSQL with sample data and an API key");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--port").dest("port").type(Integer.class).setDefault(8080)
                .help("HTTP port (default 8080; 0 picks a free one)");
        subparser.addArgument("--data-dir").dest("dataDir").setDefault("data")
                .help("where PostgreSQL keeps the demo's data (default ./data); a restart keeps it");
        subparser.addArgument("--fresh").dest("fresh").action(net.sourceforge.argparse4j.impl.Arguments.storeTrue())
                .help("wipe the data folder first");
    }

    @Override
    protected void run(Bootstrap<CrmServerConfiguration> bootstrap, Namespace namespace, CrmServerConfiguration configuration)
            throws Exception {
        Path dataDir = Path.of(namespace.getString("dataDir")).toAbsolutePath();
        if (namespace.getString("file") == null) {
            quietLibraries();
        }
        if (namespace.getBoolean("fresh")) {
            deleteRecursively(dataDir);
        }
        System.out.println("Starting PostgreSQL in " + dataDir + " ...");
        Path postgresDir = dataDir.resolve("postgres");
        postgres = EmbeddedDatabase.start(postgresDir);
        System.out.println("PostgreSQL logs to " + postgresDir.resolve(EmbeddedDatabase.LOG_FOLDER) + ".");
        // Until the server starts, which then stops PostgreSQL itself, after its last request.
        stopPostgresAtExit = new Thread(postgres::close, "embedded-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(stopPostgresAtExit);
        configuration.setDatabase(postgres.configuration());
        usePort(configuration, namespace.getInt("port"));
        useBatchedRequestLog(configuration);
        if (configuration.getModelClassCache() == null) {
            configuration.setModelClassCache(dataDir.resolve(MODEL_CLASSES).toString());
        }

        try (Database database = new Database(configuration.getDatabase())) {
            CoreSchema.migrate(database.dsl());
            DemoWorkspace.Prepared demo = DemoWorkspace.prepare(database, configuration.modelClasses());
            System.out.println(demo.created() ? "Created the demo workspace with sample records."
                    : "Using the demo workspace from " + dataDir + ".");
            apiKey = new ApiKeyStore(database.dsl()).create(demo.workspaceId(), "demo key " + OffsetDateTime.now(ZoneOffset.UTC),
                    OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)).token();
        }
        super.run(bootstrap, namespace, configuration);
    }

    @Override
    protected void run(Environment environment, Namespace namespace, CrmServerConfiguration configuration) throws Exception {
        // Managed objects stop after the server has stopped taking requests, and this one after the others (the
        // database's pool and listener), as it is registered first: PostgreSQL outlives the last request. A JVM
        // shutdown hook would run alongside the server's own and stop PostgreSQL under it.
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                Runtime.getRuntime().removeShutdownHook(stopPostgresAtExit);
            }

            @Override
            public void stop() {
                postgres.close();
            }
        });
        environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(org.eclipse.jetty.server.Server server) {
                printReady(getLocalPort(server));
            }
        });
        super.run(environment, namespace, configuration);
    }

    private void printReady(int port) {
        String base = "http://127.0.0.1:" + port;
        System.out.println();
        System.out.println("BASE_URL=" + base);
        System.out.println("API_KEY=" + apiKey);
        System.out.println();
        System.out.println("The demo workspace is ready.");
        System.out.println("  Docs:        " + base + "/docs/  (paste the API key)");
        System.out.println("  OpenAPI:     " + base + "/rest/open-api/core");
        System.out.println("  GraphiQL:    " + base + "/graphql  (paste the API key)");
        System.out.println("  Try:         curl -H \"Authorization: Bearer $API_KEY\" '" + base + "/rest/companies?limit=3'");
        System.out.println("  Stop with Ctrl-C; data stays in the data folder (--fresh starts over).");
    }

    /**
     * Without a configuration file, the demo logs what the server says at INFO and only warnings and errors
     * of its libraries: embedded PostgreSQL's start-up, the connection pool and Dropwizard's list of routes
     * would otherwise bury the lines that tell a first-time user what happened and where to go.
     */
    private static void quietLibraries() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            logging.getLogger(SERVER_LOGS).setLevel(Level.INFO);
        }
    }

    private static void usePort(CrmServerConfiguration configuration, int port) {
        DefaultServerFactory server = (DefaultServerFactory) configuration.getServerFactory();
        HttpConnectorFactory application = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
        application.setPort(port);
        application.setBindHost("127.0.0.1");
        HttpConnectorFactory admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);
        admin.setPort(0);
        admin.setBindHost("127.0.0.1");
    }

    /**
     * The request log of {@code config.example.yml}: Dropwizard's default (logback-access) copies every header,
     * parameter and attribute of each request for its background appender, about 6 % of the CPU of a read by id;
     * {@code batched} formats the line (without the query string) with Jetty's {@code CustomRequestLog} and
     * writes lines in batches.
     */
    private static void useBatchedRequestLog(CrmServerConfiguration configuration) {
        ((DefaultServerFactory) configuration.getServerFactory()).setRequestLogFactory(new BatchedRequestLogFactory());
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + folder, e);
        }
    }
}
