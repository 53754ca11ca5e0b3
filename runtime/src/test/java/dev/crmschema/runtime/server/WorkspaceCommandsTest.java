package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.CrmServerApplication;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.db.DatabaseConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator commands {@code export-workspace} and {@code import-workspace}, run as the CLI runs them,
 * against the database of a running server, which picks up an import without a restart.
 */
class WorkspaceCommandsTest {
    private static TestServer server;
    private static Path config;
    @TempDir
    private static Path folder;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        DatabaseConfiguration database = server.postgres.configuration();
        config = folder.resolve("config.yml");
        Files.writeString(config, """
                database:
                  url: "%s"
                  user: "%s"
                  password: "%s"
                logging:
                  level: WARN
                """.formatted(database.getUrl(), database.getUser(), database.getPassword() == null ? "" : database.getPassword()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void cli(String... args) throws Exception {
        new CrmServerApplication().run(args);
    }

    @Test
    void exportThenImportChangesTheLiveWorkspace() throws Exception {
        Path out = Files.createDirectories(folder.resolve("export")).resolve("acme");
        cli("export-workspace", config.toString(), "--workspace", "acme", "--out", out.toString());
        Map<String, String> stored = new WorkspaceStore(server.database.dsl()).files(server.acme.id()).byPath();
        assertEquals(stored, MetadataFiles.load(out).byPath());

        Files.createDirectories(out.resolve("cli"));
        Files.writeString(out.resolve("cli/lamp.yaml"), "objects:\n  - {nameSingular: lamp, namePlural: lamps, labelSingular: Lamp, labelPlural: Lamps}\n");
        cli("import-workspace", config.toString(), "--metadata", out.toString());
        assertEquals(2L, server.database.dsl().fetchOne("SELECT metadata_version FROM core.workspace WHERE id = ?", server.acme.id())
                .get(0, Long.class));
        long deadline = System.nanoTime() + 60_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && (status = server.get(server.acmeKey, "/rest/lamps").status()) != 200) {
            Thread.sleep(200);
        }
        assertEquals(200, status, "the running server serves the imported object");
    }

    @Test
    void importCreatesAWorkspaceThatDoesNotExistYet() throws Exception {
        Path metadata = Files.createDirectories(folder.resolve("import"));
        Files.writeString(metadata.resolve("workspace.yaml"), "workspace:\n  name: zoo\n  standardObjects: false\n"
                + "objects:\n  - {nameSingular: keeper, namePlural: keepers}\n");
        cli("import-workspace", config.toString(), "--metadata", metadata.toString());
        assertTrue(new WorkspaceStore(server.database.dsl()).byName("zoo").isPresent());
    }
}
