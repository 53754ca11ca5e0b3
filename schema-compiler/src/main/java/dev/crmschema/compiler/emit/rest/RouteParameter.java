package dev.crmschema.compiler.emit.rest;

/**
 * One parameter of a generated resource method, passed unchanged to the runtime. Query parameters
 * stay raw strings so that the runtime, not JAX-RS, rejects bad values with the contract's messages
 * (a JAX-RS {@code int} parameter would turn {@code limit=aaa} into a 404).
 */
record RouteParameter(Source source, String wireName, String javaName) {
    enum Source {
        QUERY,
        PATH,
        BODY
    }

    static final RouteParameter ID = new RouteParameter(Source.PATH, "id", "id");
    static final RouteParameter FILTER = query("filter", "filter");
    static final RouteParameter ORDER_BY = query("order_by", "orderBy");
    static final RouteParameter LIMIT = query("limit", "limit");
    static final RouteParameter STARTING_AFTER = query("starting_after", "startingAfter");
    static final RouteParameter ENDING_BEFORE = query("ending_before", "endingBefore");
    static final RouteParameter DEPTH = query("depth", "depth");
    static final RouteParameter FIELDS = query("fields", "fields");
    static final RouteParameter UPSERT = query("upsert", "upsert");
    static final RouteParameter SOFT_DELETE = query("soft_delete", "softDelete");
    static final RouteParameter GROUP_BY = query("group_by", "groupBy");
    static final RouteParameter AGGREGATE = query("aggregate", "aggregate");
    static final RouteParameter INCLUDE_RECORDS_SAMPLE = query("include_records_sample", "includeRecordsSample");
    static final RouteParameter ORDER_BY_FOR_RECORDS = query("order_by_for_records", "orderByForRecords");
    static final RouteParameter VIEW_ID = query("view_id", "viewId");
    static final RouteParameter BODY = new RouteParameter(Source.BODY, "", "body");

    private static RouteParameter query(String wireName, String javaName) {
        return new RouteParameter(Source.QUERY, wireName, javaName);
    }
}
