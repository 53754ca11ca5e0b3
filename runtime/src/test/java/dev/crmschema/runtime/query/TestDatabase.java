package dev.crmschema.runtime.query;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.crmschema.compiler.emit.sql.DdlWriter;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import dev.crmschema.runtime.db.RecordingConnections;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL with the showcase workspace's tables in one schema (created by the product's
 * {@link DdlWriter}), started once per test class. Every statement run through {@link #dsl()}
 * is recorded, so tests can assert how many queries an operation ran.
 */
final class TestDatabase implements AutoCloseable {
    static final String SCHEMA = "workspace_showcase";

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // Without a logback config everything logs at DEBUG (every jOOQ statement and result table);
        // set here rather than in a shared logback-test.xml that other runtime tests may want to own.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }

    private final EmbeddedDatabase postgres;
    private final Database database;
    private final DSLContext dsl;
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final Workspace workspace;

    private TestDatabase(EmbeddedDatabase postgres, Workspace workspace) {
        this.postgres = postgres;
        this.workspace = workspace;
        // The runtime's own pool and jOOQ settings, so queries run exactly as they do in the server.
        this.database = new Database(postgres.configuration());
        this.dsl = RecordingConnections.recording(database.dsl(), statements);
    }

    static TestDatabase start() {
        TestDatabase db = new TestDatabase(EmbeddedDatabase.startTemporary(), showcase());
        for (String statement : DdlWriter.statements(db.workspace, SCHEMA)) {
            db.dsl.execute(statement);
        }
        db.statements.clear();
        return db;
    }

    static Workspace showcase() {
        return ExampleWorkspaces.model("showcase");
    }

    Workspace workspace() {
        return workspace;
    }

    DSLContext dsl() {
        return dsl;
    }

    RecordStore store() {
        return RecordStore.of(dsl, SCHEMA, workspace);
    }

    /** Forgets the statements recorded so far. */
    void resetStatements() {
        statements.clear();
    }

    /** The SQL of every statement executed since the last reset. */
    List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** Empties every table of the workspace (between tests). */
    void truncateAll() {
        List<String> tables = workspace.objects().stream()
                .map(o -> "\"" + SCHEMA + "\".\"" + o.tableName() + "\"")
                .toList();
        dsl.execute("truncate " + String.join(", ", tables) + " cascade");
        statements.clear();
    }

    @Override
    public void close() {
        database.close();
        postgres.close();
    }
}
