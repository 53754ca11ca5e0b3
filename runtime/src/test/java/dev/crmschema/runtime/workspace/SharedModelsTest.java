package dev.crmschema.runtime.workspace;

import static dev.crmschema.runtime.workspace.WorkspaceFixture.files;
import static dev.crmschema.runtime.workspace.WorkspaceFixture.gadget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.graphql.GraphqlCall;
import dev.crmschema.runtime.graphql.GraphqlRequest;
import dev.crmschema.runtime.metadata.FilesEdit;
import dev.crmschema.runtime.metadata.MetadataService;
import dev.crmschema.runtime.query.Actor;
import dev.crmschema.runtime.query.RecordStore;
import graphql.ExecutionResult;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workspaces with one model share one {@link SharedModel} (classes, documents, GraphQL engine) and still
 * see only their own records and their own names; a metadata change gives one workspace a new model while
 * the others keep theirs; a model no workspace serves any more is collected, class loader included.
 */
class SharedModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WorkspaceFixture fixture;
    private static Database database;
    private static WorkspaceService workspaces;
    private static MetadataService metadata;

    @BeforeAll
    static void start() {
        fixture = new WorkspaceFixture(SharedModelsTest.class);
        database = fixture.database;
        workspaces = fixture.workspaces;
        metadata = fixture.metadata;
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void workspacesWithOneModelShareItButNotTheirRecordsOrNames() {
        WorkspaceSnapshot north = workspaces.load(workspaces.create(files("north", "North \"Sales\"", "")));
        WorkspaceSnapshot south = workspaces.load(workspaces.create(files("south", "South Support", "")));
        assertSame(north.shared(), south.shared());
        assertSame(north.graphql(), south.graphql());
        assertSame(north.model().objects(), south.model().objects());
        assertEquals("north", north.model().name());
        assertEquals("South Support", south.model().displayName());

        assertTrue(north.openApiCore().contains("\"title\" : \"North \\\"Sales\\\" REST API\""), north.openApiCore().substring(0, 400));
        assertFalse(north.openApiCore().contains("South"));
        assertTrue(south.openApiMetadata().contains("South Support metadata REST API"));
        assertFalse(south.openApiMetadata().contains("North"));

        // One engine, two database schemas: each request runs on its caller's.
        String created = run(north, "mutation { createCompany(data: {name: \"Only North\"}) { id } }").path("createCompany").path("id").asText();
        String query = "{ companies(filter: {name: {eq: \"Only North\"}}) { totalCount edges { node { id } } } }";
        assertEquals(created, run(north, query).path("companies").path("edges").get(0).path("node").path("id").asText());
        assertEquals(0, run(south, query).path("companies").path("totalCount").asInt());
        String description = run(south, "{ __schema { description queryType { description } } }").toString();
        assertFalse(description.contains("north") || description.contains("south"), description);
    }

    @Test
    void aChangeGivesOneWorkspaceANewModelAndAModelNobodyServesIsCollected() throws InterruptedException {
        UUID east = workspaces.create(files("east", "East", gadget(""))).id();
        UUID west = workspaces.create(files("west", "West", gadget(""))).id();
        Held before = servedTogether(east, west);

        change(east, gadget("      - {name: weight, label: Weight, type: NUMBER}\n"));
        SharedModel eastAfter = served(east).shared();
        assertNotSame(before.get(), eastAfter, "the changed workspace has a new model");
        assertSame(before.get(), served(west).shared(), "the other workspace keeps its model");
        assertTrue(served(east).model().object("gadget").orElseThrow().field("weight").isPresent());
        assertFalse(served(west).model().object("gadget").orElseThrow().field("weight").isPresent());

        change(west, gadget("      - {name: weight, label: Weight, type: NUMBER}\n"));
        assertSame(eastAfter, served(west).shared(), "the same change twice is one model again");

        for (int attempt = 0; attempt < 100 && (before.get() != null || before.loader().get() != null); attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(before.get(), "a model no snapshot serves is collected");
        assertNull(before.loader().get(), "and its classes with it");
    }

    @Test
    void loadingEveryWorkspaceBuildsEachModelOnce() {
        List<UUID> alike = new ArrayList<>();
        for (String name : List.of("alpha", "beta", "gamma", "omega")) {
            alike.add(workspaces.create(files(name, name, gadget("      - {name: size, label: Size, type: NUMBER}\n"))).id());
        }
        UUID other = workspaces.create(files("delta", "Delta", gadget("      - {name: colour, label: Colour, type: TEXT}\n"))).id();

        assertEquals(workspaces.store().list().size(), workspaces.loadAll());
        SharedModel shared = served(alike.get(0)).shared();
        for (UUID workspace : alike) {
            assertSame(shared, served(workspace).shared(), "workspaces with one model share one build of it");
        }
        assertNotSame(shared, served(other).shared());
        assertEquals(1, run(served(other), "mutation { createGadget(data: {title: \"t\", colour: \"red\"}) { id } }")
                .path("createGadget").size());
    }

    /** A shared model and the class loader of its compiled classes, held weakly. */
    private record Held(WeakReference<SharedModel> model, WeakReference<ClassLoader> loader) {
        SharedModel get() {
            return model.get();
        }
    }

    /** Both workspaces are loaded and share one model, which has served requests; returns it, weakly. */
    private static Held servedTogether(UUID first, UUID second) {
        WorkspaceSnapshot one = workspaces.load(workspaces.store().byId(first).orElseThrow());
        WorkspaceSnapshot two = workspaces.load(workspaces.store().byId(second).orElseThrow());
        assertSame(one.shared(), two.shared());
        run(one, "mutation { createGadget(data: {title: \"first\"}) { id } }");
        assertEquals(1, run(one, "{ gadgets { totalCount } }").path("gadgets").path("totalCount").asInt());
        ClassLoader loader = one.classes().getClass().getClassLoader();
        assertNotSame(SharedModelsTest.class.getClassLoader(), loader, "the model was compiled here, not taken from the class path");
        return new Held(new WeakReference<>(one.shared()), new WeakReference<>(loader));
    }

    private static void change(UUID workspace, String objectFile) {
        WorkspaceSnapshot current = served(workspace);
        MetadataFiles next = files(current.model().name(), current.model().displayName(), objectFile);
        assertEquals(200, metadata.change(current, now -> FilesEdit.replace(now, current.model().name(), next)).status());
    }

    private static WorkspaceSnapshot served(UUID workspace) {
        return workspaces.snapshot(workspace).orElseThrow();
    }

    private static JsonNode run(WorkspaceSnapshot snapshot, String query) {
        GraphqlCall call = new GraphqlCall(snapshot.model(), RecordStore.of(database.dsl(), snapshot.schemaName(), snapshot.model()),
                Actor.apiKey("test"), 60);
        ExecutionResult result = snapshot.graphql().execute(new GraphqlRequest(query, null, Map.of()), call);
        assertEquals(List.of(), result.getErrors(), query);
        return JSON.valueToTree(result.getData());
    }
}
