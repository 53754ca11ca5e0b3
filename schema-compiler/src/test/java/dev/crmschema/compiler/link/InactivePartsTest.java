package dev.crmschema.compiler.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Inactive objects and fields leave the served model but stay in the one schema migrations use. */
class InactivePartsTest {
    private static SchemaCompiler.Result showcaseWith(String file, String from, String to) {
        Map<String, String> files = new TreeMap<>(ExampleWorkspaces.files("showcase").byPath());
        String text = files.get(file);
        assertTrue(text.contains(from), from);
        files.put(file, text.replace(from, to));
        SchemaCompiler.Result result = SchemaCompiler.check(new MetadataFiles(files));
        assertTrue(result.succeeded(), result.diagnostics().toString());
        return result;
    }

    @Test
    void anInactiveObjectTakesTheRelationsToItOutOfTheApi() {
        SchemaCompiler.Result result = showcaseWith("objects/shelter.yaml", "    icon: IconHome\n", "    icon: IconHome\n    isActive: false\n");
        Workspace active = result.workspace().orElseThrow();
        Workspace all = result.withInactive().orElseThrow();
        assertTrue(active.object("shelter").isEmpty());
        assertTrue(active.require("pet").field("shelter").isEmpty(), "the relation to the inactive object is hidden");
        assertTrue(all.require("shelter").field("pets").isPresent());
        assertTrue(all.require("pet").field("shelter").isPresent());
        assertEquals(all.objects().size(), active.objects().size() + 1);
    }

    @Test
    void anInactiveFieldKeepsItsColumnsInTheModelWithInactiveParts() {
        SchemaCompiler.Result result = showcaseWith("objects/visit.yaml", "{name: findings, label: Findings, type: TEXT}",
                "{name: findings, label: Findings, type: TEXT, isActive: false}");
        ObjectType active = result.workspace().orElseThrow().require("visit");
        ObjectType all = result.withInactive().orElseThrow().require("visit");
        assertFalse(active.field("findings").isPresent());
        assertEquals("findings", all.field("findings").orElseThrow().columns().get(0).name());
    }

    @Test
    void bothSidesOfARelationLeaveTogether() {
        SchemaCompiler.Result result = showcaseWith("objects/visit.yaml", "inverseField: vetVisits, onDelete: RESTRICT}}",
                "inverseField: vetVisits, onDelete: RESTRICT}, isActive: false}");
        Workspace active = result.workspace().orElseThrow();
        assertTrue(active.require("visit").field("vet").isEmpty());
        assertTrue(active.require("workspaceMember").field("vetVisits").isEmpty());
        assertTrue(result.withInactive().orElseThrow().require("workspaceMember").field("vetVisits").isPresent());
    }

    @Test
    void withoutInactivePartsBothModelsAreEqual() {
        SchemaCompiler.Result result = SchemaCompiler.check(ExampleWorkspaces.files("showcase"));
        assertEquals(result.workspace(), result.withInactive());
    }
}
