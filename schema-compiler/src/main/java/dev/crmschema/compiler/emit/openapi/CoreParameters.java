package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.string;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.type;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.support.Json;

/**
 * The query and path parameters of the core REST API (contract sections 1.3 to 1.7), shared by every
 * object's operations through {@code #/components/parameters}.
 */
final class CoreParameters {
    static final String FILTER = "filter";
    /** The same {@code filter} query parameter, required: bulk updates, deletes and restores need one. */
    static final String BULK_FILTER = "bulkFilter";
    static final String ORDER_BY = "orderBy";
    static final String LIMIT = "limit";
    static final String DEPTH = "depth";
    static final String STARTING_AFTER = "startingAfter";
    static final String ENDING_BEFORE = "endingBefore";
    static final String ID_PATH = "idPath";
    static final String FIELDS = "fields";
    static final String UPSERT = "upsert";
    static final String SOFT_DELETE = "softDelete";
    static final String GROUP_BY = "groupBy";
    static final String AGGREGATE = "aggregate";
    static final String GROUP_LIMIT = "groupLimit";
    static final String INCLUDE_RECORDS_SAMPLE = "includeRecordsSample";
    static final String ORDER_BY_FOR_RECORDS = "orderByForRecords";
    static final String VIEW_ID = "viewId";

    private CoreParameters() {}

    static void addTo(ObjectNode parameters) {
        parameters.set(FILTER, filter(false));
        parameters.set(BULK_FILTER, filter(true));
        parameters.set(ORDER_BY, orderBy());
        parameters.set(LIMIT, limit());
        parameters.set(DEPTH, depth());
        parameters.set(STARTING_AFTER, cursor("starting_after", "Returns the records after this cursor: pass the "
                + "`pageInfo.endCursor` of the previous page. Cursors are opaque; keep `order_by` the same between pages."));
        parameters.set(ENDING_BEFORE, cursor("ending_before", "Returns the last `limit` records before this cursor, "
                + "still in the requested order: pass the `pageInfo.startCursor` of the current page."));
        parameters.set(ID_PATH, idPath());
        parameters.set(FIELDS, fields());
        parameters.set(UPSERT, flag("upsert", "When true, a record that matches an existing one on `id` or on a unique "
                + "field is updated instead of created. One input matching several records is an error."));
        parameters.set(SOFT_DELETE, flag("soft_delete", "When true, records are soft-deleted (`deletedAt` is set and they "
                + "can be restored); by default they are destroyed for good."));
        parameters.set(GROUP_BY, groupBy());
        ObjectNode aggregate = query("aggregate", false, "A JSON array of aggregate names computed per group, named as the "
                + "GraphQL connection's fields: `totalCount`, `countEmptyX`, `countNotEmptyX`, `countUniqueValuesX`, "
                + "`percentageEmptyX`, `percentageNotEmptyX`, `minX`/`maxX` (numbers, dates, currency amounts), `avgX`/`sumX` "
                + "(numbers, currency amounts), `countTrueX`/`countFalseX` (booleans). Every group has `totalCount`.", string());
        aggregate.put("example", "[\"totalCount\",\"countNotEmptyId\"]");
        parameters.set(AGGREGATE, aggregate);
        ObjectNode groupLimit = query("limit", false, "Groups to return: " + RestContract.DEFAULT_PAGE_SIZE
                + " by default, at most " + RestContract.MAX_PAGE_SIZE + ".", type("integer").put("minimum", 0)
                .put("maximum", RestContract.MAX_PAGE_SIZE).put("default", RestContract.DEFAULT_PAGE_SIZE));
        parameters.set(GROUP_LIMIT, groupLimit);
        parameters.set(INCLUDE_RECORDS_SAMPLE, flag("include_records_sample", "When true, each group also lists its first "
                + RestContract.MAX_NESTED_RECORDS + " records as `records`, in `order_by_for_records` order."));
        ObjectNode orderByForRecords = query("order_by_for_records", false, "The order of each group's `records`, with the "
                + "syntax of `order_by`.", string());
        orderByForRecords.put("example", "createdAt[DescNullsLast]");
        parameters.set(ORDER_BY_FOR_RECORDS, orderByForRecords);
        parameters.set(VIEW_ID, query("view_id", false, "Saved views are not kept by this server: any value is refused; pass "
                + "the view's conditions as `filter`.", string("uuid")));
    }

    private static ObjectNode groupBy() {
        ObjectNode parameter = query("group_by", true, "A JSON array of the fields to group by, in order. `{\"field\":true}` "
                + "groups by a field or a relation's join column; a composite field names one sub-field "
                + "(`{\"address\":{\"addressCity\":true}}`); a date or timestamp may be bucketed with `{\"granularity\":G}` "
                + "(G one of " + String.join(", ", RestContract.DATE_GRANULARITIES) + ") and an IANA `timeZone` "
                + "(UTC by default). Arrays and JSON fields cannot be grouped by.", string());
        ObjectNode examples = parameter.putObject("examples");
        example(examples, "field", "One field", "[{\"createdBy\":{\"source\":true}}]");
        example(examples, "date", "Creation day of the week, in Paris",
                "[{\"createdAt\":{\"granularity\":\"DAY_OF_THE_WEEK\",\"timeZone\":\"Europe/Paris\"}}]");
        return parameter;
    }

    private static ObjectNode filter(boolean required) {
        ObjectNode parameter = query("filter", required, (required
                ? "Selects the records to change; required, so that no call changes every record by accident. "
                : "Selects the records to return. ")
                + "Conditions are `field[comparator]:value`, separated by commas (all must hold) or grouped with "
                + "`and(...)`, `or(...)` and `not(...)`. Comparators: " + String.join(", ", RestContract.COMPARATORS)
                + ". Quote strings and dates, write numbers and booleans bare, lists as `[a,b]`, and `is` takes "
                + "NULL or NOT_NULL. Composite sub-fields are dotted (`emails.primaryEmail`); relations are filtered "
                + "through their join column (`companyId`). Soft-deleted records are included only when the filter "
                + "mentions `deletedAt`. The API description has the full grammar.", string());
        ObjectNode examples = parameter.putObject("examples");
        example(examples, "equals", "One condition", "name[eq]:\"Acme\"");
        example(examples, "several", "Several conditions, all must hold", "employees[gte]:50,createdAt[gt]:\"2025-01-01T00:00:00Z\"");
        example(examples, "or", "Either condition", "or(stage[eq]:NEW,stage[in]:[MEETING,PROPOSAL])");
        example(examples, "not", "Negation (exactly one condition)", "not(deletedAt[is]:NULL)");
        example(examples, "composite", "A composite sub-field", "emails.primaryEmail[ilike]:\"%@example.com\"");
        example(examples, "relation", "A to-one relation, through its join column", "companyId[eq]:\"8d9a6c1e-2f4b-4c3d-9e8f-0a1b2c3d4e5f\"");
        return parameter;
    }

    private static ObjectNode orderBy() {
        ObjectNode parameter = query("order_by", false, "Comma-separated fields, each optionally followed by a direction in brackets: "
                + String.join(", ", RestContract.ORDER_DIRECTIONS) + ". The default direction is "
                + RestContract.DEFAULT_ORDER_DIRECTION + "; composite sub-fields are dotted; `id` is always added as the "
                + "last tie-breaker, so pages are stable.", string());
        ObjectNode examples = parameter.putObject("examples");
        example(examples, "simple", "One field, default direction", "createdAt");
        example(examples, "directions", "Several fields with directions", "name[AscNullsLast],createdAt[DescNullsFirst]");
        example(examples, "composite", "A composite sub-field", "name.lastName[AscNullsLast]");
        return parameter;
    }

    private static ObjectNode limit() {
        ObjectNode schema = type("integer").put("minimum", 0).put("maximum", RestContract.MAX_PAGE_SIZE)
                .put("default", RestContract.DEFAULT_PAGE_SIZE);
        ObjectNode parameter = query("limit", false, "Records per page: " + RestContract.DEFAULT_PAGE_SIZE + " by default, at most "
                + RestContract.MAX_PAGE_SIZE + " (larger values are lowered to " + RestContract.MAX_PAGE_SIZE + ").", schema);
        parameter.put("example", 20);
        return parameter;
    }

    private static ObjectNode depth() {
        ObjectNode schema = type("integer").put("default", 0);
        schema.putArray("enum").add(0).add(1);
        ObjectNode parameter = query("depth", false, "0 (the default): fields and join columns only. 1: also the related records, a "
                + "to-one relation as an object and a to-many relation as a list of at most "
                + RestContract.MAX_NESTED_RECORDS + " records; nested records carry no relations of their own.", schema);
        parameter.put("example", 1);
        return parameter;
    }

    private static ObjectNode cursor(String name, String description) {
        ObjectNode parameter = query(name, false, description, string());
        parameter.put("example", ExampleValues.cursor(ExampleValues.uuid("cursor")));
        return parameter;
    }

    private static ObjectNode idPath() {
        ObjectNode parameter = Json.object().put("name", "id").put("in", "path").put("required", true)
                .put("description", "The record's id.");
        parameter.set("schema", string("uuid"));
        parameter.put("example", ExampleValues.uuid("id"));
        return parameter;
    }

    private static ObjectNode fields() {
        ObjectNode parameter = query("fields", false, "Comma-separated fields to return; `id` always comes back. A composite field comes "
                + "whole; a relation field gives its join column, or with `depth=1` the related records (only relations "
                + "listed here are expanded). Unknown or unreadable fields are an error.", string());
        parameter.put("example", "id,name,createdAt");
        return parameter;
    }

    private static ObjectNode flag(String name, String description) {
        ObjectNode parameter = query(name, false, description, type("boolean").put("default", false));
        parameter.put("example", true);
        return parameter;
    }

    private static ObjectNode query(String name, boolean required, String description, ObjectNode schema) {
        ObjectNode parameter = Json.object().put("name", name).put("in", "query").put("required", required);
        parameter.put("description", description);
        parameter.set("schema", schema);
        return parameter;
    }

    private static void example(ObjectNode examples, String key, String summary, String value) {
        examples.putObject(key).put("summary", summary).put("value", value);
    }
}
