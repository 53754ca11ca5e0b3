package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.api.graphql.FindManyArgs;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.request.Cursor;
import dev.crmschema.runtime.request.CursorCodec;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Page;
import java.util.List;
import java.util.Optional;

/**
 * Checks and parses the arguments of a findMany root field or a ONE_TO_MANY connection field
 * ({@code filter, orderBy, first, last, before, after}) with the rules of the reference contract,
 * section 2.2: {@code first} with {@code last}, {@code before} with {@code after}, {@code before} with
 * {@code first} and {@code after} with {@code last} conflict, and neither count may be negative.
 * Cursors are the REST API's ({@link CursorCodec}), so a cursor from either API works in the other.
 * {@code offset} is refused: pages are keyset pages.
 */
final class ConnectionArguments {
    /** Page sizes: without {@code first}/{@code last}, and the most one page holds (larger sizes are clamped). */
    record PageSizes(int byDefault, int max) {}

    private final CursorCodec cursors = new CursorCodec();

    ConnectionQuery parse(ObjectType object, FindManyArgs args, SelectedFields selection, PageSizes sizes,
            Access access) {
        check(args);
        List<OrderItem> order = OrderByInput.read(object, args.orderBy());
        Integer requested = args.first() != null ? args.first() : args.last();
        int limit = Math.min(requested == null ? sizes.byDefault() : requested, sizes.max());
        Optional<Cursor> after = Optional.ofNullable(args.after()).map(c -> cursors.decode(order, c));
        Optional<Cursor> before = Optional.ofNullable(args.before()).map(c -> cursors.decode(order, c));
        boolean fromEnd = args.last() != null && before.isEmpty();
        return new ConnectionQuery(object, FilterInput.read(object, args.filter()), order, new Page(limit, after, before), fromEnd,
                Projections.connection(object, selection, access), AggregateCatalog.selected(object, selection),
                selectsTotalCount(selection));
    }

    private static boolean selectsTotalCount(SelectedFields selection) {
        return selection.contains(AggregateCatalog.TOTAL_COUNT);
    }

    private static void check(FindManyArgs args) {
        conflict(args.first() != null && args.last() != null, "first", "last");
        conflict(args.before() != null && args.after() != null, "before", "after");
        conflict(args.before() != null && args.first() != null, "before", "first");
        conflict(args.after() != null && args.last() != null, "after", "last");
        if (args.first() != null && args.first() < 0) {
            throw ApiException.badRequest("First argument must be non-negative", "INVALID_ARGS_FIRST");
        }
        if (args.last() != null && args.last() < 0) {
            throw ApiException.badRequest("Last argument must be non-negative", "INVALID_ARGS_LAST");
        }
        if (args.offset() != null && args.offset() != 0) {
            throw ApiException.badRequest("Argument offset is not supported: page with first/after or last/before cursors",
                    "INVALID_QUERY_INPUT");
        }
    }

    private static void conflict(boolean both, String one, String other) {
        if (both) {
            throw ApiException.badRequest("Cannot provide both " + one + " and " + other, "ARGS_CONFLICT");
        }
    }
}
