package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.runtime.request.Cursor;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list read: the shaped records in the requested order, each record's cursor values (same
 * index; values per order item, id last, in their Java types, for the REST and GraphQL layers to
 * encode), the number of records matching the filter regardless of pagination (0 when the request
 * did not ask for it), and whether records exist beyond either end of the page.
 */
public record RecordPage(
        List<ObjectNode> records, List<Cursor> cursors, int totalCount, boolean hasNextPage, boolean hasPreviousPage) {

    public RecordPage {
        records = List.copyOf(records);
        cursors = List.copyOf(cursors);
        if (records.size() != cursors.size()) {
            throw new IllegalArgumentException("one cursor per record");
        }
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
