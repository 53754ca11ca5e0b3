package dev.crmschema.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FindManyRequestBuilderTest {
    private static final UUID ID = UUID.fromString("3f2c1a00-0000-4000-8000-0000000000aa");

    private final ObjectType person = Showcase.object("person");

    @Test
    void buildsTheDefaultsWhenNoParameterIsGiven() {
        FindManyRequest request = new FindManyRequestBuilder(person).build();
        assertEquals(person, request.object());
        assertEquals(Optional.empty(), request.filter());
        assertEquals("id AscNullsFirst", OrderByParserTest.render(request.order()));
        assertEquals(new Page(60, Optional.empty(), Optional.empty()), request.page());
        assertEquals(Projection.DEFAULT, request.projection());
    }

    @Test
    void parsesEveryParameter() {
        List<OrderItem> order = new OrderByParser().parse(person, "city[DescNullsLast]");
        String cursor = new CursorCodec().encode(order, new Cursor(Arrays.asList("Paris", ID)));
        FindManyRequest request = new FindManyRequestBuilder(person)
                .filter("city[eq]:Paris")
                .orderBy("city[DescNullsLast]")
                .limit("500")
                .startingAfter(cursor)
                .depth("1")
                .fields("name,company")
                .build();
        assertInstanceOf(Filter.And.class, request.filter().orElseThrow());
        assertEquals(order, request.order());
        assertEquals(200, request.page().limit());
        assertEquals(List.of("Paris", ID), request.page().after().orElseThrow().values());
        assertEquals(Optional.empty(), request.page().before());
        assertEquals(1, request.projection().depth());
        assertEquals(List.of("name", "company"), List.copyOf(request.projection().fields().orElseThrow()));
    }

    @Test
    void decodesEndingBeforeAgainstTheRequestedOrder() {
        List<OrderItem> order = new OrderByParser().parse(person, "name.lastName");
        String cursor = new CursorCodec().encode(order, new Cursor(Arrays.asList(null, ID)));
        FindManyRequest request = new FindManyRequestBuilder(person).orderBy("name.lastName").endingBefore(cursor).build();
        assertEquals(Arrays.asList(null, ID), request.page().before().orElseThrow().values());
        // The same cursor does not fit another ordering.
        ApiException error = assertThrows(ApiException.class,
                () -> new FindManyRequestBuilder(person).orderBy("city").endingBefore(cursor).build());
        assertEquals("INVALID_CURSOR", error.code().orElseThrow());
    }

    @Test
    void treatsABlankFilterAsNoFilter() {
        assertEquals(Optional.empty(), new FindManyRequestBuilder(person).filter("").build().filter());
        assertEquals(Optional.empty(), new FindManyRequestBuilder(person).filter("  ").build().filter());
    }

    @Test
    void refusesBothCursorsTogether() {
        ApiException error = assertThrows(ApiException.class,
                () -> new FindManyRequestBuilder(person).startingAfter("a").endingBefore("b").build());
        assertEquals("'starting_after' and 'ending_before' cannot be used together", error.getMessage());
    }

    @Test
    void passesEachParametersRefusalThrough() {
        assertEquals("limit 'x' is invalid. Should be an integer",
                refusal(new FindManyRequestBuilder(person).limit("x")));
        assertEquals("'depth=2' parameter invalid. Allowed values are 0, 1",
                refusal(new FindManyRequestBuilder(person).depth("2")));
        assertEquals("Invalid cursor: invalid-cursor", refusal(new FindManyRequestBuilder(person).startingAfter("invalid-cursor")));
        assertTrue(refusal(new FindManyRequestBuilder(person).orderBy("city[Up]")).startsWith("'order_by' direction 'Up'"));
        assertTrue(refusal(new FindManyRequestBuilder(person).filter("city[eq]")).startsWith("'filter' invalid for 'city[eq]'"));
        assertTrue(refusal(new FindManyRequestBuilder(person).fields("x")).startsWith("'fields' parameter invalid."));
    }

    @Test
    void usesTheFilterParserItIsGiven() {
        FilterParser strict = new FilterParser(1, 100, 1);
        assertTrue(refusal(new FindManyRequestBuilder(person, strict).filter("city[in]:[a,b]")).contains("at most 1 values"));
    }

    private static String refusal(FindManyRequestBuilder builder) {
        return assertThrows(ApiException.class, builder::build).getMessage();
    }
}
