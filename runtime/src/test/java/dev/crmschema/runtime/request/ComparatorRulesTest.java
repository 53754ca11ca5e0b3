package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every comparator against one path of every kind: accepted exactly when the table says so. */
class ComparatorRulesTest {
    private static final String ORDERED = "eq neq in is gt gte lt lte";

    static Stream<Arguments> table() {
        return Stream.of(
                arguments("name", "a", "eq neq in is gt gte lt lte startsWith endsWith like ilike"),
                arguments("caretakerName.firstName", "a", "eq neq in is gt gte lt lte startsWith endsWith like ilike"),
                arguments("externalId", "6dd71a46-0000-4000-8000-000000000001", ORDERED),
                arguments("shelterId", "6dd71a46-0000-4000-8000-000000000001", ORDERED),
                arguments("weightKg", "1", ORDERED),
                arguments("vaccinationCount", "1", ORDERED),
                arguments("adoptionFee", "1", ORDERED),
                arguments("monthlyCost.amountMicros", "1", ORDERED),
                arguments("kennelOrder", "1", ORDERED),
                arguments("arrivedAt", "2024-01-01", ORDERED),
                arguments("birthday", "2024-01-01", ORDERED),
                arguments("isAdopted", "true", "eq neq is"),
                arguments("species", "DOG", "eq neq in is"),
                arguments("friendliness", "RATING_1", "eq neq in is"),
                arguments("createdBy.source", "API", "eq neq in is"),
                arguments("colors", "BLACK", "containsAny is"),
                arguments("tags", "a", "containsAny is"),
                arguments("traits", "a", "is like ilike"),
                arguments("ownerEmails.additionalEmails", "a", "is like ilike"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("table")
    void acceptsExactlyTheComparatorsOfItsKind(String path, String value, String allowed) {
        FilterParser parser = new FilterParser();
        List<String> accepted = new ArrayList<>();
        for (Comparator comparator : Comparator.values()) {
            String operand = switch (comparator) {
                case IS -> "NULL";
                case IN, CONTAINS_ANY -> "[" + value + "]";
                default -> value;
            };
            try {
                parser.parse(Showcase.object("pet"), path + "[" + comparator.token() + "]:" + operand);
                accepted.add(comparator.token());
            } catch (ApiException refused) {
                // refused: not in the accepted list
            }
        }
        assertEquals(allowed, String.join(" ", accepted));
    }
}
