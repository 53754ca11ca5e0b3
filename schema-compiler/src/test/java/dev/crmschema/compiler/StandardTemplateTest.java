package dev.crmschema.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardTemplateTest {
    @Test
    void anEmptyWorkspaceGetsEveryStandardObjectWithItsSystemFields() {
        SchemaCompiler.Result result = SchemaCompiler.check(
                new MetadataFiles(Map.of("workspace.yaml", "workspace:\n  name: acme\n")));
        assertEquals(List.of(), result.diagnostics());
        Workspace workspace = result.workspace().orElseThrow();
        assertEquals(List.of("attachment", "company", "note", "noteTarget", "opportunity", "person", "task", "taskTarget",
                "workspaceMember"), workspace.objects().stream().map(ObjectType::nameSingular).toList());
        ObjectType person = workspace.require("person");
        assertEquals("person", person.tableName());
        Field company = person.field("company").orElseThrow();
        assertEquals("companyId", company.joinColumn().orElseThrow().name());
        assertEquals(List.of("emailsPrimaryEmail", "emailsAdditionalEmails"),
                person.field("emails").orElseThrow().columns().stream().map(c -> c.name()).toList());
        assertTrue(person.field("createdBy").orElseThrow().isSystem());
        assertEquals("id", person.fields().get(0).name());
    }
}
