package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.FixedValues;
import dev.crmschema.compiler.model.ObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {
    private final ObjectType pet = Showcase.object("pet");

    @Test
    void buildsPathsForAtomicFieldsJoinColumnsAndSubFields() {
        FieldPath species = FieldPath.of(pet.field("species").orElseThrow());
        assertEquals("species", species.display());
        assertEquals(List.of("DOG", "CAT", "BIRD", "RABBIT"), species.enumValues());

        FieldPath shelter = FieldPath.of(pet.field("shelter").orElseThrow());
        assertEquals("shelterId", shelter.display());
        assertEquals(FieldKind.UUID, shelter.kind());

        Field createdBy = pet.field("createdBy").orElseThrow();
        FieldPath source = FieldPath.of(createdBy, createdBy.kind().property("source").orElseThrow());
        assertEquals("createdBy.source", source.display());
        assertEquals("createdBySource", source.column().name());
        assertEquals(FieldKind.SELECT, source.kind());
        assertEquals(FixedValues.ACTOR_SOURCES, source.enumValues());

        assertEquals(FixedValues.RATING_VALUES, FieldPath.of(pet.field("friendliness").orElseThrow()).enumValues());
    }

    @Test
    void refusesFieldsWithoutExactlyOneColumn() {
        assertThrows(IllegalArgumentException.class, () -> FieldPath.of(pet.field("monthlyCost").orElseThrow()));
        assertThrows(IllegalArgumentException.class, () -> FieldPath.of(pet.field("visits").orElseThrow()));
        Field name = pet.field("name").orElseThrow();
        assertThrows(IllegalArgumentException.class,
                () -> FieldPath.of(name, FieldKind.FULL_NAME.property("firstName").orElseThrow()));
    }
}
