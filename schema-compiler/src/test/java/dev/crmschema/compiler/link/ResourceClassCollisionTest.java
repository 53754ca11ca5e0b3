package dev.crmschema.compiler.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.diag.Diagnostic;
import dev.crmschema.compiler.diag.DiagnosticCode;
import dev.crmschema.compiler.source.MetadataFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects whose JAX-RS class names would clash are rejected before any Java is emitted. */
class ResourceClassCollisionTest {
    private static SchemaCompiler.Result check(String secondSingular, String secondPlural) {
        String workspace = "workspace:\n  name: clash\n  standardObjects: false\n"
                + "objects:\n"
                + "  - {nameSingular: pet, namePlural: pets, labelSingular: Pet, labelPlural: Pets,\n"
                + "     fields: [{name: name, label: Name, type: TEXT}]}\n"
                + "  - {nameSingular: " + secondSingular + ", namePlural: " + secondPlural + ", labelSingular: Other,"
                + " labelPlural: Others,\n"
                + "     fields: [{name: name, label: Name, type: TEXT}]}\n";
        return SchemaCompiler.check(new MetadataFiles(Map.of("workspace.yaml", workspace)));
    }

    @Test
    void anObjectNamedLikeAnotherObjectsBatchResourceIsRejected() {
        SchemaCompiler.Result result = check("petBatch", "petBatches");
        assertFalse(result.succeeded());
        List<Diagnostic> collisions = result.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.NAME_COLLISION).toList();
        assertEquals(1, collisions.size(), result.diagnostics().toString());
        assertTrue(collisions.get(0).message().contains("'PetBatchResource'"), collisions.get(0).message());
    }

    @Test
    void distinctClassNamesPass() {
        SchemaCompiler.Result result = check("petCage", "petCages");
        assertTrue(result.succeeded(), result.diagnostics().toString());
    }
}
