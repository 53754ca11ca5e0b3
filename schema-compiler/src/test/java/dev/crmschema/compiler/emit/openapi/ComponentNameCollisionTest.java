package dev.crmschema.compiler.emit.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.diag.DiagnosticCode;
import dev.crmschema.compiler.source.MetadataFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An object whose schema name equals another object's create schema is refused, not emitted twice. */
class ComponentNameCollisionTest {
    @Test
    void anObjectNamedLikeACreateSchemaIsANameCollision() {
        MetadataFiles files = new MetadataFiles(Map.of(MetadataFiles.WORKSPACE_FILE, String.join("\n",
                "workspace: {name: clash, displayName: Clash}",
                "objects:",
                "  - {nameSingular: companyForCreate, namePlural: companyForCreates, labelSingular: X, labelPlural: Xs}",
                "")));
        SchemaCompiler.Result result = SchemaCompiler.check(files);
        assertFalse(result.succeeded());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.NAME_COLLISION
                && d.message().contains("CompanyForCreate")), result.diagnostics().toString());
    }
}
