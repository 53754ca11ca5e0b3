package dev.crmschema.runtime.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import dev.crmschema.runtime.db.RecordingConnections;
import dev.crmschema.runtime.query.Actor;
import dev.crmschema.runtime.query.RecordStore;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import dev.crmschema.runtime.workspace.ModelClasses;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceService;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import graphql.ExecutionResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The engine of a loaded showcase workspace snapshot, run directly (no HTTP in between). Counts the SQL
 * statements a request runs ({@link RecordingConnections}): relations nested three levels deep cost one
 * statement per relation and level, however many records each level holds; refused queries run none. Unexpected failures reach the client without their details.
 */
class GraphqlEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * shelters: page and count (2); pets per shelter (1); each pet's shelter (1) and adopter (1);
     * visits per pet (1); each visit's pet (1).
     */
    private static final String NESTED = """
            { shelters(first: 50, orderBy: [{name: AscNullsFirst}]) {
                totalCount
                edges { node { name
                  pets(first: 3, orderBy: [{name: AscNullsFirst}]) {
                    totalCount
                    edges { node { name shelter { name } adopter { name { firstName } }
                      visits { totalCount edges { node { name pet { name } } } }
                    } }
                  }
                } }
            } }""";
    private static final int NESTED_STATEMENTS = 7;

    private static EmbeddedDatabase postgres;
    private static Database database;
    private static WorkspaceSnapshot snapshot;
    private static final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private static GraphqlCall call;

    @BeforeAll
    static void load() {
        postgres = EmbeddedDatabase.startTemporary();
        database = new Database(postgres.configuration());
        CoreSchema.migrate(database.dsl());
        WorkspaceService workspaces = new WorkspaceService(database.dsl(), new ModelClasses(GraphqlEngineTest.class.getClassLoader()),
                new WorkspaceRegistry());
        snapshot = workspaces.load(workspaces.create(ExampleWorkspaces.files("showcase")));
        DSLContext counted = RecordingConnections.recording(database.dsl(), statements);
        call = new GraphqlCall(snapshot.model(), RecordStore.of(counted, snapshot.schemaName(), snapshot.model()),
                Actor.apiKey("statements"), 60);
    }

    @AfterAll
    static void stop() {
        database.close();
        postgres.close();
    }

    @BeforeEach
    void forget() {
        statements.clear();
    }

    private static JsonNode run(String query) {
        ExecutionResult result = snapshot.graphql().execute(new GraphqlRequest(query, null, Map.of()), call);
        assertEquals(List.of(), result.getErrors(), query);
        return JSON.valueToTree(result.getData());
    }

    /** {@code shelters} shelters named by {@code prefix}, each with {@code pets} pets, each with two visits; one adopter for all. */
    private static void seed(String prefix, int shelters, int pets) {
        String adopter = run("mutation { createPerson(data: {name: {firstName: \"" + prefix + "Adopter\"}}) { id } }")
                .path("createPerson").path("id").asText();
        for (int s = 0; s < shelters; s++) {
            String shelter = run("mutation { createShelter(data: {name: \"" + prefix + s + "\"}) { id } }").path("createShelter").path("id").asText();
            StringBuilder data = new StringBuilder();
            for (int p = 0; p < pets; p++) {
                data.append("{name: \"").append(prefix).append(s).append('-').append(p).append("\", shelterId: \"").append(shelter)
                        .append("\", adopterId: \"").append(adopter).append("\"}");
            }
            for (JsonNode pet : run("mutation { createPets(data: [" + data + "]) { id } }").path("createPets")) {
                String id = pet.path("id").asText();
                run("mutation { createVisits(data: [{name: \"check\", petId: \"" + id + "\"}, {name: \"vaccine\", petId: \"" + id + "\"}]) { id } }");
            }
        }
    }

    @Test
    void aNestedQueryCostsOneStatementPerRelationAndLevel() {
        seed("Few", 2, 2);
        statements.clear();
        JsonNode few = run(NESTED).path("shelters");
        assertEquals(NESTED_STATEMENTS, statements.size(), String.join("\n", statements));
        assertEquals(2, few.path("totalCount").asInt());
        JsonNode pet = few.path("edges").get(0).path("node").path("pets").path("edges").get(0).path("node");
        assertEquals("Few0-0", pet.path("name").asText());
        assertEquals("Few0", pet.path("shelter").path("name").asText());
        assertEquals("FewAdopter", pet.path("adopter").path("name").path("firstName").asText());
        assertEquals(2, pet.path("visits").path("totalCount").asInt());
        assertEquals("Few0-0", pet.path("visits").path("edges").get(0).path("node").path("pet").path("name").asText());

        seed("More", 6, 5);
        statements.clear();
        JsonNode more = run(NESTED).path("shelters");
        assertEquals(NESTED_STATEMENTS, statements.size(), "the same statements for four times the records");
        assertEquals(8, more.path("totalCount").asInt());
        JsonNode morePets = more.path("edges").get(2).path("node").path("pets");
        assertEquals(5, morePets.path("totalCount").asInt());
        assertEquals(3, morePets.path("edges").size());
    }

    @Test
    void selectedAggregatesAddOneStatementPerConnection() {
        seed("Agg", 1, 2);
        statements.clear();
        run("{ shelters { totalCount edges { node { name } } } }");
        assertEquals(2, statements.size(), "page and count");
        statements.clear();
        run("{ shelters { edges { node { name } } } }");
        assertEquals(1, statements.size(), "without totalCount the matching records are not counted");
        statements.clear();
        run("{ shelters { countEmptyCity edges { node { pets { sumVaccinationCount edges { node { name } } } } } } }");
        assertEquals(1 + 1 + 1 + 1, statements.size(), String.join("\n", statements));
    }

    @Test
    void refusedQueriesRunNoStatementAndToolsStayQuiet() {
        StringBuilder wide = new StringBuilder("{ shelters { ");
        for (int i = 0; i < 2001; i++) {
            wide.append("s").append(i).append(": totalCount ");
        }
        ExecutionResult refused = snapshot.graphql().execute(new GraphqlRequest(wide + "} }", null, Map.of()), call);
        assertEquals(1, refused.getErrors().size());
        assertTrue(refused.getErrors().get(0) instanceof QueryLimits.Refused, refused.getErrors().toString());
        assertEquals(List.of(), statements);
        assertEquals(Level.ERROR, ((Logger) LoggerFactory.getLogger("graphql.kickstart.tools")).getLevel());
    }

    @Test
    void anUnexpectedFailureIsReportedWithoutItsDetails() {
        GraphqlCall broken = new GraphqlCall(snapshot.model(), RecordStore.of(database.dsl(), "no_such_schema", snapshot.model()),
                Actor.apiKey("broken"), 60);
        ExecutionResult result = snapshot.graphql().execute(new GraphqlRequest("{ shelters { totalCount } }", null, Map.of()), broken);
        Map<String, Object> body = ResponseBody.of(result);
        String json = JSON.valueToTree(body).toString();
        assertEquals(1, result.getErrors().size(), json);
        assertEquals(Map.of("code", "INTERNAL_SERVER_ERROR", "userFriendlyMessage", "An error occurred."),
                result.getErrors().get(0).getExtensions());
        assertEquals("An error occurred.", result.getErrors().get(0).getMessage());
        assertTrue(!json.contains("no_such_schema") && !json.toLowerCase(java.util.Locale.ROOT).contains("select"), json);
    }
}
