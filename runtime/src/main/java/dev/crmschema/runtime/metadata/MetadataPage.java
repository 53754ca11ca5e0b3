package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.runtime.errors.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A page of a metadata list (contract section 3.1): {@code limit} items (1000 by default and at most),
 * after or before the item whose id is the cursor, answered as {@code {data, pageInfo, totalCount}}
 * where the cursors are the ids of the first and last item.
 */
public final class MetadataPage {
    /** Default and largest page size of metadata lists. */
    public static final int MAX_LIMIT = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int limit;
    private final Optional<UUID> startingAfter;
    private final Optional<UUID> endingBefore;

    private MetadataPage(int limit, Optional<UUID> startingAfter, Optional<UUID> endingBefore) {
        this.limit = limit;
        this.startingAfter = startingAfter;
        this.endingBefore = endingBefore;
    }

    /** Parses the raw query parameters; any of them may be null. */
    public static MetadataPage parse(String limit, String startingAfter, String endingBefore) {
        if (startingAfter != null && endingBefore != null) {
            throw ApiException.badRequest("'starting_after' and 'ending_before' cannot be used together.");
        }
        return new MetadataPage(limit(limit), cursor(startingAfter), cursor(endingBefore));
    }

    /** The page of {@code items} (in their list order) this request asks for. */
    public <T> ObjectNode answer(List<T> items, Function<T, UUID> id, Function<T, JsonNode> json) {
        int from = 0;
        int to = items.size();
        if (startingAfter.isPresent()) {
            from = indexOf(items, id, startingAfter.get()) + 1;
            to = Math.min(items.size(), from + limit);
        } else if (endingBefore.isPresent()) {
            to = indexOf(items, id, endingBefore.get());
            from = Math.max(0, to - limit);
        } else {
            to = Math.min(items.size(), limit);
        }
        List<T> page = items.subList(from, to);
        ObjectNode answer = NODES.objectNode();
        ArrayNode data = answer.putArray("data");
        page.forEach(item -> data.add(json.apply(item)));
        ObjectNode info = answer.putObject("pageInfo");
        info.put("hasNextPage", to < items.size());
        info.put("hasPreviousPage", from > 0);
        info.put("startCursor", page.isEmpty() ? null : id.apply(page.get(0)).toString());
        info.put("endCursor", page.isEmpty() ? null : id.apply(page.get(page.size() - 1)).toString());
        answer.put("totalCount", items.size());
        return answer;
    }

    private static <T> int indexOf(List<T> items, Function<T, UUID> id, UUID cursor) {
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(cursor)) {
                return i;
            }
        }
        throw ApiException.badRequest("Invalid cursor: " + cursor);
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return MAX_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit < 0) {
                throw new NumberFormatException(raw);
            }
            return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit '" + raw + "' is invalid. Should be an integer");
        }
    }

    private static Optional<UUID> cursor(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(WorkspaceMetadata.parseId(raw).orElseThrow(() -> ApiException.badRequest("Invalid cursor: " + raw)));
    }
}
