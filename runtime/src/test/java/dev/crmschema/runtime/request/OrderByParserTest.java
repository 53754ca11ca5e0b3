package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.crmschema.runtime.errors.ApiException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderByParserTest {
    private static final String EXAMPLE = "eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3";

    private final OrderByParser parser = new OrderByParser();

    static Stream<Arguments> orderings() {
        return Stream.of(
                arguments("person", null, "id AscNullsFirst"),
                arguments("person", "", "id AscNullsFirst"),
                arguments("person", "  ", "id AscNullsFirst"),
                arguments("person", "city", "city AscNullsFirst, id AscNullsFirst"),
                arguments("person", "city[DescNullsLast]", "city DescNullsLast, id AscNullsFirst"),
                arguments("person", "city,jobTitle[AscNullsLast],name.lastName[DescNullsFirst]",
                        "city AscNullsFirst, jobTitle AscNullsLast, name.lastName DescNullsFirst, id AscNullsFirst"),
                arguments("person", " city [DescNullsLast] , createdAt ", "city DescNullsLast, createdAt AscNullsFirst, id AscNullsFirst"),
                arguments("person", "companyId[DescNullsLast]", "companyId DescNullsLast, id AscNullsFirst"),
                arguments("person", "id[DescNullsLast]", "id DescNullsLast"),
                arguments("person", "id,city", "id AscNullsFirst, city AscNullsFirst"),
                arguments("pet", "monthlyCost.amountMicros[DescNullsLast],species,colors,tags,traits,isAdopted",
                        "monthlyCost.amountMicros DescNullsLast, species AscNullsFirst, colors AscNullsFirst, tags AscNullsFirst,"
                                + " traits AscNullsFirst, isAdopted AscNullsFirst, id AscNullsFirst"),
                arguments("pet", "createdBy.source", "createdBy.source AscNullsFirst, id AscNullsFirst"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("orderings")
    void parsesOrderingsAndAppendsIdAsTheTieBreaker(String object, String orderBy, String expected) {
        assertEquals(expected, render(parser.parse(Showcase.object(object), orderBy)));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("person", "city[Foo]", "'order_by' direction 'Foo' invalid. Allowed values are 'AscNullsFirst',"
                        + " 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. " + EXAMPLE),
                // The direction is checked first, as in the contract's example with an unknown field.
                arguments("person", "x[asc]", "'order_by' direction 'asc' invalid. Allowed values are 'AscNullsFirst',"
                        + " 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. " + EXAMPLE),
                arguments("person", "city[]", "'order_by' direction '' invalid. Allowed values are 'AscNullsFirst',"
                        + " 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. " + EXAMPLE),
                arguments("person", "city[AscNullsFirst", "'order_by' invalid for 'city[AscNullsFirst'. " + EXAMPLE),
                arguments("person", "city,,jobTitle", "'order_by' invalid for ''. " + EXAMPLE),
                arguments("person", "city,", "'order_by' invalid for ''. " + EXAMPLE),
                arguments("person", "name[AscNullsLast]", "'order_by' invalid for 'name[AscNullsLast]', field 'name' of"
                        + " 'person' is composite: use one of its sub-fields name.firstName, name.lastName"),
                arguments("person", "company", "'order_by' invalid for 'company', field 'company' of 'person' is a relation:"
                        + " use its join column 'companyId'"),
                arguments("person", "company.name", "'order_by' invalid for 'company.name', cannot filter or order through the"
                        + " relation 'company': only its join column 'companyId' can be used"),
                arguments("company", "people", "'order_by' invalid for 'people', field 'people' of 'company' is a ONE_TO_MANY"
                        + " relation: it cannot be used to filter or order"),
                arguments("person", "cty", "'order_by' invalid for 'cty', field 'cty' does not exist in 'person' object,"
                        + " did you mean 'city'?"),
                arguments("person", "searchVector", "'order_by' invalid for 'searchVector', field 'searchVector' of type"
                        + " TS_VECTOR cannot be used to filter or order"),
                arguments("person", "city,city[DescNullsLast]", "'order_by' invalid for 'city[DescNullsLast]', 'city' is"
                        + " already ordered on"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusals")
    void refusesWithTheExactMessage(String object, String orderBy, String message) {
        ApiException error = assertThrows(ApiException.class, () -> parser.parse(Showcase.object(object), orderBy));
        assertEquals(400, error.status());
        assertEquals(message, error.getMessage());
    }

    @Test
    void appendsTheTieBreakerToOrderingsBuiltElsewhere() {
        FieldPath city = FieldPath.of(Showcase.object("person").field("city").orElseThrow());
        List<OrderItem> order = OrderByParser.withIdTieBreaker(
                Showcase.object("person"), List.of(new OrderItem(city, OrderDirection.DescNullsFirst)));
        assertEquals("city DescNullsFirst, id AscNullsFirst", render(order));
    }

    static String render(List<OrderItem> order) {
        return String.join(", ", order.stream().map(i -> i.path().display() + " " + i.direction()).toList());
    }
}
