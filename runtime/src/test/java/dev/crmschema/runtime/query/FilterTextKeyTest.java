package dev.crmschema.runtime.query;

import static dev.crmschema.runtime.query.Requests.and;
import static dev.crmschema.runtime.query.Requests.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Comparator;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.testing.ExampleWorkspaces;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link FilterConditions#textKey}: filtered pages share a rendered statement per key, so two filters may
 * only share a key when their SQL text is the same. Values that are only bound must not split keys;
 * values the text depends on must.
 */
class FilterTextKeyTest {
    private static final ObjectType PET = ExampleWorkspaces.model("showcase").require("pet");

    @Test
    void filtersThatDifferOnlyInBoundValuesShareAKey() {
        assertSameKey(where(PET, "name", Comparator.EQ, "Rex"), where(PET, "name", Comparator.EQ, "Tom"));
        assertSameKey(and(where(PET, "weightKg", Comparator.GT, 3.0), where(PET, "name", Comparator.ILIKE, "%r%")),
                and(where(PET, "weightKg", Comparator.GT, 40.5), where(PET, "name", Comparator.ILIKE, "t%")));
        // On an array column the list is one bound array, whatever its length.
        assertSameKey(where(PET, "colors", Comparator.CONTAINS_ANY, List.of("BLACK")),
                where(PET, "colors", Comparator.CONTAINS_ANY, List.of("BLACK", "WHITE")));
    }

    @Test
    void filtersWhoseTextDiffersGetDifferentKeys() {
        assertDifferentKeys(where(PET, "name", Comparator.IS, Filter.IsValue.NULL),
                where(PET, "name", Comparator.IS, Filter.IsValue.NOT_NULL));
        assertDifferentKeys(where(PET, "species", Comparator.IN, List.of("DOG")),
                where(PET, "species", Comparator.IN, List.of("DOG", "CAT")));
        assertDifferentKeys(where(PET, "species", Comparator.IN, Arrays.asList("DOG", null)),
                where(PET, "species", Comparator.IN, List.of("DOG", "CAT")));
        assertDifferentKeys(where(PET, "tags", Comparator.IS_EMPTY_ARRAY, true),
                where(PET, "tags", Comparator.IS_EMPTY_ARRAY, false));
        assertDifferentKeys(where(PET, "name", Comparator.EQ, "Rex"), where(PET, "nickname", Comparator.EQ, "Rex"));
        assertDifferentKeys(where(PET, "name", Comparator.EQ, "Rex"), where(PET, "name", Comparator.NEQ, "Rex"));
        assertDifferentKeys(and(where(PET, "name", Comparator.EQ, "Rex")),
                new Filter.Or(List.of(where(PET, "name", Comparator.EQ, "Rex"))));
        assertDifferentKeys(and(where(PET, "name", Comparator.EQ, "Rex"), where(PET, "name", Comparator.EQ, "Tom")),
                and(and(where(PET, "name", Comparator.EQ, "Rex")), where(PET, "name", Comparator.EQ, "Tom")));
        assertDifferentKeys(new Filter.Not(where(PET, "name", Comparator.EQ, "Rex")), where(PET, "name", Comparator.EQ, "Rex"));
        assertNotEquals(FilterConditions.textKey(Optional.empty()),
                FilterConditions.textKey(Optional.of(new Filter.And(List.of()))));
    }

    private static void assertSameKey(Filter a, Filter b) {
        assertEquals(FilterConditions.textKey(Optional.of(a)), FilterConditions.textKey(Optional.of(b)));
    }

    private static void assertDifferentKeys(Filter a, Filter b) {
        assertNotEquals(FilterConditions.textKey(Optional.of(a)), FilterConditions.textKey(Optional.of(b)));
    }
}
