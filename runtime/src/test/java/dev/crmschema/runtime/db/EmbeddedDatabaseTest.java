package dev.crmschema.runtime.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
}
