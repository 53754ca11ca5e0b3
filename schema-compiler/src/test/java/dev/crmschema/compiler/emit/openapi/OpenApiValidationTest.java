package dev.crmschema.compiler.emit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openapitools.codegen.validation.Invalid;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;

/** Both documents of both example workspaces pass swagger-parser and openapi-generator's own validator. */
class OpenApiValidationTest {
    /**
     * openapi-generator's 'nullable' recommendation also fires on {@code oneOf: [{$ref}, {type: "null"}]}
     * (its ModelUtils.isNullable counts any composed schema with a null branch), which is the OpenAPI 3.1
     * way to make a reference nullable, not the removed keyword. Every other warning fails the test.
     */
    private static final String NULLABLE_RECOMMENDATION = "The 'nullable' attribute was removed in OpenAPI 3.1";
    /** Parsing a core document takes a second or more; both tests share one parse per document. */
    private static final Map<String, SwaggerParseResult> PARSED = new ConcurrentHashMap<>();

    static Stream<Arguments> documents() {
        return EmittedDocuments.WORKSPACES.stream().flatMap(name -> Stream.of(
                Arguments.of(name, "core", EmittedDocuments.of(name).core()),
                Arguments.of(name, "metadata", EmittedDocuments.of(name).metadata())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void swaggerParserReadsTheDocumentWithoutAnyMessage(String workspace, String document, String json) {
        SwaggerParseResult result = parse(workspace + " " + document, json);
        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI());
        assertEquals("3.1.1", result.getOpenAPI().getOpenapi());
        assertTrue(result.getOpenAPI().getPaths().size() > 0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void openApiGeneratorsValidatorFindsNoError(String workspace, String document, String json) {
        OpenAPI openApi = parse(workspace + " " + document, json).getOpenAPI();
        RuleConfiguration rules = new RuleConfiguration();
        rules.setEnableRecommendations(true);
        ValidationResult result = new OpenApiEvaluator(rules).validate(openApi);
        assertEquals(List.of(), result.getErrors().stream().map(OpenApiValidationTest::describe).toList());
        assertEquals(List.of(), result.getWarnings().stream()
                .filter(w -> !w.getMessage().startsWith(NULLABLE_RECOMMENDATION))
                .map(OpenApiValidationTest::describe).toList());
    }

    private static SwaggerParseResult parse(String key, String json) {
        return PARSED.computeIfAbsent(key, k -> {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            return new OpenAPIV3Parser().readContents(json, null, options);
        });
    }

    private static String describe(Invalid invalid) {
        return invalid.getMessage() + ": " + invalid.getDetails();
    }
}
