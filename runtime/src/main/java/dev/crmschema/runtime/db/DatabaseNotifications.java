package dev.crmschema.runtime.db;

import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears what other servers and commands change in the shared database: one connection of its own
 * LISTENs on every subscribed PostgreSQL channel and hands each notification to its channel's
 * subscriber, on one background thread. When the connection drops it reconnects with backoff; a
 * subscriber learns of both, since notifications sent while nobody listened are lost.
 */
public final class DatabaseNotifications implements Managed {
    /** PostgreSQL's application_name of the listening connection (visible in pg_stat_activity). */
    public static final String APPLICATION_NAME = "crm-listener";

    /** What a channel's subscriber is told; every call comes from the listening thread. */
    public interface Subscriber {
        /** Listening (again): every notification from now on arrives; earlier ones may have been missed. */
        void listening();

        /** The connection is lost: nothing is heard until {@link #listening()} comes again. */
        void deaf();

        void notified(String payload);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final int POLL_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final DatabaseConfiguration database;
    private final Map<String, Subscriber> subscribers = new LinkedHashMap<>();
    private volatile boolean running;
    private Thread listener;

    public DatabaseNotifications(DatabaseConfiguration database) {
        this.database = database;
    }

    /** Adds a channel (a plain SQL identifier) before {@link #start()}. */
    public void subscribe(String channel, Subscriber subscriber) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        if (listener != null) {
            throw new IllegalStateException("subscribe before the listener starts");
        }
        subscribers.put(channel, subscriber);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "database-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        listener.interrupt();
        listener.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    for (String channel : subscribers.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                backoff = 100;
                subscribers.values().forEach(Subscriber::listening);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            Subscriber subscriber = subscribers.get(notification.getName());
                            if (subscriber != null) {
                                subscriber.notified(notification.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                subscribers.values().forEach(Subscriber::deaf);
                if (!running) {
                    return;
                }
                LOG.warn("Database listener lost its connection ({}); reconnecting in {} ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
        subscribers.values().forEach(Subscriber::deaf);
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
}
