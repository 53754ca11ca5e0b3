package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST metadata API over HTTP against a real server and PostgreSQL: reads, live changes that the
 * core API serves at once, validation, deactivation before deletion, and export and import.
 */
class MetadataApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestServer.Reply send(String method, String path, Object body) {
        return server.send(server.acmeKey, method, path, body);
    }

    private static JsonNode ok(TestServer.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.raw().body());
        return reply.body();
    }

    private static String objectId(String name) {
        return ok(server.get(server.acmeKey, "/rest/metadata/objects/" + name), 200).path("id").asText();
    }

    private static JsonNode field(String object, String name) {
        for (JsonNode field : ok(server.get(server.acmeKey, "/rest/metadata/objects/" + object), 200).path("fields")) {
            if (field.path("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + object + "." + name);
    }

    private static JsonNode createObject(String singular, String plural) {
        return ok(send("POST", "/rest/metadata/objects", Map.of("nameSingular", singular, "namePlural", plural,
                "labelSingular", singular, "labelPlural", plural)), 201);
    }

    private static JsonNode createField(String object, Map<String, Object> definition) {
        Map<String, Object> body = new LinkedHashMap<>(definition);
        body.put("objectMetadataId", objectId(object));
        return ok(send("POST", "/rest/metadata/fields", body), 201);
    }

    private static long version() {
        return server.database.dsl().fetchOne("SELECT metadata_version FROM core.workspace WHERE id = ?", server.acme.id())
                .get(0, Long.class);
    }

    private static List<String> columns(String table) {
        return server.database.dsl().fetch("SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
                + "AND table_name = ? ORDER BY column_name", server.acme.schemaName(), table).getValues(0, String.class);
    }

    private static WorkspaceSnapshot served() {
        return server.application().registry().get(server.acme.id()).orElseThrow();
    }

    @Test
    void listsPagesAndFindsObjectsByIdOrName() {
        JsonNode all = ok(server.get(server.acmeKey, "/rest/metadata/objects"), 200);
        int total = all.path("totalCount").asInt();
        assertTrue(total >= 8, all.toString());
        JsonNode company = null;
        for (JsonNode object : all.path("data")) {
            if (object.path("nameSingular").asText().equals("company")) {
                company = object;
            }
        }
        assertTrue(company != null && company.path("fields").size() > 5 && company.path("isActive").asBoolean());
        assertFalse(company.path("isCustom").asBoolean());

        JsonNode first = ok(server.get(server.acmeKey, "/rest/metadata/objects?limit=2"), 200);
        assertEquals(2, first.path("data").size());
        assertEquals(total, first.path("totalCount").asInt());
        assertTrue(first.path("pageInfo").path("hasNextPage").asBoolean());
        assertEquals(first.path("data").get(1).path("id").asText(), first.path("pageInfo").path("endCursor").asText());
        JsonNode second = ok(server.get(server.acmeKey, "/rest/metadata/objects?limit=2&starting_after="
                + first.path("pageInfo").path("endCursor").asText()), 200);
        assertEquals(all.path("data").get(2).path("id"), second.path("data").get(0).path("id"));
        assertTrue(second.path("pageInfo").path("hasPreviousPage").asBoolean());
        JsonNode back = ok(server.get(server.acmeKey, "/rest/metadata/objects?limit=2&ending_before="
                + second.path("pageInfo").path("startCursor").asText()), 200);
        assertEquals(first.path("data"), back.path("data"));

        TestServer.Reply both = server.get(server.acmeKey, "/rest/metadata/objects?starting_after=" + company.path("id").asText()
                + "&ending_before=" + company.path("id").asText());
        assertEquals("{\"statusCode\":400,\"error\":\"BadRequestException\",\"messages\":[\"'starting_after' and 'ending_before' "
                + "cannot be used together.\"]}", both.raw().body());
        assertEquals("Invalid cursor: nope", server.get(server.acmeKey, "/rest/metadata/objects?starting_after=nope").body()
                .path("messages").get(0).asText());
        assertEquals(400, server.get(server.acmeKey, "/rest/metadata/objects?limit=1.5").status());

        String personId = objectId("person");
        assertEquals(personId, objectId("people"));
        assertEquals(personId, objectId(personId.toUpperCase()));
        assertEquals("person", ok(server.get(server.acmeKey, "/rest/metadata/objects/people"), 200).path("nameSingular").asText());
        assertEquals(404, server.get(server.acmeKey, "/rest/metadata/objects/nothing").status());
        assertEquals(401, server.get(null, "/rest/metadata/objects").status());
    }

    @Test
    void fieldsAndPicklistsHaveTheDocumentedShapes() {
        JsonNode fields = ok(server.get(server.acmeKey, "/rest/metadata/fields?limit=3"), 200);
        assertEquals(3, fields.path("data").size());
        assertTrue(fields.path("totalCount").asInt() > 50);
        JsonNode stage = field("opportunity", "stage");
        assertEquals("SELECT", stage.path("type").asText());
        assertEquals(objectId("opportunity"), stage.path("objectMetadataId").asText());
        JsonNode byId = ok(server.get(server.acmeKey, "/rest/metadata/fields/" + stage.path("id").asText()), 200);
        assertEquals(stage, byId);
        assertEquals(400, server.get(server.acmeKey, "/rest/metadata/fields/not-a-uuid").status());
        assertEquals(404, server.get(server.acmeKey, "/rest/metadata/fields/00000000-0000-0000-0000-000000000000").status());

        JsonNode company = field("person", "company");
        assertEquals("MANY_TO_ONE", company.path("relation").path("type").asText());
        assertEquals("company", company.path("relation").path("targetObjectMetadata").path("nameSingular").asText());
        assertEquals("people", company.path("relation").path("targetFieldMetadata").path("name").asText());

        JsonNode picklists = ok(server.get(server.shelterKey, "/rest/metadata/picklists"), 200);
        assertEquals(picklists.path("data").size(), picklists.path("totalCount").asInt());
        boolean species = false;
        for (JsonNode picklist : picklists.path("data")) {
            if (picklist.path("objectName").asText().equals("pet") && picklist.path("fieldName").asText().equals("species")) {
                species = true;
                assertEquals("SELECT", picklist.path("type").asText());
                assertEquals(List.of("DOG", "CAT", "BIRD", "RABBIT"), values(picklist.path("options")));
                assertEquals(36, picklist.path("options").get(0).path("id").asText().length());
            }
        }
        assertTrue(species, picklists.toString());
    }

    @Test
    void aNewObjectIsServedByTheCoreApiAtOnce() {
        long before = version();
        JsonNode gadget = createObject("gadget", "gadgets");
        assertEquals("gadget", gadget.path("nameSingular").asText());
        assertTrue(gadget.path("isCustom").asBoolean());
        List<String> fields = new ArrayList<>();
        gadget.path("fields").forEach(f -> fields.add(f.path("name").asText()));
        assertTrue(fields.containsAll(List.of("id", "name", "createdAt", "updatedAt", "deletedAt", "position", "createdBy", "searchVector")), fields.toString());
        assertEquals(before + 1, version());

        TestServer.Reply created = send("POST", "/rest/gadgets", Map.of("name", "Sprocket"));
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(1, ok(server.get(server.acmeKey, "/rest/gadgets"), 200).path("totalCount").asInt());
        assertTrue(columns("_gadget").contains("name"));
        assertTrue(server.get(server.acmeKey, "/rest/open-api/core").raw().body().contains("\"/gadgets\""));
        assertTrue(served().documents().graphqlSdl().contains("type Gadget "), "the GraphQL schema has the new type");
        assertEquals(gadget.path("id").asText(), objectId("gadgets"));
        // Other workspaces are not touched.
        assertEquals(400, server.get(server.shelterKey, "/rest/gadgets").status());
    }

    @Test
    void aNewFieldIsUsableThroughRestAndGraphqlAndDocumentedRightAfterItIsCreated() {
        JsonNode slogan = createField("company", Map.of("type", "TEXT", "name", "slogan", "label", "Slogan",
                "description", "What the company says about itself"));
        assertEquals("slogan", slogan.path("name").asText());
        assertTrue(slogan.path("isCustom").asBoolean());
        TestServer.Reply company = send("POST", "/rest/companies", Map.of("name", "Sloganeers", "slogan", "We say things"));
        assertEquals(201, company.status(), company.raw().body());
        String id = company.body().path("data").path("createCompany").path("id").asText();
        assertEquals("We say things", ok(server.get(server.acmeKey, "/rest/companies/" + id), 200)
                .path("data").path("company").path("slogan").asText());
        assertTrue(server.get(server.acmeKey, "/rest/open-api/core").body().path("components").path("schemas")
                .path("Company").path("properties").has("slogan"));
        assertTrue(served().documents().graphqlSdl().contains("slogan: String"));
        Graphql graphql = new Graphql(server, server.acmeKey);
        assertEquals("Said in GraphQL", graphql.data("mutation { createCompany(data: {name: \"Taglines\", slogan: \"Said in GraphQL\"}) "
                + "{ slogan } }").path("createCompany").path("slogan").asText());
        JsonNode bySlogan = graphql.data("{ companies(filter: {slogan: {in: [\"We say things\", \"Said in GraphQL\"]}}, "
                + "orderBy: [{slogan: AscNullsFirst}]) { edges { node { name slogan } } } }").path("companies");
        assertEquals(List.of("Taglines", "Sloganeers"), Graphql.nodes(bySlogan, "name"));

        createField("company", Map.of("type", "SELECT", "name", "segment", "label", "Segment",
                "options", List.of(Map.of("value", "SMB", "label", "Small"), Map.of("value", "ENTERPRISE", "label", "Enterprise"))));
        TestServer.Reply segmented = send("PATCH", "/rest/companies/" + id, Map.of("segment", "SMB"));
        assertEquals(200, segmented.status(), segmented.raw().body());
        assertTrue(server.get(server.acmeKey, "/rest/metadata/picklists").raw().body().contains("\"fieldName\":\"segment\""));
    }

    @Test
    void aRelationFieldCreatesItsInverseAndTheJoinColumn() {
        createObject("tool", "tools");
        JsonNode owner = createField("tool", Map.of("type", "RELATION", "name", "owner", "label", "Owner",
                "relationCreationPayload", Map.of("targetObjectMetadataId", objectId("person"), "targetFieldLabel", "Tools",
                        "targetFieldIcon", "IconTool", "type", "MANY_TO_ONE")));
        assertEquals("MANY_TO_ONE", owner.path("relation").path("type").asText());
        assertEquals("tools", owner.path("relation").path("targetFieldMetadata").path("name").asText());
        JsonNode inverse = field("person", "tools");
        assertEquals("ONE_TO_MANY", inverse.path("relation").path("type").asText());
        assertEquals(owner.path("id"), inverse.path("relation").path("targetFieldMetadata").path("id"));
        assertTrue(columns("_tool").contains("ownerId"));

        String person = send("POST", "/rest/people", Map.of("name", Map.of("firstName", "Ada", "lastName", "Tools")))
                .body().path("data").path("createPerson").path("id").asText();
        assertEquals(201, send("POST", "/rest/tools", Map.of("name", "Hammer", "ownerId", person)).status());
        JsonNode withTools = ok(server.get(server.acmeKey, "/rest/people/" + person + "?depth=1"), 200);
        assertEquals("Hammer", withTools.path("data").path("person").path("tools").get(0).path("name").asText());
    }

    @Test
    void objectsAndFieldsTellWhenTheyWereCreatedAndLastChanged() {
        String workspaceCreated = server.database.dsl().fetchOne("SELECT to_char(created_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM core.workspace WHERE id = ?", server.acme.id()).get(0, String.class);
        JsonNode company = ok(server.get(server.acmeKey, "/rest/metadata/objects/company"), 200);
        assertEquals(workspaceCreated, company.path("createdAt").asText(), "made with the workspace");
        assertEquals(workspaceCreated, company.path("updatedAt").asText());
        assertEquals(workspaceCreated, field("company", "name").path("updatedAt").asText());

        JsonNode created = createObject("sprocket", "sprockets");
        String createdAt = created.path("createdAt").asText();
        assertTrue(createdAt.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), createdAt);
        assertTrue(createdAt.compareTo(workspaceCreated) > 0, createdAt + " after " + workspaceCreated);
        assertEquals(createdAt, created.path("updatedAt").asText());
        assertEquals(createdAt, field("sprocket", "name").path("createdAt").asText(), "its system fields came with it");

        JsonNode teeth = createField("sprocket", Map.of("type", "NUMBER", "name", "teeth", "label", "Teeth"));
        JsonNode relabelled = ok(send("PATCH", "/rest/metadata/fields/" + teeth.path("id").asText(), Map.of("label", "Tooth count")), 200);
        assertEquals(teeth.path("createdAt"), relabelled.path("createdAt"));
        assertTrue(relabelled.path("updatedAt").asText().compareTo(teeth.path("updatedAt").asText()) > 0, relabelled.toString());
        JsonNode sprocket = ok(server.get(server.acmeKey, "/rest/metadata/objects/sprocket"), 200);
        assertEquals(createdAt, sprocket.path("updatedAt").asText(), "a new or changed field leaves its object as it was");
        assertEquals(createdAt, field("sprocket", "name").path("updatedAt").asText());
        assertEquals(workspaceCreated, ok(server.get(server.acmeKey, "/rest/metadata/objects/company"), 200).path("updatedAt").asText());

        JsonNode renamed = ok(send("PATCH", "/rest/metadata/objects/" + sprocket.path("id").asText(),
                Map.of("labelSingular", "Cog", "labelPlural", "Cogs")), 200);
        assertEquals(createdAt, renamed.path("createdAt").asText());
        assertTrue(renamed.path("updatedAt").asText().compareTo(createdAt) > 0, renamed.toString());
        assertEquals(relabelled.path("updatedAt"), field("sprocket", "teeth").path("updatedAt"));

        ok(send("PATCH", "/rest/metadata/objects/sprocket", Map.of("isActive", false)), 200);
        ok(send("DELETE", "/rest/metadata/objects/sprocket", null), 200);
        assertEquals(0, server.database.dsl().fetchOne("SELECT count(*) FROM core.metadata_time WHERE id IN (?::uuid, ?::uuid)",
                sprocket.path("id").asText(), teeth.path("id").asText()).get(0, Integer.class), "a deleted item's times go with it");
    }

    @Test
    void renamesKeepTheDataAndTheIds() {
        String objectId = createObject("gizmo", "gizmos").path("id").asText();
        String fieldId = createField("gizmo", Map.of("type", "TEXT", "name", "color", "label", "Color")).path("id").asText();
        String record = send("POST", "/rest/gizmos", Map.of("name", "G1", "color", "red")).body()
                .path("data").path("createGizmo").path("id").asText();

        JsonNode renamed = ok(send("PATCH", "/rest/metadata/fields/" + fieldId, Map.of("name", "shade", "label", "Shade")), 200);
        assertEquals(fieldId, renamed.path("id").asText());
        assertEquals("red", ok(server.get(server.acmeKey, "/rest/gizmos/" + record), 200).path("data").path("gizmo").path("shade").asText());

        JsonNode object = ok(send("PATCH", "/rest/metadata/objects/" + objectId, Map.of("nameSingular", "widget",
                "namePlural", "widgets", "labelSingular", "Widget", "labelPlural", "Widgets")), 200);
        assertEquals(objectId, object.path("id").asText());
        assertEquals(fieldId, field("widget", "shade").path("id").asText());
        JsonNode widget = ok(server.get(server.acmeKey, "/rest/widgets/" + record), 200).path("data").path("widget");
        assertEquals("red", widget.path("shade").asText());
        assertEquals("G1", widget.path("name").asText());
        assertEquals(400, server.get(server.acmeKey, "/rest/gizmos").status());
        assertTrue(columns("_widget").contains("shade"));
        assertTrue(columns("_gizmo").isEmpty());
    }

    @Test
    void anInvalidChangeAnswersTheCompilersDiagnosticsAndChangesNothing() {
        long before = version();
        String files = ok(server.get(server.acmeKey, "/rest/metadata/export"), 200).path("files").toString();
        List<String> companyColumns = columns("company");

        TestServer.Reply refused = send("POST", "/rest/metadata/fields", Map.of("objectMetadataId", objectId("company"),
                "type", "TXT", "name", "motto", "label", "Motto"));
        assertEquals(400, refused.status(), refused.raw().body());
        assertEquals("BadRequestException", refused.body().path("error").asText());
        String message = refused.body().path("messages").get(0).asText();
        assertTrue(message.startsWith("api/fields/company.yaml:") && message.contains("error CRM200: unknown field type 'TXT'")
                && message.contains("hint: did you mean 'TEXT'?"), message);

        TestServer.Reply duplicate = send("POST", "/rest/metadata/objects", Map.of("nameSingular", "company", "namePlural", "companies2",
                "labelSingular", "Company", "labelPlural", "Companies"));
        assertEquals(400, duplicate.status());
        assertTrue(duplicate.body().path("messages").get(0).asText().contains("CRM205"), duplicate.raw().body());
        TestServer.Reply missing = send("POST", "/rest/metadata/objects", Map.of("nameSingular", "thing"));
        assertEquals("namePlural should not be empty", missing.body().path("messages").get(0).asText());
        TestServer.Reply unknown = send("POST", "/rest/metadata/objects", Map.of("nameSingular", "thing", "namePlural", "things",
                "labelSingular", "Thing", "labelPlural", "Things", "shortcut", "T"));
        assertEquals("property shortcut should not exist", unknown.body().path("messages").get(0).asText());
        TestServer.Reply standard = send("PATCH", "/rest/metadata/objects/company", Map.of("labelSingular", "Firm"));
        assertEquals(400, standard.status());

        assertEquals(before, version());
        assertEquals(files, ok(server.get(server.acmeKey, "/rest/metadata/export"), 200).path("files").toString());
        assertEquals(companyColumns, columns("company"));
    }

    @Test
    void aChangeTheRecordsDoNotAllowRollsBackEverything() {
        createObject("crate", "crates");
        createField("crate", Map.of("type", "TEXT", "name", "code", "label", "Code"));
        assertEquals(201, send("POST", "/rest/crates", Map.of("name", "c1")).status());
        long before = version();
        String codeId = field("crate", "code").path("id").asText();
        TestServer.Reply refused = send("PATCH", "/rest/metadata/fields/" + codeId, Map.of("isNullable", false, "name", "tag"));
        assertEquals(400, refused.status(), refused.raw().body());
        assertTrue(refused.body().path("messages").get(0).asText().contains("contains null values"), refused.raw().body());
        assertEquals(before, version());
        assertTrue(columns("_crate").contains("code"), "the rename in the same change was rolled back");
        assertEquals("code", field("crate", "code").path("name").asText());
    }

    @Test
    void deletingNeedsDeactivationFirst() {
        createObject("temp", "temps");
        assertEquals(201, send("POST", "/rest/temps", Map.of("name", "t1")).status());
        TestServer.Reply active = send("DELETE", "/rest/metadata/objects/temp", null);
        assertEquals(400, active.status());
        assertTrue(active.body().path("messages").get(0).asText().contains("deactivate it"), active.raw().body());

        JsonNode inactive = ok(send("PATCH", "/rest/metadata/objects/temp", Map.of("isActive", false)), 200);
        assertFalse(inactive.path("isActive").asBoolean());
        assertEquals(400, server.get(server.acmeKey, "/rest/temps").status());
        assertFalse(columns("_temp").isEmpty(), "deactivation keeps the data");
        ok(send("PATCH", "/rest/metadata/objects/temp", Map.of("isActive", true)), 200);
        assertEquals(1, ok(server.get(server.acmeKey, "/rest/temps"), 200).path("totalCount").asInt());
        ok(send("PATCH", "/rest/metadata/objects/temp", Map.of("isActive", false)), 200);
        JsonNode deleted = ok(send("DELETE", "/rest/metadata/objects/temp", null), 200);
        assertEquals("temp", deleted.path("nameSingular").asText());
        assertTrue(columns("_temp").isEmpty(), "the table is gone");
        assertEquals(404, server.get(server.acmeKey, "/rest/metadata/objects/temp").status());

        String fieldId = createField("company", Map.of("type", "NUMBER", "name", "headcountGoal", "label", "Headcount goal")).path("id").asText();
        assertEquals(400, send("DELETE", "/rest/metadata/fields/" + fieldId, null).status());
        ok(send("PATCH", "/rest/metadata/fields/" + fieldId, Map.of("isActive", false)), 200);
        assertFalse(server.get(server.acmeKey, "/rest/open-api/core").raw().body().contains("headcountGoal"));
        assertTrue(columns("company").contains("headcountGoal"));
        assertEquals("headcountGoal", ok(send("DELETE", "/rest/metadata/fields/" + fieldId, null), 200).path("name").asText());
        assertFalse(columns("company").contains("headcountGoal"));
        assertEquals(404, send("DELETE", "/rest/metadata/fields/" + fieldId, null).status());
        assertEquals(400, send("PATCH", "/rest/metadata/fields/" + field("company", "name").path("id").asText(),
                Map.of("label", "Title")).status(), "standard fields do not change");
    }

    @Test
    void optionChangesRenameRemoveAndAddValues() {
        createObject("ticket", "tickets");
        JsonNode status = createField("ticket", Map.of("type", "SELECT", "name", "status", "label", "Status",
                "options", List.of(Map.of("value", "OPEN", "label", "Open"), Map.of("value", "WAITING", "label", "Waiting"),
                        Map.of("value", "DONE", "label", "Done"))));
        String open = send("POST", "/rest/tickets", Map.of("name", "a", "status", "OPEN")).body().path("data").path("createTicket").path("id").asText();
        String waiting = send("POST", "/rest/tickets", Map.of("name", "b", "status", "WAITING")).body().path("data").path("createTicket").path("id").asText();
        JsonNode options = status.path("options");
        List<Map<String, Object>> next = List.of(
                Map.of("id", options.get(0).path("id").asText(), "value", "NEW", "label", "New"),
                Map.of("value", "IN_PROGRESS", "label", "In progress"),
                Map.of("id", options.get(2).path("id").asText(), "value", "DONE", "label", "Done"));
        JsonNode changed = ok(send("PATCH", "/rest/metadata/fields/" + status.path("id").asText(), Map.of("options", next)), 200);
        assertEquals(List.of("NEW", "IN_PROGRESS", "DONE"), values(changed.path("options")));
        assertEquals("NEW", ok(server.get(server.acmeKey, "/rest/tickets/" + open), 200).path("data").path("ticket").path("status").asText());
        assertTrue(ok(server.get(server.acmeKey, "/rest/tickets/" + waiting), 200).path("data").path("ticket").path("status").isNull());
        assertEquals(201, send("POST", "/rest/tickets", Map.of("name", "c", "status", "IN_PROGRESS")).status());
    }

    @Test
    void exportAndImportRoundTripTheMetadataFiles() {
        JsonNode export = ok(server.get(server.acmeKey, "/rest/metadata/export"), 200);
        assertEquals("acme", export.path("workspace").asText());
        assertTrue(export.path("files").has("workspace.yaml"));
        Map<String, Object> files = new LinkedHashMap<>();
        export.path("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asText()));
        files.put("imported/lamp.yaml", "objects:\n  - {nameSingular: lamp, namePlural: lamps, labelSingular: Lamp, labelPlural: Lamps,\n"
                + "     fields: [{name: watts, label: Watts, type: NUMBER}]}\n");
        JsonNode imported = ok(send("POST", "/rest/metadata/import", Map.of("files", files)), 200);
        assertEquals(export.path("version").asLong() + 1, imported.path("version").asLong());
        assertEquals(201, send("POST", "/rest/lamps", Map.of("name", "Desk", "watts", 40)).status());

        Map<String, Object> without = new LinkedHashMap<>(files);
        without.remove("imported/lamp.yaml");
        TestServer.Reply refused = send("POST", "/rest/metadata/import", Map.of("files", without));
        assertEquals(400, refused.status());
        assertTrue(refused.body().path("messages").get(0).asText().contains("object 'lamp'"), refused.raw().body());
        TestServer.Reply escaping = send("POST", "/rest/metadata/import", Map.of("files", Map.of("../x.yaml", "")));
        assertEquals(400, escaping.status());
        assertNotEquals(0, imported.path("files").size());
    }

    @Test
    void anImportedIndexIsCreatedFollowsItsFieldsRenameAndGoesWithIt() {
        String fieldId = createField("company", Map.of("type", "TEXT", "name", "shelfCode", "label", "Shelf code")).path("id").asText();
        Map<String, Object> files = exportedFiles();
        files.put("indexes/company.yaml", "indexes:\n  - {object: company, fields: [shelfCode, address.addressCity]}\n");
        ok(send("POST", "/rest/metadata/import", Map.of("files", files)), 200);
        assertEquals(List.of("CREATE INDEX \"idx_company_shelfCode_addressAddressCity\" ON " + server.acme.schemaName()
                + ".company USING btree (\"shelfCode\", \"addressAddressCity\")"), indexes("company", "%shelfCode%"));
        StringBuilder incompressible = new StringBuilder();
        new java.util.Random(7).ints(4000, 'a', 'z' + 1).forEach(c -> incompressible.append((char) c));
        TestServer.Reply tooLong = send("POST", "/rest/companies", Map.of("name", "Long", "shelfCode", incompressible.toString()));
        assertEquals(400, tooLong.status(), tooLong.raw().body());
        assertTrue(tooLong.raw().body().contains("too large to be stored or indexed"), tooLong.raw().body());

        ok(send("PATCH", "/rest/metadata/fields/" + fieldId, Map.of("name", "binCode", "label", "Bin code")), 200);
        assertEquals(List.of(), indexes("company", "%shelfCode%"));
        assertEquals(1, indexes("company", "idx_company_binCode_addressAddressCity").size());
        String indexFile = exportedFiles().get("indexes/company.yaml").toString();
        assertTrue(indexFile.contains("binCode") && !indexFile.contains("shelfCode"), indexFile);

        files = exportedFiles();
        files.remove("indexes/company.yaml");
        ok(send("POST", "/rest/metadata/import", Map.of("files", files)), 200);
        assertEquals(List.of(), indexes("company", "%binCode%"), "an index no file declares any more is dropped");
        files.put("indexes/company.yaml", indexFile);
        ok(send("POST", "/rest/metadata/import", Map.of("files", files)), 200);
        assertEquals(1, indexes("company", "%binCode%").size());

        files = exportedFiles();
        files.put("indexes/company.yaml", "indexes:\n  - {object: company, fields: [adress.addressCity]}\n");
        TestServer.Reply invalid = send("POST", "/rest/metadata/import", Map.of("files", files));
        assertEquals(400, invalid.status());
        assertTrue(invalid.raw().body().contains("CRM219") && invalid.raw().body().contains("did you mean 'address'?"), invalid.raw().body());

        ok(send("PATCH", "/rest/metadata/fields/" + fieldId, Map.of("isActive", false)), 200);
        assertEquals(1, indexes("company", "%binCode%").size(), "an inactive field keeps its column, and the index on it");
        ok(send("DELETE", "/rest/metadata/fields/" + fieldId, null), 200);
        assertEquals(List.of(), indexes("company", "%binCode%"));
        assertFalse(exportedFiles().containsKey("indexes/company.yaml"), "the file held only that index");
    }

    private static Map<String, Object> exportedFiles() {
        Map<String, Object> files = new LinkedHashMap<>();
        ok(server.get(server.acmeKey, "/rest/metadata/export"), 200).path("files").properties()
                .forEach(e -> files.put(e.getKey(), e.getValue().asText()));
        return files;
    }

    private static List<String> indexes(String table, String namePattern) {
        return server.database.dsl().fetch("SELECT indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ? AND indexname LIKE ?"
                + " ORDER BY indexname", server.acme.schemaName(), table, namePattern).getValues(0, String.class);
    }

    private static List<String> values(JsonNode options) {
        List<String> values = new ArrayList<>();
        options.forEach(o -> values.add(o.path("value").asText()));
        return values;
    }
}
