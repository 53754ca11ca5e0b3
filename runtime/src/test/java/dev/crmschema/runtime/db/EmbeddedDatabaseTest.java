package dev.crmschema.runtime.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
    @Test
    void aClusterKeptInAFolderIsDurableAndKeepsItsDataAcrossRestarts(@TempDir Path folder) throws SQLException {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(folder);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            assertEquals("on", setting(statement, "fsync"));
            assertEquals("on", setting(statement, "synchronous_commit"));
            statement.execute("CREATE TABLE kept (value text)");
            statement.execute("INSERT INTO kept VALUES ('committed')");
        }
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(folder);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
            rows.next();
            assertEquals("committed", rows.getString(1));
        }
    }

    @Test
    void aClusterKeptInAFolderLogsWhatPostgresSaysAfterStartUp(@TempDir Path folder) throws Exception {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(folder);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("SELECT 1 / 0 AS logged_after_start_up"));
            Path logs = folder.resolve(EmbeddedDatabase.LOG_FOLDER);
            // The logging collector writes in its own process: wait for the line, a bounded while.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!logged(logs, "logged_after_start_up") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(logged(logs, "logged_after_start_up"), "the failed statement is in a file of " + logs);
        }
    }

    @Test
    void aThrowAwayClusterSkipsFlushingToDisk() throws SQLException {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.startTemporary();
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            assertEquals("off", setting(statement, "fsync"));
        }
    }

    private static Connection connect(EmbeddedDatabase postgres) throws SQLException {
        DatabaseConfiguration configuration = postgres.configuration();
        return DriverManager.getConnection(configuration.getUrl(), configuration.getUser(), configuration.getPassword());
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static boolean logged(Path folder, String text) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
