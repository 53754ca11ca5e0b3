package dev.crmschema.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The showcase workspace's generated resources, mounted in a real Dropwizard server behind a root
 * resource with sub-resource locators, called over HTTP: each route must reach the right
 * {@link RestEndpoint} method with the raw parameters.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GeneratedRestRoutesTest {
    private static final String ID = "20202020-0000-4000-8000-000000000001";
    private static final GeneratedCode SHOWCASE = GeneratedCode.showcase();
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final DropwizardAppExtension<Configuration> APP = new DropwizardAppExtension<>(
            new DropwizardTestSupport<>(RoutesApplication.class, serverOnAnyPort()) {
                @Override
                public Application<Configuration> newApplication() {
                    return new RoutesApplication(SHOWCASE.entry(), LOG);
                }
            });

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** Registers only the test root resource: the runtime's routing, nothing else. */
    public static final class RoutesApplication extends Application<Configuration> {
        private final GeneratedWorkspace workspace;
        private final List<String> log;

        RoutesApplication(GeneratedWorkspace workspace, List<String> log) {
            this.workspace = workspace;
            this.log = log;
        }

        @Override
        public void run(Configuration configuration, Environment environment) {
            environment.jersey().register(new TestRootResource(workspace, log));
        }
    }

    private static Configuration serverOnAnyPort() {
        HttpConnectorFactory connector = new HttpConnectorFactory();
        connector.setBindHost("127.0.0.1");
        connector.setPort(0);
        SimpleServerFactory server = new SimpleServerFactory();
        server.setConnector(connector);
        server.setApplicationContextPath("/");
        ((LogbackAccessRequestLogFactory) server.getRequestLogFactory()).setAppenders(List.of());
        Configuration configuration = new Configuration();
        configuration.setServerFactory(server);
        ((DefaultLoggingFactory) configuration.getLoggingFactory()).setLevel("WARN");
        return configuration;
    }

    @Test
    void findManyPassesEveryQueryParameterRaw() throws Exception {
        JsonNode echo = call("GET", "/rest/pets?filter=" + encode("name[eq]:\"Rex\",weightKg[gte]:2")
                + "&order_by=" + encode("name[Sideways]") + "&limit=aaa&starting_after=cursor1&ending_before=cursor2"
                + "&depth=2&fields=" + encode("id,name"), null);
        assertEcho(echo, "pets", "findMany", parameters("filter", "name[eq]:\"Rex\",weightKg[gte]:2",
                "order_by", "name[Sideways]", "limit", "aaa", "starting_after", "cursor1", "ending_before", "cursor2",
                "depth", "2", "fields", "id,name"));
    }

    @Test
    void absentParametersArriveAsNullAndEmptyOnesAsEmpty() throws Exception {
        assertEcho(call("GET", "/rest/pets", null), "pets", "findMany", parameters("filter", null, "order_by", null,
                "limit", null, "starting_after", null, "ending_before", null, "depth", null, "fields", null));
        assertEcho(call("GET", "/rest/pets?limit=&depth=-1", null), "pets", "findMany", parameters("filter", null,
                "order_by", null, "limit", "", "starting_after", null, "ending_before", null, "depth", "-1", "fields", null));
    }

    @Test
    void findOneTakesAnyIdSoTheRuntimeCanRejectIt() throws Exception {
        assertEcho(call("GET", "/rest/pets/" + ID + "?depth=1&fields=id", null), "pets", "findOne",
                parameters("id", ID, "depth", "1", "fields", "id"));
        assertEcho(call("GET", "/rest/pets/not-a-uuid", null), "pets", "findOne",
                parameters("id", "not-a-uuid", "depth", null, "fields", null));
    }

    @Test
    void createOneGetsTheBodyAndTheRawUpsertFlag() throws Exception {
        JsonNode echo = call("POST", "/rest/pets?upsert=maybe&depth=0", "{\"name\":\"Rex\",\"weightKg\":4.5}");
        assertEcho(echo, "pets", "createOne", parameters("upsert", "maybe", "depth", "0", "fields", null));
        assertEquals(json.readTree("{\"name\":\"Rex\",\"weightKg\":4.5}"), echo.get("body"));
    }

    @Test
    void aPostWithoutEntityPassesANullBody() throws Exception {
        JsonNode echo = call("POST", "/rest/pets", "");
        assertEcho(echo, "pets", "createOne", parameters("upsert", null, "depth", null, "fields", null));
        assertTrue(echo.get("body").isNull(), echo.toString());
    }

    @Test
    void malformedJsonNeverReachesTheEndpoint() throws Exception {
        int calls = LOG.size();
        HttpResponse<String> response = send("POST", "/rest/pets", "{\"name\":");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(calls, LOG.size());
    }

    @Test
    void updateRoutesAcceptPatchAndPut() throws Exception {
        for (String method : List.of("PATCH", "PUT")) {
            JsonNode one = call(method, "/rest/pets/" + ID + "?fields=name", "{\"nickname\":\"Bo\"}");
            assertEcho(one, "pets", "updateOne", parameters("id", ID, "depth", null, "fields", "name"));
            assertEquals(json.readTree("{\"nickname\":\"Bo\"}"), one.get("body"));
            JsonNode many = call(method, "/rest/pets?filter=" + encode("species[eq]:CAT") + "&depth=1", "{\"isAdopted\":true}");
            assertEcho(many, "pets", "updateMany", parameters("filter", "species[eq]:CAT", "depth", "1", "fields", null));
            assertEquals(json.readTree("{\"isAdopted\":true}"), many.get("body"));
        }
    }

    @Test
    void deleteRoutesPassTheRawSoftDeleteFlag() throws Exception {
        assertEcho(call("DELETE", "/rest/pets/" + ID + "?soft_delete=yes", null), "pets", "deleteOne",
                parameters("id", ID, "soft_delete", "yes"));
        assertEcho(call("DELETE", "/rest/pets?filter=" + encode("id[eq]:\"" + ID + "\"") + "&soft_delete=true", null),
                "pets", "deleteMany", parameters("filter", "id[eq]:\"" + ID + "\"", "soft_delete", "true"));
        assertEcho(call("DELETE", "/rest/pets", null), "pets", "deleteMany", parameters("filter", null, "soft_delete", null));
    }

    @Test
    void restoreIsALiteralSegmentThatWinsOverAnId() throws Exception {
        for (String method : List.of("PATCH", "PUT")) {
            assertEcho(call(method, "/rest/pets/restore?filter=" + encode("deletedAt[is]:NOT_NULL"), null), "pets",
                    "restoreMany", parameters("filter", "deletedAt[is]:NOT_NULL", "depth", null, "fields", null));
            assertEcho(call(method, "/rest/pets/" + ID + "/restore?depth=1", null), "pets", "restoreOne",
                    parameters("id", ID, "depth", "1", "fields", null));
        }
    }

    @Test
    void duplicatesIsALiteralSegmentThatWinsOverCreate() throws Exception {
        JsonNode echo = call("POST", "/rest/pets/duplicates?depth=0", "{\"ids\":[\"" + ID + "\"]}");
        assertEcho(echo, "pets", "findDuplicates", parameters("depth", "0", "fields", null));
        assertEquals(json.readTree("{\"ids\":[\"" + ID + "\"]}"), echo.get("body"));
    }

    @Test
    void batchCreatesManyFromAnArray() throws Exception {
        JsonNode echo = call("POST", "/rest/batch/pets?upsert=true&fields=id", "[{\"name\":\"A\"},{\"name\":\"B\"}]");
        assertEcho(echo, "pets", "createMany", parameters("upsert", "true", "depth", null, "fields", "id"));
        assertEquals(json.readTree("[{\"name\":\"A\"},{\"name\":\"B\"}]"), echo.get("body"));
    }

    @Test
    void everyObjectIsServedAtItsPluralName() throws Exception {
        for (ObjectType object : SHOWCASE.model().objects()) {
            assertEquals(object.namePlural(), call("GET", "/rest/" + object.namePlural(), null).get("plural").asText());
            JsonNode batch = call("POST", "/rest/batch/" + object.namePlural(), "[]");
            assertEquals(object.namePlural() + " createMany", batch.get("plural").asText() + " " + batch.get("operation").asText());
        }
    }

    @Test
    void anUnknownPluralIsLeftToTheRuntime() throws Exception {
        assertEquals(404, send("GET", "/rest/pet", null).statusCode());
        assertEquals(404, send("POST", "/rest/batch/pet", "[]").statusCode());
    }

    @Test
    void underOtherMethodsALiteralSegmentIsAnId() throws Exception {
        // Jersey falls back to "{id}" when the literal route lacks the method, so the runtime's UUID
        // check answers these as the contract does ("'restore' is not a valid UUID").
        assertEcho(call("DELETE", "/rest/pets/restore", null), "pets", "deleteOne",
                parameters("id", "restore", "soft_delete", null));
        assertEcho(call("GET", "/rest/pets/duplicates", null), "pets", "findOne",
                parameters("id", "duplicates", "depth", null, "fields", null));
    }

    private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ObjectNode parameters(String... namesAndValues) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private static void assertEcho(JsonNode echo, String plural, String operation, ObjectNode parameters) {
        assertEquals(plural, echo.get("plural").asText(), echo.toString());
        assertEquals(operation, echo.get("operation").asText(), echo.toString());
        assertEquals(parameters, echo.get("parameters"), echo.toString());
    }
}
