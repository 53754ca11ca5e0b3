package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * GraphiQL in a real (headless) browser: a person pastes a key, gets completions from their own
 * workspace's schema, and runs a query. Opt-in ({@code mvn test -pl runtime -Pbrowser}, needs Debian's
 * {@code chromium}); the screenshot lands in {@code target/graphiql-browser.png}.
 */
@Tag("browser")
class GraphiqlBrowserTest {
    private static final String QUERY_EDITOR = "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror";
    private static final String RESULT = "document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()";

    @Test
    void aPersonPastesAKeySeesTheirTypesAndRunsAQueryWithCompletion() throws Exception {
        try (TestServer server = new TestServer(); HeadlessChromium chromium = HeadlessChromium.start()) {
            server.send(server.acmeKey, "POST", "/rest/companies", Map.of("name", "Browser Co"));
            chromium.navigate(server.baseUrl() + "/graphql");
            HeadlessChromium.await("GraphiQL renders", () -> chromium.evaluate(
                    "document.querySelector('.graphiql-query-editor .CodeMirror') !== null").asBoolean());

            chromium.evaluate("document.getElementById('apiKey').value = '" + server.acmeKey + "';"
                    + "document.getElementById('keybar').requestSubmit(); true");
            List<String> completions = new ArrayList<>();
            HeadlessChromium.await("completions come from the workspace's schema", () -> {
                completions.clear();
                chromium.evaluate(QUERY_EDITOR + ".setValue('{ \\n  '); " + QUERY_EDITOR + ".focus(); "
                        + QUERY_EDITOR + ".setCursor({line: 1, ch: 2}); " + QUERY_EDITOR + ".execCommand('autocomplete'); true");
                JsonNode hints = chromium.evaluate("[...document.querySelectorAll('.CodeMirror-hint')].map(h => h.textContent)");
                hints.forEach(h -> completions.add(h.asText()));
                return completions.contains("companies");
            });
            assertTrue(completions.contains("people"), completions.toString());
            assertFalse(completions.contains("pets"), "acme's schema has no pets: " + completions);

            chromium.evaluate(QUERY_EDITOR + ".setValue('{ companies(filter: {name: {eq: \"Browser Co\"}}) "
                    + "{ totalCount edges { node { name } } } }'); document.querySelector('.graphiql-execute-button').click(); true");
            HeadlessChromium.await("the query runs", () -> chromium.evaluate(RESULT).asText().contains("Browser Co"));
            JsonNode result = TestServer.json(chromium.evaluate(RESULT).asText());
            assertEquals(1, result.path("data").path("companies").path("totalCount").asInt(), result.toString());
            chromium.screenshot(Path.of("target", "graphiql-browser.png"));
        }
    }
}
