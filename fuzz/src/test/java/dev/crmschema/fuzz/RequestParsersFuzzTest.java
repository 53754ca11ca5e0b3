package dev.crmschema.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.request.CursorCodec;
import dev.crmschema.runtime.request.FilterParser;
import dev.crmschema.runtime.request.OrderByParser;
import dev.crmschema.runtime.request.OrderItem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The REST request parsers on any input, against every object of the example workspaces: each input is
 * either parsed or refused with an {@link ApiException} (a 400); any other exception is a finding.
 * The first input byte picks the object.
 */
class RequestParsersFuzzTest {
    private static final FilterParser FILTERS = new FilterParser();
    private static final OrderByParser ORDERS = new OrderByParser();
    private static final CursorCodec CURSORS = new CursorCodec();

    @FuzzTest(maxDuration = "3m")
    void filter(FuzzedDataProvider data) {
        ObjectType object = pick(data);
        String filter = data.consumeRemainingAsString();
        try {
            FILTERS.parse(object, filter);
        } catch (ApiException refused) {
            // a 400: expected for most inputs
        }
    }

    @FuzzTest(maxDuration = "3m")
    void orderBy(FuzzedDataProvider data) {
        ObjectType object = pick(data);
        String orderBy = data.consumeRemainingAsString();
        try {
            ORDERS.parse(object, orderBy);
        } catch (ApiException refused) {
            // a 400
        }
    }

    /** A cursor for an ordering that is valid (or the default), so decoding reaches the values. */
    @FuzzTest(maxDuration = "3m")
    void cursor(FuzzedDataProvider data) {
        ObjectType object = pick(data);
        List<OrderItem> order;
        try {
            order = ORDERS.parse(object, data.consumeString(64));
        } catch (ApiException refused) {
            order = ORDERS.parse(object, null);
        }
        String cursor = data.consumeRemainingAsString();
        try {
            CURSORS.decode(order, cursor);
        } catch (ApiException refused) {
            // a 400 INVALID_CURSOR
        }
        // A cursor of raw JSON, base64-encoded here, reaches the value readers more often than random text.
        try {
            CURSORS.decode(order, Base64.getEncoder().encodeToString(cursor.getBytes(StandardCharsets.UTF_8)));
        } catch (ApiException refused) {
            // a 400 INVALID_CURSOR
        }
    }

    private static ObjectType pick(FuzzedDataProvider data) {
        return Models.OBJECTS.get(data.consumeInt(0, Models.OBJECTS.size() - 1));
    }
}
