package dev.crmschema.runtime.server;

import static dev.crmschema.runtime.server.Api.assertError;
import static dev.crmschema.runtime.server.Api.data;
import static dev.crmschema.runtime.server.Api.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Roles end to end on workspace {@code acme} (reference contract, section 6.2): the built-in read-only
 * role, a role that cannot see companies, and a role with field permissions, each on keys made through
 * {@code /rest/metadata/apiKeys}. Forbidden operations answer 403 "User does not have permission" on
 * REST and {@code FORBIDDEN} with a null root field on GraphQL, and change nothing; unreadable fields
 * are left out of responses and refused wherever a request names them.
 */
@ExtendWith(SharedServer.class)
class PermissionsApiTest {
    private static final String DENIED = "User does not have permission";

    private static TestServer server;
    private static String companyId;
    private static String companyObjectId;
    private static String readOnlyKey;
    private static String noCompaniesKey;
    private static String hiddenEmployeesKey;
    private static String hiddenEmployeesRoleId;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
        companyId = data(admin("POST", "/rest/companies", Map.of("name", "Permission Co", "employees", 42)), 201, "createCompany")
                .path("id").asText();
        assertEquals(201, admin("POST", "/rest/people", Map.of("name", Map.of("firstName", "Perm", "lastName", "Person"),
                "companyId", companyId)).status());
        JsonNode company = metadata(admin("GET", "/rest/metadata/objects/company", null));
        companyObjectId = company.path("id").asText();
        String employeesId = fieldId(company, "employees");
        String nameId = fieldId(company, "name");

        String readOnlyRole = null;
        for (JsonNode role : metadata(admin("GET", "/rest/metadata/roles", null)).path("data")) {
            if (role.path("standardId").asText().equals("read-only")) {
                readOnlyRole = role.path("id").asText();
            }
        }
        readOnlyKey = key("read only", readOnlyRole);
        String noCompanies = role(Map.of("label", "No companies", "canReadAllObjectRecords", true, "canUpdateAllObjectRecords", true,
                "objectPermissions", List.of(Map.of("objectMetadataId", companyObjectId, "canReadObjectRecords", false,
                        "canUpdateObjectRecords", false))));
        noCompaniesKey = key("no companies", noCompanies);
        hiddenEmployeesRoleId = role(Map.of("label", "Hidden employees", "canReadAllObjectRecords", true,
                "canUpdateAllObjectRecords", true, "canSoftDeleteAllObjectRecords", true,
                "fieldPermissions", List.of(Map.of("fieldMetadataId", employeesId, "canReadFieldValue", false),
                        Map.of("fieldMetadataId", nameId, "canUpdateFieldValue", false))));
        hiddenEmployeesKey = key("hidden employees", hiddenEmployeesRoleId);
    }

    @Test
    void readOnlyKeyReadsEverythingAndChangesNothing() {
        JsonNode read = data(server.get(readOnlyKey, "/rest/companies/" + companyId), 200, "company");
        assertEquals(42, read.path("employees").asInt(), read.toString());
        String before = adminCompany();
        int companies = companyCount();

        assertDenied(server.send(readOnlyKey, "POST", "/rest/companies", Map.of("name", "Not created")));
        assertDenied(server.send(readOnlyKey, "POST", "/rest/batch/companies", List.of(Map.of("name", "Not created"))));
        assertDenied(server.send(readOnlyKey, "PATCH", "/rest/companies/" + companyId, Map.of("employees", 1)));
        assertDenied(server.send(readOnlyKey, "PATCH", "/rest/companies" + query("filter", "id[eq]:\"" + companyId + "\""),
                Map.of("employees", 1)));
        assertDenied(server.send(readOnlyKey, "DELETE", "/rest/companies/" + companyId + "?soft_delete=true", null));
        assertDenied(server.send(readOnlyKey, "DELETE", "/rest/companies/" + companyId, null));
        assertDenied(server.send(readOnlyKey, "PATCH", "/rest/companies/" + companyId + "/restore", null));

        TestServer.Reply created = server.graphql(readOnlyKey, "mutation { createCompany(data: {name: \"Not created\"}) { id } }", null);
        assertForbidden(created, "createCompany");
        TestServer.Reply destroyed = server.graphql(readOnlyKey,
                "mutation { destroyCompany(id: \"" + companyId + "\") { id } }", null);
        assertForbidden(destroyed, "destroyCompany");

        assertEquals(before, adminCompany(), "a refused operation changed the record");
        assertEquals(companies, companyCount(), "a refused create added a record");
    }

    @Test
    void anObjectTheRoleCannotReadIsRefusedAndLeftOutOfRelations() {
        assertDenied(server.get(noCompaniesKey, "/rest/companies"));
        assertDenied(server.get(noCompaniesKey, "/rest/companies/" + companyId));
        assertDenied(server.send(noCompaniesKey, "PATCH", "/rest/companies/" + companyId, Map.of("employees", 7)));
        assertEquals(42, data(server.get(server.acmeKey, "/rest/companies/" + companyId), 200, "company").path("employees").asInt());

        // companyId belongs to the relation to the unreadable object, so filtering on it is refused too.
        assertDenied(server.get(noCompaniesKey, "/rest/people" + query("filter", "companyId[eq]:\"" + companyId + "\"")));
    }

    @Test
    void relationsToUnreadableObjectsAreOmittedAndRefusedWhenNamed() {
        JsonNode people = data(server.get(noCompaniesKey, "/rest/people" + query("depth", "1", "limit", "200")), 200, "people");
        assertFalse(people.isEmpty());
        for (JsonNode person : people) {
            assertFalse(person.has("company"), person.toString());
            assertFalse(person.has("companyId"), person.toString());
            assertTrue(person.has("name"), person.toString());
        }
        assertDenied(server.get(noCompaniesKey, "/rest/people" + query("fields", "company", "depth", "1")));
        assertForbidden(server.graphql(noCompaniesKey, "{ companies { edges { node { id } } } }", null), "companies");
        assertForbidden(server.graphql(noCompaniesKey, "{ people { edges { node { id company { id } } } } }", null), "people");
    }

    @Test
    void unreadableFieldsAreOmittedAndRefusedInFieldsFiltersAndOrder() {
        JsonNode company = data(server.get(hiddenEmployeesKey, "/rest/companies/" + companyId), 200, "company");
        assertFalse(company.has("employees"), company.toString());
        assertEquals("Permission Co", company.path("name").asText());
        for (JsonNode listed : data(server.get(hiddenEmployeesKey, "/rest/companies"), 200, "companies")) {
            assertFalse(listed.has("employees"), listed.toString());
        }
        JsonNode person = data(server.get(hiddenEmployeesKey, "/rest/people" + query("depth", "1", "filter",
                "companyId[eq]:\"" + companyId + "\"")), 200, "people").get(0);
        assertFalse(person.path("company").has("employees"), person.toString());
        assertTrue(person.path("company").has("name"), person.toString());

        assertDenied(server.get(hiddenEmployeesKey, "/rest/companies" + query("fields", "name,employees")));
        assertDenied(server.get(hiddenEmployeesKey, "/rest/companies" + query("filter", "employees[gt]:1")));
        assertDenied(server.get(hiddenEmployeesKey, "/rest/companies" + query("order_by", "employees")));
        assertForbidden(server.graphql(hiddenEmployeesKey, "{ companies { edges { node { id employees } } } }", null), "companies");
        assertForbidden(server.graphql(hiddenEmployeesKey,
                "{ companies(filter: {employees: {gt: 1}}) { edges { node { id } } } }", null), "companies");
        JsonNode allowed = server.graphql(hiddenEmployeesKey, "{ company(filter: {id: {eq: \"" + companyId + "\"}}) { id name } }", null)
                .body();
        assertEquals("Permission Co", allowed.path("data").path("company").path("name").asText(), allowed.toString());
    }

    @Test
    void nonUpdatableFieldsAreRefusedAndOthersWritten() {
        String before = adminCompany();
        assertDenied(server.send(hiddenEmployeesKey, "PATCH", "/rest/companies/" + companyId, Map.of("name", "Renamed")));
        assertForbidden(server.graphql(hiddenEmployeesKey, "mutation { updateCompany(id: \"" + companyId
                + "\", data: {name: \"Renamed\"}) { id } }", null), "updateCompany");
        assertEquals(before, adminCompany());

        String other = data(admin("POST", "/rest/companies", Map.of("name", "Writable Co")), 201, "createCompany").path("id").asText();
        JsonNode updated = data(server.send(hiddenEmployeesKey, "PATCH", "/rest/companies/" + other, Map.of("employees", 5)),
                200, "updateCompany");
        assertFalse(updated.has("employees"), "the write answer hides the unreadable field too: " + updated);
        assertEquals(5, data(server.get(server.acmeKey, "/rest/companies/" + other), 200, "company").path("employees").asInt());
    }

    @Test
    void aRoleChangeAppliesToTheNextRequest() {
        String role = role(Map.of("label", "Changing", "canReadAllObjectRecords", true));
        String key = key("changing", role);
        assertEquals(200, server.get(key, "/rest/companies/" + companyId).status());
        assertEquals(200, admin("PATCH", "/rest/metadata/roles/" + role, Map.of("objectPermissions",
                List.of(Map.of("objectMetadataId", companyObjectId, "canReadObjectRecords", false)))).status());
        assertDenied(server.get(key, "/rest/companies/" + companyId));
    }

    @Test
    void theMetadataApisNeedSettingsPermissions() {
        assertDenied(server.send(readOnlyKey, "POST", "/rest/metadata/objects", Map.of("nameSingular", "gadget",
                "namePlural", "gadgets", "labelSingular", "Gadget", "labelPlural", "Gadgets")));
        assertDenied(server.send(readOnlyKey, "DELETE", "/rest/metadata/fields/" + fieldId(
                metadata(admin("GET", "/rest/metadata/objects/company", null)), "employees"), null));
        assertDenied(server.get(readOnlyKey, "/rest/metadata/apiKeys"));
        assertDenied(server.send(readOnlyKey, "POST", "/rest/metadata/apiKeys", Map.of("name", "escalate",
                "expiresAt", "2099-01-01T00:00:00Z")));
        assertDenied(server.get(readOnlyKey, "/rest/metadata/roles"));
        assertEquals(200, server.get(readOnlyKey, "/rest/metadata/objects").status(), "reading metadata stays open");

        Map<String, Object> create = Map.of("query", "mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }",
                "variables", Map.of("input", Map.of("object", Map.of("nameSingular", "gadget", "namePlural", "gadgets",
                        "labelSingular", "Gadget", "labelPlural", "Gadgets"))));
        // createOneObject is non-null in the metadata schema, so its null makes data null (GraphQL's null propagation).
        TestServer.Reply refused = server.send(readOnlyKey, "POST", "/metadata", create);
        assertEquals("createOneObject", Graphql.single(refused, 200, "FORBIDDEN", null, DENIED).path("path").get(0).asText());
        assertTrue(refused.body().path("data").path("createOneObject").isMissingNode()
                || refused.body().path("data").path("createOneObject").isNull(), refused.raw().body());
        TestServer.Reply read = server.send(readOnlyKey, "POST", "/metadata", Map.of("query", "{ objects { totalCount } }"));
        assertTrue(read.body().path("data").path("objects").path("totalCount").asInt() > 0, read.raw().body());
        assertEquals(400, server.get(server.acmeKey, "/rest/gadgets").status(), "no refused change was applied");
        assertTrue(metadata(admin("GET", "/rest/metadata/objects/company", null)).toString().contains("\"employees\""));
    }

    private static void assertDenied(TestServer.Reply reply) {
        assertError(reply, 403, "ForbiddenException", DENIED);
    }

    private static void assertForbidden(TestServer.Reply reply, String rootField) {
        JsonNode error = Graphql.single(reply, 200, "FORBIDDEN", null, DENIED);
        assertTrue(reply.body().path("data").has(rootField), reply.raw().body());
        assertTrue(reply.body().path("data").path(rootField).isNull(), reply.raw().body());
        assertEquals(rootField, error.path("path").get(0).asText(), reply.raw().body());
    }

    private static TestServer.Reply admin(String method, String path, Object body) {
        return server.send(server.acmeKey, method, path, body);
    }

    private static JsonNode metadata(TestServer.Reply reply) {
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.raw().body());
        return reply.body();
    }

    private static String fieldId(JsonNode object, String name) {
        for (JsonNode field : object.path("fields")) {
            if (field.path("name").asText().equals(name)) {
                return field.path("id").asText();
            }
        }
        throw new AssertionError("no field " + name + " in " + object);
    }

    private static String role(Map<String, Object> body) {
        return metadata(admin("POST", "/rest/metadata/roles", body)).path("id").asText();
    }

    private static String key(String name, String roleId) {
        return metadata(admin("POST", "/rest/metadata/apiKeys", Map.of("name", name, "expiresAt", "2099-01-01T00:00:00Z",
                "roleId", roleId))).path("token").asText();
    }

    private static String adminCompany() {
        return data(server.get(server.acmeKey, "/rest/companies/" + companyId), 200, "company").toString();
    }

    private static int companyCount() {
        return server.get(server.acmeKey, "/rest/companies").body().path("totalCount").asInt();
    }
}
