package dev.crmschema.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.RelationType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExampleWorkspacesTest {
    @Test
    void theShowcaseUsesEveryFieldTypeAndBothRelationKindsInCustomObjects() {
        Workspace showcase = ExampleWorkspaces.showcase();
        Set<FieldKind> used = showcase.objects().stream().filter(ObjectType::isCustom)
                .flatMap(o -> o.fields().stream()).map(f -> f.kind())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FieldKind.class)));
        assertEquals(EnumSet.allOf(FieldKind.class), used);
        Set<RelationType> relations = showcase.objects().stream().filter(ObjectType::isCustom)
                .flatMap(o -> o.fields().stream()).flatMap(f -> f.relation().stream()).map(r -> r.type())
                .collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(RelationType.class), relations);
        assertTrue(showcase.require("person").field("adoptedPets").orElseThrow().isCustom());
        assertEquals("_pet", showcase.require("pet").tableName());
    }

    @Test
    void theStandardExampleHasOnlyStandardObjects() {
        assertTrue(ExampleWorkspaces.standard().objects().stream().noneMatch(ObjectType::isCustom));
    }
}
