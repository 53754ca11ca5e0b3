package dev.crmschema.runtime.metadata;

import dev.crmschema.runtime.core.WorkspaceChanges;
import dev.crmschema.runtime.db.DatabaseConfiguration;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this server in step with changes other servers make to the same database. One connection of its
 * own LISTENs for {@link WorkspaceChanges}; after every (re)connect it compares each workspace's stored
 * version with the one it serves, so changes made while it was not listening are caught too. Snapshots
 * are rebuilt on one background thread, never on a request.
 */
public final class MetadataSync implements Managed {
    /** PostgreSQL's application_name of the listening connection (visible in pg_stat_activity). */
    public static final String APPLICATION_NAME = "crm-metadata-listener";

    private static final Logger LOG = LoggerFactory.getLogger(MetadataSync.class);
    private static final int POLL_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final DatabaseConfiguration database;
    private final MetadataService service;
    private final WorkspaceRegistry registry;
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(r -> daemon(r, "metadata-reload"));
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean running;
    private Thread listener;

    public MetadataSync(DatabaseConfiguration database, MetadataService service, WorkspaceRegistry registry) {
        this.database = database;
        this.service = service;
        this.registry = registry;
    }

    @Override
    public void start() {
        running = true;
        listener = daemon(this::listen, "metadata-listener");
        listener.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        listener.interrupt();
        listener.join(TimeUnit.SECONDS.toMillis(5));
        reloads.shutdownNow();
    }

    /** How many times the listener connected (1 after start, more after reconnects). */
    public long connects() {
        return connects.get();
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + WorkspaceChanges.CHANNEL);
                }
                connects.incrementAndGet();
                backoff = 100;
                catchUp();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            WorkspaceChanges.parse(notification.getParameter()).ifPresent(c -> schedule(c.workspaceId(), c.version()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Metadata listener lost its connection ({}); reconnecting in {} ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    /** Every workspace whose stored version is newer than the served one, and every one no longer stored. */
    private void catchUp() {
        Map<UUID, Long> versions = service.store().versions();
        versions.forEach((id, version) -> {
            long served = registry.get(id).map(s -> s.record().metadataVersion()).orElse(0L);
            if (version > served) {
                schedule(id, version);
            }
        });
        for (WorkspaceSnapshot snapshot : registry.all()) {
            if (!versions.containsKey(snapshot.record().id())) {
                schedule(snapshot.record().id(), Long.MAX_VALUE);
            }
        }
    }

    private void schedule(UUID workspaceId, long version) {
        reloads.execute(() -> {
            try {
                service.refresh(workspaceId, version);
            } catch (RuntimeException e) {
                LOG.error("Cannot bring workspace {} to metadata version {}", workspaceId, version, e);
            }
        });
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.getUser());
        if (database.getPassword() != null) {
            properties.setProperty("password", database.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(database.getUrl(), properties);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
