package dev.crmschema.runtime.metadata;

import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cursor connections of the GraphQL metadata API ({@code edges {node cursor} pageInfo totalCount}) over
 * items already shaped as maps: {@code filter} ({@code and}, {@code or}, {@code id}, {@code fieldMetadataId},
 * {@code isCustom}, {@code isActive}, {@code isSystem}) selects, {@code paging} ({@code first}/{@code after} or
 * {@code last}/{@code before}, 10 items by default, 1000 at most) pages. Cursors are item ids.
 */
final class GraphqlConnections {
    private static final int DEFAULT_PAGE = 10;
    private static final int MAX_PAGE = 1000;

    private GraphqlConnections() {}

    static Map<String, Object> connection(List<Map<String, Object>> items, Map<String, Object> paging, Map<String, Object> filter) {
        List<Map<String, Object>> matching = items.stream().filter(item -> matches(item, filter == null ? Map.of() : filter)).toList();
        Map<String, Object> page = paging == null ? Map.of() : paging;
        Integer first = (Integer) page.get("first");
        Integer last = (Integer) page.get("last");
        if ((first != null && first < 0) || (last != null && last < 0)) {
            throw ApiException.badRequest("first and last must not be negative");
        }
        int from = 0;
        int to = matching.size();
        if (page.get("after") != null) {
            from = indexOf(matching, (String) page.get("after")) + 1;
        }
        if (page.get("before") != null) {
            to = indexOf(matching, (String) page.get("before"));
        }
        to = Math.max(from, to);
        if (last != null && first == null) {
            from = Math.max(from, to - Math.min(last, MAX_PAGE));
        } else {
            to = Math.min(to, from + Math.min(first == null ? DEFAULT_PAGE : first, MAX_PAGE));
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> node : matching.subList(from, to)) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("node", node);
            edge.put("cursor", node.get("id"));
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", to < matching.size());
        pageInfo.put("hasPreviousPage", from > 0);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("pageInfo", pageInfo);
        connection.put("totalCount", matching.size());
        return connection;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> item, Map<String, Object> filter) {
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            Object value = condition.getValue();
            if (value == null) {
                continue;
            }
            boolean ok = switch (condition.getKey()) {
                case "and" -> ((List<Map<String, Object>>) value).stream().allMatch(f -> matches(item, f));
                case "or" -> ((List<Map<String, Object>>) value).stream().anyMatch(f -> matches(item, f));
                case "id", "fieldMetadataId" -> matchesId((String) item.get(condition.getKey()), (Map<String, Object>) value);
                default -> matchesBoolean(item.get(condition.getKey()), (Map<String, Object>) value);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean matchesId(String id, Map<String, Object> comparison) {
        for (Map.Entry<String, Object> c : comparison.entrySet()) {
            Object operand = c.getValue();
            boolean ok = switch (c.getKey()) {
                case "eq" -> operand == null || id.equalsIgnoreCase((String) operand);
                case "neq" -> operand == null || !id.equalsIgnoreCase((String) operand);
                case "in" -> operand == null || ((List<String>) operand).stream().anyMatch(id::equalsIgnoreCase);
                case "notIn" -> operand == null || ((List<String>) operand).stream().noneMatch(id::equalsIgnoreCase);
                case "is" -> operand == null || Boolean.FALSE.equals(operand);
                case "isNot" -> operand == null || Boolean.TRUE.equals(operand);
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesBoolean(Object actual, Map<String, Object> comparison) {
        Object is = comparison.get("is");
        Object isNot = comparison.get("isNot");
        return (is == null || Objects.equals(actual, is)) && (isNot == null || !Objects.equals(actual, isNot));
    }

    private static int indexOf(List<Map<String, Object>> items, String cursor) {
        for (int i = 0; i < items.size(); i++) {
            if (cursor.equalsIgnoreCase((String) items.get(i).get("id"))) {
                return i;
            }
        }
        throw ApiException.badRequest("Invalid cursor: " + cursor);
    }
}
