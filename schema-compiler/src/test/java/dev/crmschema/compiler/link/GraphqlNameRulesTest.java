package dev.crmschema.compiler.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.diag.Diagnostic;
import dev.crmschema.compiler.diag.DiagnosticCode;
import dev.crmschema.compiler.source.MetadataFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names the generated GraphQL schema and its Java classes need for themselves. */
class GraphqlNameRulesTest {
    private static List<Diagnostic> check(String objects) {
        return SchemaCompiler.check(new MetadataFiles(Map.of("workspace.yaml", "workspace:\n  name: acme\n", "objects/x.yaml", objects)))
                .diagnostics();
    }

    private static String object(String singular, String plural, String field) {
        return "objects:\n  - nameSingular: " + singular + "\n    namePlural: " + plural
                + "\n    labelSingular: X\n    labelPlural: Xs\n    fields:\n      - {name: " + field + ", label: F, type: TEXT}\n";
    }

    @Test
    void aFieldCannotTakeTheNameOfAnObjectMethod() {
        List<Diagnostic> diagnostics = check(object("gadget", "gadgets", "hashCode"));
        assertEquals(List.of(DiagnosticCode.RESERVED_WORD), diagnostics.stream().map(Diagnostic::code).toList(), diagnostics.toString());
        assertTrue(diagnostics.get(0).message().contains("java.lang.Object"), diagnostics.get(0).message());
    }

    @Test
    void anObjectCannotTakeTheNameOfAFilterOrAResolverClass() {
        for (String singular : List.of("stringFilter", "queryResolver", "workspaceGraphql")) {
            List<Diagnostic> diagnostics = check(object(singular, singular + "s", "title"));
            assertTrue(diagnostics.stream().anyMatch(d -> d.code() == DiagnosticCode.NAME_COLLISION), singular + ": " + diagnostics);
        }
        List<Diagnostic> resolver = check(object("companyResolver", "companyResolvers", "title"));
        assertTrue(resolver.stream().anyMatch(d -> d.code() == DiagnosticCode.NAME_COLLISION && d.message().contains("'CompanyResolver'")),
                resolver.toString());
    }
}
