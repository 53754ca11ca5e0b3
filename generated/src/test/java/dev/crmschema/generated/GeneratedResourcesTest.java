package dev.crmschema.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin ran in this module's build and its resources reached the classpath, for both example workspaces. */
class GeneratedResourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShowcaseIrDescribesThePetObject() throws IOException {
        JsonNode showcase = ir("showcase");
        assertEquals("showcase", showcase.get("name").asText());
        JsonNode pet = object(showcase, "pet");
        assertTrue(pet.get("isCustom").asBoolean());
        List<String> fields = names(pet.get("fields"));
        assertTrue(fields.containsAll(List.of("name", "species", "colors", "monthlyCost", "ownerEmails", "shelter",
                "adopter", "visits")), fields.toString());
        assertEquals("SELECT", field(pet, "species").get("type").asText());
        assertEquals("RELATION", field(pet, "shelter").get("type").asText());
    }

    @Test
    void theStandardIrHasOnlyStandardObjects() throws IOException {
        JsonNode standard = ir("standard");
        assertEquals("standard", standard.get("name").asText());
        assertTrue(names(standard.get("objects")).containsAll(List.of("company", "person", "opportunity")));
        for (JsonNode object : standard.get("objects")) {
            assertFalse(object.get("isCustom").asBoolean(), object.get("nameSingular").asText());
        }
    }

    private static JsonNode ir(String workspace) throws IOException {
        String resource = "crm-schema/" + workspace + "/ir.json";
        try (InputStream in = GeneratedResourcesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            return JSON.readTree(in);
        }
    }

    private static JsonNode object(JsonNode ir, String name) {
        for (JsonNode object : ir.get("objects")) {
            if (object.get("nameSingular").asText().equals(name)) {
                return object;
            }
        }
        throw new AssertionError("no object '" + name + "' in " + names(ir.get("objects")));
    }

    private static JsonNode field(JsonNode object, String name) {
        for (JsonNode field : object.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field '" + name + "' in " + names(object.get("fields")));
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : items) {
            names.add(item.has("nameSingular") ? item.get("nameSingular").asText() : item.get("name").asText());
        }
        return names;
    }
}
