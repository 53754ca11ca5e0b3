package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.runtime.request.Cursor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a list read: the records in the requested order, each record's cursor values (same
 * index; values per order item, id last, in their Java types, for the REST and GraphQL layers to
 * encode), the number of records matching the filter regardless of pagination (0 when the request
 * did not ask for it), and whether records exist beyond either end of the page. The records are shaped
 * in the form their reader asks for ({@link ShapedRecords}).
 */
public final class RecordPage {
    private final ShapedRecords records;
    private final List<Cursor> cursors;
    private final int totalCount;
    private final boolean hasNextPage;
    private final boolean hasPreviousPage;

    public RecordPage(List<ObjectNode> records, List<Cursor> cursors, int totalCount, boolean hasNextPage, boolean hasPreviousPage) {
        this(ShapedRecords.of(records), cursors, totalCount, hasNextPage, hasPreviousPage);
    }

    RecordPage(ShapedRecords records, List<Cursor> cursors, int totalCount, boolean hasNextPage, boolean hasPreviousPage) {
        if (records.size() != cursors.size()) {
            throw new IllegalArgumentException("one cursor per record");
        }
        this.records = records;
        this.cursors = List.copyOf(cursors);
        this.totalCount = totalCount;
        this.hasNextPage = hasNextPage;
        this.hasPreviousPage = hasPreviousPage;
    }

    /** The records as the contract's JSON records. */
    public List<ObjectNode> records() {
        return records.json();
    }

    /**
     * The records as a JSON array of the contract's records, for a response body: written when the body is
     * serialized, straight from the rows unless {@link #records} made trees of them.
     */
    public JsonSerializable recordsJson() {
        return records;
    }

    /** The records as the GraphQL support API's values ({@link PlainValues}): new, mutable maps on every call. */
    public List<Map<String, Object>> values() {
        return records.values();
    }

    public List<Cursor> cursors() {
        return cursors;
    }

    public int totalCount() {
        return totalCount;
    }

    public boolean hasNextPage() {
        return hasNextPage;
    }

    public boolean hasPreviousPage() {
        return hasPreviousPage;
    }

    /** The first record's cursor values ({@code pageInfo.startCursor}); empty for an empty page. */
    public Optional<Cursor> startCursor() {
        return cursors.isEmpty() ? Optional.empty() : Optional.of(cursors.get(0));
    }

    /** The last record's cursor values ({@code pageInfo.endCursor}); empty for an empty page. */
    public Optional<Cursor> endCursor() {
        return cursors.isEmpty() ? Optional.empty() : Optional.of(cursors.get(cursors.size() - 1));
    }
}
