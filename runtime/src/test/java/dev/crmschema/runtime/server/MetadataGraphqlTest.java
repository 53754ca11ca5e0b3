package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Graphql.map;
import static dev.crmschema.runtime.server.Graphql.nodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GraphQL metadata API at {@code POST /metadata} over HTTP: the reference's type names and argument
 * defaults, connections with filters and paging, every property of objects and fields, mutations that
 * change the model live (the new object and field are served by REST and GraphQL at once), and errors
 * in the GraphQL envelope.
 */
class MetadataGraphqlTest {
    private static final String FIELD_PROPERTIES = """
            id universalIdentifier type name label description icon isCustom isActive isSystem isUIEditable isUIReadOnly isNullable isUnique
            defaultValue options settings objectMetadataId isLabelSyncedWithName morphId applicationId createdAt updatedAt
            relation { type sourceObjectMetadata { id nameSingular namePlural } targetObjectMetadata { id nameSingular namePlural }
                       sourceFieldMetadata { id name } targetFieldMetadata { id name } }
            morphRelations { type targetObjectMetadata { id } }""";
    private static final String OBJECT_PROPERTIES = """
            id universalIdentifier dataSourceId nameSingular namePlural labelSingular labelPlural description icon shortcut color isCustom
            isActive isSystem isRemote isUIEditable isUICreatable isUIReadOnly isSearchable isLabelSyncedWithName applicationId
            labelIdentifierFieldMetadataId imageIdentifierFieldMetadataId duplicateCriteria createdAt updatedAt
            indexMetadatas(paging: {first: 100}) { totalCount edges { node { id name isCustom isUnique indexWhereClause indexType
              objectMetadataId createdAt updatedAt indexFieldMetadatas { totalCount edges { node { id fieldMetadataId order createdAt updatedAt } } } } } }""";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestServer.Reply post(String key, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return server.send(key, "POST", "/metadata", body);
    }

    private static JsonNode graphql(String query, Map<String, Object> variables) {
        TestServer.Reply reply = post(server.acmeKey, query, variables);
        assertEquals(200, reply.status(), reply.raw().body());
        return reply.body();
    }

    private static JsonNode data(String query, Map<String, Object> variables) {
        return data(query, variables, server.acmeKey);
    }

    private static JsonNode data(String query, Map<String, Object> variables, String key) {
        TestServer.Reply reply = post(key, query, variables);
        assertEquals(200, reply.status(), reply.raw().body());
        assertFalse(reply.body().has("errors"), reply.raw().body());
        return reply.body().path("data");
    }

    private static JsonNode data(String query) {
        return data(query, Map.of());
    }

    /** The one error of an answer, with its code; never a stack trace or class name. */
    private static JsonNode error(String code, TestServer.Reply reply, int status) {
        return Graphql.single(reply, status, code, null, null);
    }

    private static String objectId(String namePlural) {
        for (JsonNode edge : data("{ objects(paging: {first: 1000}) { edges { node { id namePlural } } } }").path("objects").path("edges")) {
            if (edge.path("node").path("namePlural").asText().equals(namePlural)) {
                return edge.path("node").path("id").asText();
            }
        }
        throw new AssertionError("no object " + namePlural);
    }

    @Test
    void theSchemaHasTheReferencesTypeNamesAndArgumentDefaults() {
        JsonNode types = data("{ __schema { types { name } } }");
        List<String> names = new ArrayList<>();
        types.path("__schema").path("types").forEach(t -> names.add(t.path("name").asText()));
        assertTrue(names.containsAll(List.of("CursorPaging", "ObjectFilter", "FieldFilter", "UUIDFilterComparison", "ObjectConnection",
                "FieldConnection", "CreateOneObjectInput", "UpdateOneObjectInput", "DeleteOneObjectInput", "CreateOneFieldMetadataInput",
                "UpdateOneFieldMetadataInput", "DeleteOneFieldInput", "FieldMetadataType", "Object", "Field")), names.toString());

        JsonNode query = data("""
                { __type(name: "Query") { fields { name args { name defaultValue type { kind ofType { name } } } } } }""");
        Map<String, String> arguments = new LinkedHashMap<>();
        query.path("__type").path("fields").forEach(f -> f.path("args").forEach(a -> arguments.put(f.path("name").asText() + "."
                + a.path("name").asText(), (a.path("type").path("ofType").path("name").asText() + "=" + a.path("defaultValue").asText()).replaceAll("\\s", ""))));
        assertEquals("CursorPaging={first:10}", arguments.get("objects.paging"));
        assertEquals("ObjectFilter={}", arguments.get("objects.filter"));
        assertEquals("CursorPaging={first:10}", arguments.get("fields.paging"));
        assertEquals("FieldFilter={}", arguments.get("fields.filter"));
        JsonNode objectFields = data("{ __type(name: \"Object\") { fields { name args { name defaultValue } } } }");
        for (JsonNode field : objectFields.path("__type").path("fields")) {
            if (field.path("name").asText().equals("fields")) {
                assertEquals("[{\"name\":\"paging\",\"defaultValue\":\"{first:10}\"},{\"name\":\"filter\",\"defaultValue\":\"{}\"}]",
                        field.path("args").toString().replaceAll("\\s", ""));
            }
        }
        JsonNode kinds = data("{ __type(name: \"FieldMetadataType\") { enumValues { name } } }");
        assertTrue(kinds.toString().contains("\"RELATION\"") && kinds.toString().contains("\"MULTI_SELECT\""), kinds.toString());
        assertEquals(List.of("createOneObject", "updateOneObject", "deleteOneObject", "createOneField", "updateOneField", "deleteOneField",
                "createApiKey", "updateApiKey", "revokeApiKey", "assignRoleToApiKey", "generateApiKeyToken"),
                nodesOf(data("{ __type(name: \"Mutation\") { fields { name } } }").path("__type").path("fields")));
    }

    private static List<String> nodesOf(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }

    @Test
    void objectsAreAConnectionWithFilterAndPaging() {
        JsonNode objects = data("""
                query { objects(paging: {first: 2}, filter: {isCustom: {is: false}}) {
                  edges { cursor node { id nameSingular isActive fields(paging: {first: 1000}) { totalCount edges { node { name type } } } } }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }""").path("objects");
        assertEquals(2, objects.path("edges").size());
        assertTrue(objects.path("totalCount").asInt() >= 8);
        assertTrue(objects.path("pageInfo").path("hasNextPage").asBoolean());
        assertFalse(objects.path("pageInfo").path("hasPreviousPage").asBoolean());
        JsonNode first = objects.path("edges").get(0);
        assertEquals(first.path("node").path("id"), first.path("cursor"));
        assertEquals(first.path("cursor"), objects.path("pageInfo").path("startCursor"));
        assertTrue(first.path("node").path("fields").path("totalCount").asInt() > 5);

        JsonNode next = data("query($after: String) { objects(paging: {first: 1, after: $after}) { edges { node { nameSingular } } "
                + "pageInfo { hasPreviousPage } } }", Map.of("after", objects.path("pageInfo").path("endCursor").asText())).path("objects");
        assertEquals(1, next.path("edges").size());
        assertTrue(next.path("pageInfo").path("hasPreviousPage").asBoolean());
        JsonNode before = data("query($before: String) { objects(paging: {last: 5, before: $before}) { edges { node { id } } } }",
                Map.of("before", objects.path("pageInfo").path("endCursor").asText())).path("objects");
        assertEquals(List.of(first.path("node").path("id").asText()), nodes(before, "id"), "only the first object comes before the second");

        String id = first.path("node").path("id").asText();
        JsonNode byId = data("query($id: UUID!) { objects(filter: {id: {in: [$id]}}) { totalCount edges { node { id } } } }",
                Map.of("id", id)).path("objects");
        assertEquals(List.of(id), nodes(byId, "id"));
        JsonNode either = data("query($id: UUID!) { objects(filter: {or: [{id: {eq: $id}}, {isCustom: {is: true}}]}) { totalCount } }",
                Map.of("id", id)).path("objects");
        assertEquals(1, either.path("totalCount").asInt(), "acme has no custom objects yet, so only the one with the id matches");

        JsonNode one = data("query($id: UUID!) { object(id: $id) { nameSingular fields { totalCount edges { node { id } } } } }",
                Map.of("id", id)).path("object");
        assertEquals(first.path("node").path("nameSingular"), one.path("nameSingular"));
        assertEquals(10, one.path("fields").path("edges").size(), "fields come in pages of 10 by default");
        assertTrue(one.path("fields").path("totalCount").asInt() > 10);

        JsonNode customFields = data("{ fields(paging: {first: 1000}, filter: {isCustom: {is: false}, isSystem: {is: true}}) "
                + "{ totalCount edges { node { isCustom isSystem object { nameSingular } } } } }").path("fields");
        assertTrue(customFields.path("totalCount").asInt() > 8);
        customFields.path("edges").forEach(e -> assertTrue(e.path("node").path("isSystem").asBoolean()
                && !e.path("node").path("isCustom").asBoolean() && !e.path("node").path("object").path("nameSingular").asText().isEmpty()));

        error("NOT_FOUND", post(server.acmeKey, "{ object(id: \"00000000-0000-0000-0000-000000000000\") { id } }", Map.of()), 200);
        error("BAD_USER_INPUT", post(server.acmeKey, "{ objects(paging: {after: \"00000000-0000-0000-0000-000000000000\"}) { totalCount } }",
                Map.of()), 200);
    }

    @Test
    void everyPropertyOfEveryObjectAndFieldResolves() {
        // shelter has every field type, relations both ways, options and defaults.
        TestServer.Reply reply = post(server.shelterKey, "{ objects(paging: {first: 1000}) { totalCount edges { node { " + OBJECT_PROPERTIES
                + " fields(paging: {first: 1000}) { totalCount edges { node { " + FIELD_PROPERTIES + " } } } } } } }", Map.of());
        assertEquals(200, reply.status(), reply.raw().body());
        assertFalse(reply.body().has("errors"), reply.raw().body());
        JsonNode objects = reply.body().path("data").path("objects");
        JsonNode pet = null;
        for (JsonNode edge : objects.path("edges")) {
            if (edge.path("node").path("nameSingular").asText().equals("pet")) {
                pet = edge.path("node");
            }
        }
        assertTrue(pet != null, objects.toString());
        JsonNode rest = server.get(server.shelterKey, "/rest/metadata/objects/pets").body();
        assertEquals(rest.path("id"), pet.path("id"));
        assertEquals(rest.path("fields").size(), pet.path("fields").path("totalCount").asInt());
        boolean relation = false;
        boolean options = false;
        for (JsonNode edge : pet.path("fields").path("edges")) {
            JsonNode field = edge.path("node");
            relation |= field.path("type").asText().equals("RELATION") && field.path("relation").path("targetObjectMetadata").has("id");
            options |= field.path("type").asText().equals("SELECT") && field.path("options").size() > 1;
            assertTrue(field.path("morphRelations").isNull(), field.toString());
        }
        assertTrue(relation && options, pet.toString());
    }

    /** The query Twenty's web app sends first, as it writes it (twenty-front, object-metadata/graphql/queries.ts). */
    private static final String TWENTY_OBJECT_METADATA_ITEMS = """
            query ObjectMetadataItems {
              objects(paging: { first: 1000 }) {
                edges {
                  node {
                    id dataSourceId nameSingular namePlural labelSingular labelPlural description icon isCustom isRemote isActive
                    isSystem createdAt updatedAt labelIdentifierFieldMetadataId imageIdentifierFieldMetadataId shortcut
                    isLabelSyncedWithName isSearchable duplicateCriteria
                    indexMetadatas(paging: { first: 100 }) {
                      edges {
                        node {
                          id createdAt updatedAt name indexWhereClause indexType isUnique
                          indexFieldMetadatas(paging: { first: 100 }) {
                            edges { node { id createdAt updatedAt order fieldMetadataId } }
                          }
                        }
                      }
                    }
                    fieldsList {
                      id type name label description icon isCustom isActive isSystem isNullable isUnique createdAt updatedAt
                      defaultValue options settings isLabelSyncedWithName
                    }
                  }
                }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    @Test
    void twentysOwnMetadataQueryListsEveryIndexOfTheDatabase() {
        TestServer.Reply reply = post(server.shelterKey, TWENTY_OBJECT_METADATA_ITEMS, Map.of());
        assertEquals(200, reply.status(), reply.raw().body());
        assertFalse(reply.body().has("errors"), reply.raw().body());
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        reply.body().path("data").path("objects").path("edges").forEach(e -> objects.put(e.path("node").path("nameSingular").asText(), e.path("node")));
        JsonNode pet = objects.get("pet");
        Map<String, String> petFields = new LinkedHashMap<>();
        pet.path("fieldsList").forEach(f -> petFields.put(f.path("name").asText(), f.path("id").asText()));
        assertEquals(server.get(server.shelterKey, "/rest/metadata/objects/pet").body().path("fields").size(), petFields.size());

        String schema = server.shelter.schemaName();
        for (JsonNode object : objects.values()) {
            List<String> names = new ArrayList<>();
            object.path("indexMetadatas").path("edges").forEach(e -> names.add(e.path("node").path("name").asText()));
            String table = server.database.dsl().fetchOne("SELECT tablename FROM pg_indexes WHERE schemaname = ? AND indexname = ?",
                    schema, names.get(0)).get(0, String.class);
            List<String> inDatabase = server.database.dsl().fetch("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    + "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                    + "WHERE n.nspname = ? AND t.relname = ? AND NOT i.indisprimary", schema, table).getValues(0, String.class);
            assertEquals(inDatabase.stream().sorted().toList(), names.stream().sorted().toList(), object.path("nameSingular").asText());
        }

        JsonNode declared = indexOver(pet, List.of(petFields.get("species"), petFields.get("nickname")));
        assertEquals("BTREE", declared.path("indexType").asText());
        assertFalse(declared.path("isUnique").asBoolean());
        assertTrue(declared.path("indexWhereClause").isNull());
        assertEquals(List.of(0.0, 1.0), orders(declared));
        JsonNode company = objects.get("company");
        String address = null;
        String domain = null;
        for (JsonNode field : company.path("fieldsList")) {
            address = field.path("name").asText().equals("address") ? field.path("id").asText() : address;
            domain = field.path("name").asText().equals("domainName") ? field.path("id").asText() : domain;
        }
        assertEquals(1, indexOver(company, List.of(address)).path("indexFieldMetadatas").path("edges").size(), "a sub-field is its field");
        JsonNode unique = indexOver(company, List.of(domain));
        assertTrue(unique.path("isUnique").asBoolean());
        assertEquals("\"deletedAt\" IS NULL", unique.path("indexWhereClause").asText());
        assertTrue(company.path("createdAt").asText().endsWith("Z"));

        JsonNode custom = data("""
                query($id: UUID!, $species: UUID!) { object(id: $id) {
                  indexMetadatas(paging: {first: 100}, filter: {isCustom: {is: true}}) { totalCount edges { node { isCustom objectMetadataId
                    indexFieldMetadatas(filter: {fieldMetadataId: {eq: $species}}) { totalCount edges { node { order } } } } } } } }""",
                Map.of("id", pet.path("id").asText(), "species", petFields.get("species")), server.shelterKey).path("object");
        assertEquals(2, custom.path("indexMetadatas").path("totalCount").asInt(), "pet declares two indexes");
        for (JsonNode edge : custom.path("indexMetadatas").path("edges")) {
            assertTrue(edge.path("node").path("isCustom").asBoolean());
            assertEquals(pet.path("id").asText(), edge.path("node").path("objectMetadataId").asText());
        }
        assertEquals(1, custom.path("indexMetadatas").path("edges").get(0).path("node").path("indexFieldMetadatas").path("totalCount").asInt()
                + custom.path("indexMetadatas").path("edges").get(1).path("node").path("indexFieldMetadatas").path("totalCount").asInt(),
                "species is in one of them");
    }

    /** The index of an object that covers exactly these fields, in this order. */
    private static JsonNode indexOver(JsonNode object, List<String> fieldIds) {
        for (JsonNode edge : object.path("indexMetadatas").path("edges")) {
            List<String> covered = new ArrayList<>();
            edge.path("node").path("indexFieldMetadatas").path("edges").forEach(e -> covered.add(e.path("node").path("fieldMetadataId").asText()));
            if (covered.equals(fieldIds)) {
                return edge.path("node");
            }
        }
        throw new AssertionError("no index over " + fieldIds + " in " + object.path("indexMetadatas"));
    }

    private static List<Double> orders(JsonNode index) {
        List<Double> orders = new ArrayList<>();
        index.path("indexFieldMetadatas").path("edges").forEach(e -> orders.add(e.path("node").path("order").asDouble()));
        return orders;
    }

    @Test
    void mutationsChangeTheModelLiveAndTheNewPartsAreServedAtOnce() {
        JsonNode created = data("""
                mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id nameSingular isCustom } }""",
                Map.of("input", Map.of("object", Map.of("nameSingular", "comet", "namePlural", "comets",
                        "labelSingular", "Comet", "labelPlural", "Comets")))).path("createOneObject");
        assertTrue(created.path("isCustom").asBoolean());
        String cometId = created.path("id").asText();
        assertEquals(201, server.send(server.acmeKey, "POST", "/rest/comets", Map.of("name", "Halley")).status());

        JsonNode field = data("""
                mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id name type object { nameSingular } } }""",
                Map.of("input", Map.of("field", Map.of("objectMetadataId", cometId, "type", "NUMBER",
                        "name", "period", "label", "Period")))).path("createOneField");
        assertEquals("comet", field.path("object").path("nameSingular").asText());
        String periodId = field.path("id").asText();
        // The new field, right after its creation: written through REST, read and written through GraphQL.
        TestServer.Reply encke = server.send(server.acmeKey, "POST", "/rest/comets", Map.of("name", "Encke", "period", 3.3));
        assertEquals(201, encke.status(), encke.raw().body());
        Graphql core = new Graphql(server, server.acmeKey);
        core.data("mutation { createComet(data: {name: \"Tempel\", period: 5.5}) { id } }");
        JsonNode comets = core.data("{ comets(filter: {period: {gt: 1}}, orderBy: [{period: AscNullsFirst}]) { edges { node { name period } } } }");
        assertEquals(List.of("Encke", "Tempel"), nodes(comets.path("comets"), "name"));
        assertEquals(List.of("3.3", "5.5"), nodes(comets.path("comets"), "period"));

        JsonNode renamed = data("mutation($id: UUID!) { updateOneField(input: {id: $id, update: {name: \"orbitYears\", label: \"Orbit\"}}) "
                + "{ id name label } }", Map.of("id", periodId)).path("updateOneField");
        assertEquals(map("id", periodId, "name", "orbitYears", "label", "Orbit").toString(),
                map("id", renamed.path("id").asText(), "name", renamed.path("name").asText(), "label", renamed.path("label").asText()).toString());
        assertEquals(List.of("Encke", "Tempel"), nodes(core.data("{ comets(filter: {orbitYears: {gt: 1}}, orderBy: [{orbitYears: AscNullsFirst}]) { edges { node { name } } } }")
                .path("comets"), "name"), "the renamed field keeps its data");

        JsonNode refused = graphql("""
                mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }""",
                Map.of("input", Map.of("field", Map.of("objectMetadataId", cometId, "type", "TEXT", "name", "Bad name", "label", "Bad"))));
        JsonNode diagnostic = refused.path("errors").get(0);
        assertEquals("BAD_USER_INPUT", diagnostic.path("extensions").path("code").asText(), refused.toString());
        assertTrue(diagnostic.path("message").asText().contains("CRM209"), refused.toString());
        assertTrue(refused.path("data").isNull(), refused.toString());

        JsonNode activeField = graphql("mutation($id: UUID!) { deleteOneField(input: {id: $id}) { id } }", Map.of("id", periodId));
        assertTrue(activeField.path("errors").get(0).path("message").asText().contains("deactivate"), activeField.toString());
        data("mutation($id: UUID!) { updateOneField(input: {id: $id, update: {isActive: false}}) { isActive } }", Map.of("id", periodId));
        assertEquals("orbitYears", data("mutation($id: UUID!) { deleteOneField(input: {id: $id}) { name } }", Map.of("id", periodId))
                .path("deleteOneField").path("name").asText());
        assertEquals(400, server.get(server.acmeKey, "/rest/comets?filter=orbitYears%5Bgt%5D%3A1").status());

        JsonNode active = graphql("mutation($id: UUID!) { deleteOneObject(input: {id: $id}) { id } }", Map.of("id", cometId));
        assertTrue(active.path("errors").get(0).path("message").asText().contains("deactivate"), active.toString());
        data("mutation($id: UUID!) { updateOneObject(input: {id: $id, update: {isActive: false}}) { isActive } }", Map.of("id", cometId));
        JsonNode deleted = data("mutation($id: UUID!) { deleteOneObject(input: {id: $id}) { nameSingular } }", Map.of("id", cometId));
        assertEquals("comet", deleted.path("deleteOneObject").path("nameSingular").asText());
        assertEquals(400, server.get(server.acmeKey, "/rest/comets").status());
        assertEquals(0, data("{ objects(filter: {isCustom: {is: true}}) { totalCount } }").path("objects").path("totalCount").asInt());
    }

    @Test
    void refusalsOfTheRestApiAreRefusalsHereToo() {
        String companies = objectId("companies");
        JsonNode standard = error("BAD_USER_INPUT", post(server.acmeKey, "mutation($id: UUID!) { updateOneObject(input: {id: $id, "
                + "update: {labelPlural: \"Firms\"}}) { id } }", Map.of("id", companies)), 200);
        assertTrue(standard.path("message").asText().contains("standard object"), standard.toString());
        error("NOT_FOUND", post(server.acmeKey, "mutation { deleteOneField(input: {id: \"00000000-0000-0000-0000-000000000001\"}) { id } }",
                Map.of()), 200);
        assertEquals("Companies", server.get(server.acmeKey, "/rest/metadata/objects/companies").body().path("labelPlural").asText());
    }

    @Test
    void errorsUseTheGraphqlEnvelopeWithACode() {
        error("GRAPHQL_PARSE_FAILED", post(server.acmeKey, "{ objects { ", Map.of()), 200);
        error("GRAPHQL_VALIDATION_FAILED", post(server.acmeKey, "{ objects { nope } }", Map.of()), 200);
        error("GRAPHQL_VALIDATION_FAILED", post(server.acmeKey, "query($id: UUID!) { object(id: $id) { id } }", Map.of("id", "not-a-uuid")), 200);
        error("UNAUTHENTICATED", post(null, "{ objects { totalCount } }", Map.of()), 401);
        error("UNAUTHENTICATED", post("not-a-key", "{ objects { totalCount } }", Map.of()), 401);
        error("BAD_USER_INPUT", server.send(server.acmeKey, "POST", "/metadata", "{ objects { totalCount } }"), 400);
        error("BAD_USER_INPUT", server.send(server.acmeKey, "POST", "/metadata", List.of("{ objects { totalCount } }")), 400);

        StringBuilder deep = new StringBuilder("{ objects { edges { node { ");
        for (int i = 0; i < 6; i++) {
            deep.append("fields { edges { node { object { ");
        }
        deep.append("id").append(" } } } }".repeat(6)).append(" } } } }");
        JsonNode tooDeep = error("BAD_USER_INPUT", post(server.acmeKey, deep.toString(), Map.of()), 200);
        assertTrue(tooDeep.path("message").asText().contains("deep"), tooDeep.toString());
    }
}
