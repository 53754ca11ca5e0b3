package dev.crmschema.runtime.api.graphql;

import java.util.List;
import java.util.Map;

/**
 * The arguments of a findMany root field or a ONE_TO_MANY connection field, as plain values: the
 * filter and order inputs are maps keyed by GraphQL input field name (nested inputs are maps and
 * lists too, enum values are their names). Any argument the client left out is {@code null}.
 */
public record FindManyArgs(
        Map<String, Object> filter,
        List<Map<String, Object>> orderBy,
        Integer first,
        Integer last,
        Integer offset,
        String before,
        String after) {

    /** A field given no arguments. */
    public static final FindManyArgs NONE = new FindManyArgs(null, null, null, null, null, null, null);
}
