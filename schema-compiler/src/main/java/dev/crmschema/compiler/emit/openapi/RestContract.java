package dev.crmschema.compiler.emit.openapi;

import java.util.List;

/**
 * The numbers and grammar words of the REST contract that the documents state (reference contract,
 * sections 1.3 to 1.5 and 8, with the project's own limits where it differs from the reference system).
 */
final class RestContract {
    private RestContract() {}

    static final int DEFAULT_PAGE_SIZE = 60;
    static final int MAX_PAGE_SIZE = 200;
    /** Records per create-many request; the project's default (the reference system allows 200). */
    static final int MAX_BATCH_RECORDS = 60;
    /** Records one update, delete or restore by filter may touch; more is refused, nothing changes. */
    static final int MAX_AFFECTED_RECORDS = 200;
    /** Rows of a to-many relation nested in a record at depth 1. */
    static final int MAX_NESTED_RECORDS = 60;
    static final int RATE_LIMIT_PER_MINUTE = 100;
    static final int METADATA_PAGE_SIZE = 1000;

    /** Filter comparators, in the order the reference system lists them in its error message. */
    static final List<String> COMPARATORS = List.of(
            "eq", "neq", "in", "containsAny", "is", "gt", "gte", "lt", "lte", "startsWith", "endsWith", "like", "ilike");

    static final List<String> ORDER_DIRECTIONS = List.of("AscNullsFirst", "AscNullsLast", "DescNullsFirst", "DescNullsLast");

    static final String DEFAULT_ORDER_DIRECTION = "AscNullsFirst";

    /** Date buckets of group-by (reference contract, section 1.8). */
    static final List<String> DATE_GRANULARITIES = List.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "DAY_OF_THE_WEEK",
            "MONTH_OF_THE_YEAR", "QUARTER_OF_THE_YEAR");

    /** Most records one merge takes ({@code MUTATION_MAX_MERGE_RECORDS}). */
    static final int MAX_MERGE_RECORDS = 9;
}
