package dev.crmschema.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.generated.showcase.ShowcaseWorkspace;
import dev.crmschema.runtime.CrmServerApplication;
import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import dev.crmschema.runtime.workspace.ModelClasses;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceService;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime serves a workspace with the classes the Maven plugin compiled in this module's build:
 * a workspace named {@code showcase} with the showcase metadata gets {@link ShowcaseWorkspace} from the
 * class path, nothing is compiled in-process, and a workspace of another name with the same model
 * ({@code aquarium}, loaded first because workspaces load in name order) shares those classes.
 */
class PrecompiledWorkspacesTest {
    private static final Path SHOWCASE = Path.of("..", "examples", "workspaces", "showcase");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedDatabase postgres;
    private static DropwizardTestSupport<CrmServerConfiguration> app;
    private static WorkspaceRecord aquarium;
    private static String aquariumKey;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedDatabase.startTemporary();
        try (Database database = new Database(postgres.configuration())) {
            CoreSchema.migrate(database.dsl());
            WorkspaceService workspaces = new WorkspaceService(database.dsl(), new ModelClasses(PrecompiledWorkspacesTest.class.getClassLoader()),
                    new WorkspaceRegistry());
            workspaces.create(MetadataFiles.load(SHOWCASE));
            aquarium = workspaces.create(renamed("aquarium"));
            aquariumKey = new ApiKeyStore(database.dsl()).create(aquarium.id(), "aquarium", OffsetDateTime.now().plusDays(1)).token();
        }
        CrmServerConfiguration configuration = new CrmServerConfiguration();
        configuration.setDatabase(postgres.configuration());
        HttpConnectorFactory connector = new HttpConnectorFactory();
        connector.setPort(0);
        connector.setBindHost("127.0.0.1");
        SimpleServerFactory server = new SimpleServerFactory();
        server.setConnector(connector);
        server.setApplicationContextPath("/");
        server.setAdminContextPath("/admin");
        configuration.setServerFactory(server);
        app = new DropwizardTestSupport<>(CrmServerApplication.class, configuration);
        app.before();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.after();
        }
        postgres.close();
    }

    /** The showcase metadata under another workspace name. */
    private static MetadataFiles renamed(String name) {
        Map<String, String> files = new TreeMap<>(MetadataFiles.load(SHOWCASE).byPath());
        files.put(MetadataFiles.WORKSPACE_FILE, files.get(MetadataFiles.WORKSPACE_FILE).replaceFirst("name: showcase", "name: " + name));
        return new MetadataFiles(files);
    }

    private static WorkspaceSnapshot snapshot(String name) {
        WorkspaceRegistry registry = ((CrmServerApplication) app.getApplication()).registry();
        return registry.all().stream().filter(s -> s.record().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("workspace " + name + " is not loaded"));
    }

    @Test
    void theShowcaseWorkspaceRunsOnThePluginsClassesAndSharesThem() {
        WorkspaceSnapshot showcase = snapshot("showcase");
        assertSame(ShowcaseWorkspace.class, showcase.classes().getClass(), "precompiled classes from the class path");
        assertEquals(new ShowcaseWorkspace().modelHash(), showcase.modelHash());
        assertSame(showcase.classes(), snapshot("aquarium").classes(), "same model, same classes");
        assertTrue(showcase.classes().objectNames().contains("pet"));
    }

    @Test
    void theSharedClassesServeRequests() throws Exception {
        HttpResponse<String> shelter = request("POST", "/rest/shelters", "{\"name\": \"Reef\"}");
        assertEquals(201, shelter.statusCode(), shelter.body());
        String shelterId = JSON.readTree(shelter.body()).path("data").path("createShelter").path("id").asText();
        HttpResponse<String> pet = request("POST", "/rest/pets", "{\"name\": \"Nemo\", \"species\": \"CAT\", \"shelterId\": \"" + shelterId + "\"}");
        assertEquals(201, pet.statusCode(), pet.body());
        HttpResponse<String> pets = request("GET", "/rest/pets?depth=1", null);
        assertEquals(200, pets.statusCode(), pets.body());
        JsonNode nemo = JSON.readTree(pets.body()).path("data").path("pets").get(0);
        assertEquals("Nemo", nemo.path("name").asText());
        assertEquals("Reef", nemo.path("shelter").path("name").asText());
        assertEquals(404, request("GET", "/rest/pets/" + UUID.randomUUID(), null).statusCode());
    }

    private static HttpResponse<String> request(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path))
                .header("Authorization", "Bearer " + aquariumKey);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
