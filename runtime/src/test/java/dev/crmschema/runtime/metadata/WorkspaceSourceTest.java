package dev.crmschema.runtime.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.ModelHash;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Editing metadata files as trees: what is written back means what was read, and renames reach every reference. */
class WorkspaceSourceTest {
    private static MetadataFiles showcase() {
        return ExampleWorkspaces.files("showcase");
    }

    /** The showcase with an index added to pet from a file of its own. */
    private static MetadataFiles showcaseWithAddedIndex() {
        Map<String, String> files = new TreeMap<>(showcase().byPath());
        files.put("indexes.yaml", "indexes:\n  - {object: pet, fields: [nickname, shelter]}\n");
        return new MetadataFiles(files);
    }

    private static Workspace link(MetadataFiles files) {
        SchemaCompiler.Result result = SchemaCompiler.check(files);
        assertTrue(result.succeeded(), result.diagnostics().toString());
        return result.workspace().orElseThrow();
    }

    @Test
    void filesWrittenBackFromTheirTreesGiveTheSameModel() {
        MetadataFiles original = showcase();
        WorkspaceSource source = WorkspaceSource.of(original);
        original.byPath().keySet().forEach(source::touched);
        MetadataFiles rewritten = source.files();
        assertFalse(rewritten.byPath().equals(original.byPath()), "the files were really rendered again");
        assertEquals(ModelHash.of(link(original)), ModelHash.of(link(rewritten)));
    }

    @Test
    void untouchedFilesKeepTheirTextAndCommentsAndNewPartsGoToApiFiles() {
        MetadataFiles original = showcase();
        WorkspaceSource source = WorkspaceSource.of(original);
        ObjectNode gadget = JsonNodeFactory.instance.objectNode().put("nameSingular", "gadget").put("namePlural", "gadgets")
                .put("labelSingular", "Gadget").put("labelPlural", "Gadgets");
        source.addObject(gadget);
        source.addField("company", JsonNodeFactory.instance.objectNode().put("name", "slogan").put("type", "TEXT"));
        Map<String, String> files = source.files().byPath();
        assertEquals(original.byPath().get("workspace.yaml"), files.get("workspace.yaml"));
        assertTrue(files.get("workspace.yaml").startsWith("# A workspace whose custom objects"));
        assertTrue(files.get("api/objects/gadget.yaml").contains("nameSingular: gadget"), files.get("api/objects/gadget.yaml"));
        assertTrue(files.get("api/fields/company.yaml").contains("object: company"), files.get("api/fields/company.yaml"));
        Workspace model = link(source.files());
        assertTrue(model.object("gadget").isPresent());
        assertTrue(model.require("company").field("slogan").isPresent());
    }

    @Test
    void renamingAnObjectAndAFieldFollowsEveryReference() {
        WorkspaceSource source = WorkspaceSource.of(showcaseWithAddedIndex());
        source.renameObject("pet", "animal");
        source.object("animal").orElseThrow().node().put("namePlural", "animals");
        source.renameField("animal", "nickname", "callName");
        source.renameField("shelter", "pets", "residents");
        Workspace model = link(source.files());
        assertEquals("animal", model.require("visit").field("pet").orElseThrow().relation().orElseThrow().targetObject());
        assertEquals("animal", model.require("person").field("adoptedPets").orElseThrow().relation().orElseThrow().targetObject());
        assertEquals("residents", model.require("animal").field("shelter").orElseThrow().relation().orElseThrow().inverseField());
        assertEquals(List.of("name", "callName"), model.require("animal").searchFields());
        assertEquals(List.of(List.of("callName", "shelter"), List.of("isAdopted", "arrivedAt"), List.of("species", "callName")),
                model.require("animal").indexes());
    }

    @Test
    void removingAFieldRemovesTheIndexesThatCoverItAndRemovingAnObjectItsAddedIndexes() {
        WorkspaceSource source = WorkspaceSource.of(showcaseWithAddedIndex());
        source.removeField(source.field("pet", "shelter").orElseThrow());
        source.removeField(source.field("shelter", "pets").orElseThrow());
        source.removeField(source.field("pet", "isAdopted").orElseThrow());
        assertEquals(List.of(List.of("species", "nickname")), link(source.files()).require("pet").indexes());
        assertFalse(source.files().byPath().containsKey("indexes.yaml"), "its only index is gone, and the file with it");

        WorkspaceSource again = WorkspaceSource.of(showcaseWithAddedIndex());
        again.removeObject(again.object("pet").orElseThrow());
        assertFalse(again.files().byPath().containsKey("indexes.yaml"));
    }

    @Test
    void removingTheLastDefinitionOfAFileRemovesTheFile() {
        WorkspaceSource source = WorkspaceSource.of(showcase());
        source.addField("company", JsonNodeFactory.instance.objectNode().put("name", "slogan").put("type", "TEXT"));
        source.removeField(source.field("company", "slogan").orElseThrow());
        assertFalse(source.files().byPath().containsKey("api/fields/company.yaml"));
    }
}
