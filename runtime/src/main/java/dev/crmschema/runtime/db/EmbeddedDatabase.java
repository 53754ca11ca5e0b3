package dev.crmschema.runtime.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL started from the binaries in the runtime jar, with its data kept in a folder so that a
 * restart loses nothing. Used by the {@code demo} command and by tests.
 *
 * <p>The embedding library starts PostgreSQL for throw-away test clusters, with {@code fsync} and
 * {@code synchronous_commit} off. A cluster kept in a folder turns both back on: a commit the API
 * answered survives a crash of PostgreSQL or of the machine, as it does on any other PostgreSQL.
 *
 * <p>It also writes its own log, in {@link #LOG_FOLDER} of the data folder. The library reads PostgreSQL's
 * output from {@code pg_ctl}, whose pipe closes when {@code pg_ctl} exits once the server is up: whatever
 * PostgreSQL said after start-up (errors, crashes, autovacuum) was lost. One file per weekday, each
 * overwritten a week later, keeps the log from growing without end.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** PostgreSQL's log folder, relative to the data folder of a cluster kept in a folder. */
    public static final String LOG_FOLDER = "log";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL over {@code dataDirectory}, creating the cluster on first use. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", LOG_FOLDER)
                    .setServerConfig("log_filename", "postgresql-%a.log")
                    .setServerConfig("log_rotation_age", "1d")
                    .setServerConfig("log_rotation_size", "0")
                    .setServerConfig("log_truncate_on_rotation", "on")
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** A throw-away cluster in a temporary folder, removed on close (tests): not durable, and faster for it. */
    public static EmbeddedDatabase startTemporary() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public DatabaseConfiguration configuration() {
        DatabaseConfiguration configuration = new DatabaseConfiguration();
        configuration.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        configuration.setUser("postgres");
        configuration.setPassword("");
        return configuration;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
