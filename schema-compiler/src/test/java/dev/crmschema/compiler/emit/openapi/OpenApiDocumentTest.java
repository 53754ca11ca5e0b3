package dev.crmschema.compiler.emit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitters;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the documents say: names, routes, operation ids, response shapes, examples and stable bytes. */
class OpenApiDocumentTest {
    private static final Pattern COMPONENT_NAME = Pattern.compile("^[A-Za-z0-9._-]+$");
    private static final List<String> COMPONENT_KINDS = List.of("schemas", "parameters", "responses", "securitySchemes", "examples");

    static List<String> workspaces() {
        return EmittedDocuments.WORKSPACES;
    }

    @ParameterizedTest
    @MethodSource("workspaces")
    void emittingTwiceGivesTheSameBytesAndBothFilesCarryTheHeader(String name) {
        EmittedDocuments emitted = EmittedDocuments.of(name);
        List<GeneratedFile> again = new OpenApiEmitter().emit(emitted.workspace(), new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE));
        assertEquals(emitted.files(), again);
        assertEquals(List.of("crm-schema/" + name + "/openapi-core.json", "crm-schema/" + name + "/openapi-metadata.json"),
                again.stream().map(GeneratedFile::path).toList());
        assertTrue(again.stream().allMatch(f -> f.kind() == GeneratedFile.Kind.RESOURCE));
        for (JsonNode document : List.of(emitted.coreTree(), emitted.metadataTree())) {
            assertEquals(Headers.GENERATED, document.path("x-generated-by").asText());
        }
    }

    @Test
    void theEmitterIsRegisteredForTheOpenApiArtifact() {
        assertEquals(1, Emitters.all().stream().filter(e -> e.artifact() == Artifact.OPENAPI)
                .filter(OpenApiEmitter.class::isInstance).count());
    }

    @ParameterizedTest
    @MethodSource("workspaces")
    void everyComponentNameIsSafe(String name) {
        EmittedDocuments emitted = EmittedDocuments.of(name);
        List<String> unsafe = new ArrayList<>();
        for (JsonNode document : List.of(emitted.coreTree(), emitted.metadataTree())) {
            for (String kind : COMPONENT_KINDS) {
                document.path("components").path(kind).fieldNames().forEachRemaining(component -> {
                    if (!COMPONENT_NAME.matcher(component).matches()) {
                        unsafe.add(kind + "/" + component);
                    }
                });
            }
        }
        assertEquals(List.of(), unsafe);
    }

    @ParameterizedTest
    @MethodSource("workspaces")
    void everyExampleMatchesItsSchema(String name) {
        EmittedDocuments emitted = EmittedDocuments.of(name);
        for (JsonNode document : List.of(emitted.coreTree(), emitted.metadataTree())) {
            ExampleChecker checker = new ExampleChecker(document);
            assertEquals(List.of(), checker.checkAll());
            assertTrue(checker.examplesChecked() > 10, "examples checked: " + checker.examplesChecked());
        }
    }

    @ParameterizedTest
    @MethodSource("workspaces")
    void everyObjectHasItsRoutesWithTheirOperationIds(String name) {
        EmittedDocuments emitted = EmittedDocuments.of(name);
        JsonNode paths = emitted.coreTree().path("paths");
        Set<String> operationIds = new HashSet<>();
        for (ObjectType object : emitted.workspace().objects()) {
            String plural = "/" + object.namePlural();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put(plural + " get", Names.findManyOperation(object));
            expected.put(plural + " post", Names.createOneOperation(object));
            expected.put(plural + " patch", Names.updateManyOperation(object));
            expected.put(plural + " delete", Names.deleteManyOperation(object));
            expected.put("/batch/" + object.namePlural() + " post", Names.createManyOperation(object));
            expected.put(plural + "/{id} get", Names.findOneOperation(object));
            expected.put(plural + "/{id} patch", Names.updateOneOperation(object));
            expected.put(plural + "/{id} delete", Names.deleteOneOperation(object));
            expected.put(plural + "/{id}/restore patch", Names.restoreOneOperation(object));
            expected.put(plural + "/restore patch", Names.restoreManyOperation(object));
            expected.put(plural + "/duplicates post", Names.findDuplicatesOperation(object));
            expected.put(plural + "/groupBy get", Names.groupByOperation(object));
            expected.put(plural + "/merge patch", Names.mergeOperation(object));
            expected.forEach((route, operationId) -> {
                String[] parts = route.split(" ");
                JsonNode operation = paths.path(parts[0]).path(parts[1]);
                assertEquals(operationId, operation.path("operationId").asText(), route);
                assertEquals(object.namePlural(), operation.path("tags").path(0).asText(), route);
                assertTrue(operationIds.add(operationId), "duplicate operationId " + operationId);
            });
        }
        assertEquals(emitted.workspace().objects().size() * 8, paths.size());
    }

    @Test
    void operationIdsFollowTheReferenceNaming() {
        JsonNode paths = EmittedDocuments.of("standard").coreTree().path("paths");
        assertEquals("findManyCompanies", paths.at("/~1companies/get/operationId").asText());
        assertEquals("createOneCompany", paths.at("/~1companies/post/operationId").asText());
        assertEquals("createManyCompanies", paths.at("/~1batch~1companies/post/operationId").asText());
        assertEquals("findOneCompany", paths.at("/~1companies~1{id}/get/operationId").asText());
        assertEquals("updateOneCompany", paths.at("/~1companies~1{id}/patch/operationId").asText());
        assertEquals("updateManyCompanies", paths.at("/~1companies/patch/operationId").asText());
        assertEquals("deleteOneCompany", paths.at("/~1companies~1{id}/delete/operationId").asText());
        assertEquals("deleteManyCompanies", paths.at("/~1companies/delete/operationId").asText());
        assertEquals("restoreOneCompany", paths.at("/~1companies~1{id}~1restore/patch/operationId").asText());
        assertEquals("restoreManyCompanies", paths.at("/~1companies~1restore/patch/operationId").asText());
        assertEquals("findCompanyDuplicates", paths.at("/~1companies~1duplicates/post/operationId").asText());
        assertEquals("findManyPeople", paths.at("/~1people/get/operationId").asText());
    }

    @Test
    void responseBodiesHaveTheShapesOfTheContract() {
        JsonNode paths = EmittedDocuments.of("standard").coreTree().path("paths");
        String company = "#/components/schemas/Company";
        assertEquals(company, body(paths, "/companies get 200", "/properties/data/properties/companies/items/$ref"));
        assertEquals("#/components/schemas/PageInfo", body(paths, "/companies get 200", "/properties/pageInfo/$ref"));
        assertEquals("integer", body(paths, "/companies get 200", "/properties/totalCount/type"));
        assertEquals(company, body(paths, "/companies/{id} get 200", "/properties/data/properties/company/$ref"));
        assertEquals(company, body(paths, "/companies post 201", "/properties/data/properties/createCompany/$ref"));
        assertEquals(company, body(paths, "/batch/companies post 201", "/properties/data/properties/createCompanies/items/$ref"));
        assertEquals(company, body(paths, "/companies/{id} patch 200", "/properties/data/properties/updateCompany/$ref"));
        assertEquals(company, body(paths, "/companies patch 200", "/properties/data/properties/updateCompanies/items/$ref"));
        assertEquals("uuid", body(paths, "/companies/{id} delete 200", "/properties/data/properties/deleteCompany/properties/id/format"));
        assertEquals("uuid", body(paths, "/companies delete 200", "/properties/data/properties/deleteCompanies/items/properties/id/format"));
        assertEquals(company, body(paths, "/companies/{id}/restore patch 200", "/properties/data/properties/restoreCompany/$ref"));
        assertEquals(company, body(paths, "/companies/restore patch 200", "/properties/data/properties/restoreCompanies/items/$ref"));
        assertEquals(company, body(paths, "/companies/duplicates post 200", "/properties/data/items/properties/companyDuplicates/items/$ref"));
        JsonNode batch = paths.path("/batch/companies").path("post").path("requestBody").at("/content/application~1json/schema");
        assertEquals("#/components/schemas/CompanyForCreate", batch.at("/items/$ref").asText());
        assertEquals(60, batch.path("maxItems").asInt());
        assertEquals("#/components/responses/NotFound", paths.at("/~1companies~1{id}/get/responses/404/$ref").asText());
        assertTrue(paths.at("/~1companies/get/responses/404").isMissingNode());
        assertTrue(paths.at("/~1companies/delete/parameters").toString().contains("#/components/parameters/bulkFilter"));
    }

    /** A node of a success body schema: {@code route} is "path method status", {@code pointer} starts in the schema. */
    private static String body(JsonNode paths, String route, String pointer) {
        String[] parts = route.split(" ");
        JsonNode response = paths.path(parts[0]).path(parts[1]).path("responses").path(parts[2]);
        return response.at("/content/application~1json/schema" + pointer).asText();
    }

    @Test
    void fieldsHaveTheJsonFormsOfTheirTypes() {
        JsonNode pet = EmittedDocuments.of("showcase").coreTree().at("/components/schemas/Pet/properties");
        assertEquals("[\"string\",\"null\"]", pet.at("/externalId/type").toString());
        assertEquals("uuid", pet.at("/externalId/format").asText());
        assertEquals("integer", pet.at("/vaccinationCount/type/0").asText());
        assertEquals("number", pet.at("/weightKg/type/0").asText());
        assertEquals("number", pet.at("/adoptionFee/type/0").asText());
        assertEquals("\"boolean\"", pet.at("/isAdopted/type").toString());
        assertEquals("date-time", pet.at("/arrivedAt/format").asText());
        assertEquals("date", pet.at("/birthday/format").asText());
        assertEquals("number", pet.at("/kennelOrder/type/0").asText());
        assertFalse(pet.at("/traits").has("type"), "RAW_JSON takes any JSON value");
        assertEquals("string", pet.at("/tags/items/type").asText());
        assertEquals("#/components/schemas/RichTextV2", pet.at("/bio/$ref").asText());
        assertEquals("[\"DOG\",\"CAT\",\"BIRD\",\"RABBIT\"]", pet.at("/species/enum").toString());
        assertEquals("[\"BLACK\",\"WHITE\",\"BROWN\",\"GINGER\"]", pet.at("/colors/items/enum").toString());
        assertEquals("[\"RATING_1\",\"RATING_2\",\"RATING_3\",\"RATING_4\",\"RATING_5\",null]", pet.at("/friendliness/enum").toString());
        assertEquals("#/components/schemas/Currency", pet.at("/monthlyCost/$ref").asText());
        assertEquals("Monthly cost", pet.at("/monthlyCost/title").asText());
        assertTrue(pet.at("/medicalVector/readOnly").asBoolean());
        assertEquals("uuid", pet.at("/shelterId/format").asText());
        assertEquals("#/components/schemas/Shelter", pet.at("/shelter/$ref").asText());
        assertEquals("#/components/schemas/Person", pet.at("/adopter/oneOf/0/$ref").asText());
        assertEquals("#/components/schemas/Visit", pet.at("/visits/items/$ref").asText());
        assertEquals("Id in the previous shelter's system", pet.at("/externalId/description").asText());

        JsonNode schemas = EmittedDocuments.of("showcase").coreTree().at("/components/schemas");
        assertEquals("[\"amountMicros\",\"currencyCode\"]", fieldNames(schemas.at("/Currency/properties")));
        assertEquals("array", schemas.at("/Emails/properties/additionalEmails/type/0").asText());
        assertEquals("[\"url\",\"label\"]", fieldNames(schemas.at("/Links/properties/secondaryLinks/items/properties")));
        assertTrue(schemas.at("/Actor/properties/source/enum").toString().contains("\"API\""));
        assertTrue(schemas.at("/Actor/properties/name/readOnly").asBoolean());
        assertEquals("[\"blocknote\",\"markdown\"]", fieldNames(schemas.at("/RichTextV2/properties")));
    }

    @Test
    void inputsHoldWritableFieldsAndCreationRequiresWhatHasNoDefault() {
        JsonNode schemas = EmittedDocuments.of("showcase").coreTree().at("/components/schemas");
        assertEquals("[\"shelterId\"]", schemas.at("/PetForCreate/required").toString());
        assertEquals("[\"petId\"]", schemas.at("/VisitForCreate/required").toString());
        assertTrue(schemas.at("/PetForCreate/properties/species/default").asText().equals("DOG"));
        for (String input : List.of("PetForCreate", "PetForUpdate")) {
            JsonNode properties = schemas.at("/" + input + "/properties");
            assertTrue(properties.has("shelterId") && properties.has("name") && properties.has("createdBy"), input);
            assertFalse(properties.has("shelter") || properties.has("visits") || properties.has("medicalVector")
                    || properties.has("searchVector"), input);
        }
        assertTrue(schemas.at("/PetForCreate/properties").has("id"));
        assertFalse(schemas.at("/PetForUpdate/properties").has("id"));
        assertTrue(schemas.at("/PetForUpdate/required").isMissingNode());
        assertEquals("[\"id\"]", schemas.at("/Pet/required").toString());
    }

    @Test
    void theGuideDocumentsAuthFiltersOrderingPagingDepthAndLimits() {
        JsonNode core = EmittedDocuments.of("standard").coreTree();
        String guide = core.at("/info/description").asText();
        for (String comparator : RestContract.COMPARATORS) {
            assertTrue(guide.contains("| `" + comparator + "` |"), comparator);
        }
        for (String direction : RestContract.ORDER_DIRECTIONS) {
            assertTrue(guide.contains(direction), direction);
        }
        for (String fact : List.of("Authorization: Bearer", "60 by default, at most 200", "`depth=1`", "at most 60 records per request",
                "and(...)", "or(...)", "not(...)", "`/companies`")) {
            assertTrue(guide.contains(fact), fact);
        }
        assertEquals("Standard CRM REST API", core.at("/info/title").asText());
        assertEquals("/rest", core.at("/servers/0/url").asText());
        assertEquals("bearer", core.at("/components/securitySchemes/bearerAuth/scheme").asText());
        assertTrue(core.at("/security/0").has("bearerAuth"));
        assertEquals("order_by", core.at("/components/parameters/orderBy/name").asText());
        assertEquals(200, core.at("/components/parameters/limit/schema/maximum").asInt());
        assertEquals("[0,1]", core.at("/components/parameters/depth/schema/enum").toString());
        assertEquals("[\"statusCode\",\"error\",\"messages\"]", core.at("/components/schemas/Error/required").toString());
    }

    @Test
    void theMetadataDocumentUsesTheNewFormat() {
        JsonNode metadata = EmittedDocuments.of("showcase").metadataTree();
        assertEquals("/rest/metadata", metadata.at("/servers/0/url").asText());
        assertEquals("[\"/objects\",\"/objects/{idOrName}\",\"/fields\",\"/fields/{id}\",\"/picklists\",\"/export\",\"/import\","
                + "\"/apiKeys\",\"/apiKeys/{id}\",\"/apiKeys/{id}/regenerate\",\"/apiKeys/{id}/revoke\",\"/roles\",\"/roles/{id}\"]",
                fieldNames(metadata.path("paths")));
        String json = "/content/application~1json/schema/$ref";
        assertEquals("#/components/schemas/ObjectList", metadata.at("/paths/~1objects/get/responses/200" + json).asText());
        assertEquals("#/components/schemas/Object", metadata.at("/paths/~1objects/post/responses/201" + json).asText());
        assertEquals("#/components/schemas/Object", metadata.at("/paths/~1objects~1{idOrName}/delete/responses/200" + json).asText());
        assertEquals("#/components/schemas/Field", metadata.at("/paths/~1fields~1{id}/patch/responses/200" + json).asText());
        assertEquals("#/components/schemas/CreateFieldInput", metadata.at("/paths/~1fields/post/requestBody" + json).asText());
        assertEquals("[\"data\",\"pageInfo\",\"totalCount\"]", metadata.at("/components/schemas/FieldList/required").toString());
        assertEquals(List.of(dev.crmschema.compiler.model.FieldKind.values()).stream().map(Enum::name).toList(),
                textList(metadata.at("/components/schemas/FieldMetadataType/enum")));
        assertEquals("pet", metadata.at("/components/examples/Object/value/nameSingular").asText());
        JsonNode picklists = metadata.at("/paths/~1picklists/get/responses/200/content/application~1json/examples/example/value/data");
        assertTrue(picklists.toString().contains("\"fieldName\":\"species\""));
        assertTrue(picklists.toString().contains("\"value\":\"RABBIT\""));
        assertTrue(metadata.at("/info/description").asText().contains("new format"));
    }

    @Test
    void theMetadataDocumentDescribesKeysAndRoles() {
        JsonNode metadata = EmittedDocuments.of("showcase").metadataTree();
        String json = "/content/application~1json/schema/$ref";
        assertEquals("#/components/schemas/ApiKeyList", metadata.at("/paths/~1apiKeys/get/responses/200" + json).asText());
        assertEquals("#/components/schemas/ApiKeyWithToken", metadata.at("/paths/~1apiKeys/post/responses/201" + json).asText());
        assertEquals("#/components/schemas/CreateApiKeyInput", metadata.at("/paths/~1apiKeys/post/requestBody" + json).asText());
        assertEquals("#/components/schemas/ApiKeyWithToken",
                metadata.at("/paths/~1apiKeys~1{id}~1regenerate/post/responses/200" + json).asText());
        assertFalse(metadata.at("/components/schemas/ApiKey/properties").has("token"), "a listed key never has a secret");
        assertEquals("#/components/schemas/Role", metadata.at("/paths/~1roles~1{id}/patch/responses/200" + json).asText());
        assertEquals("#/components/schemas/RoleInput", metadata.at("/paths/~1roles/post/requestBody" + json).asText());
        assertEquals("\"User does not have permission\"",
                metadata.at("/components/responses/Forbidden/content/application~1json/examples/error/value/messages/0").toString());
        JsonNode role = metadata.at("/paths/~1roles/post/responses/201/content/application~1json/examples/example/value");
        assertEquals(metadata.at("/components/examples/Object/value/id").asText(), role.at("/objectPermissions/0/objectMetadataId").asText(),
                "the role example refers to the document's sample object");
        assertTrue(textList(metadata.at("/components/schemas/PermissionFlag/enum")).containsAll(
                List.of("DATA_MODEL", "API_KEYS_AND_WEBHOOKS", "ROLES")));
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().map(n -> "\"" + n + "\"").toList().toString().replace(" ", "");
    }

    private static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
