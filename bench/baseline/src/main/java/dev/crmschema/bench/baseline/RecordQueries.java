package dev.crmschema.bench.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The REST operations of the benchmark in plain JDBC, doing the same database work as the real server
 * (same tables, columns and conditions, page size plus one, total count, one query per expanded relation,
 * each operation in one transaction) and answering in the same JSON. The SQL is what a developer writes
 * by hand: the page is ordered by {@code "id" asc}, which the primary key index serves.
 */
final class RecordQueries {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Most records of one ONE_TO_MANY relation expanded per parent, as the real server caps them. */
    private static final int MAX_RELATED_RECORDS = 60;

    /** A ONE_TO_MANY relation of person expanded at depth=1: its target table and join column there. */
    private record Expansion(String field, String table, String joinColumn, RecordShape shape, String sql) {}

    private final DataSource pool;
    private final String listCompanies;
    private final String countCompanies;
    private final String oneCompany;
    private final String insertCompany;
    private final String insertCompanies;
    private final String companiesInCity;
    private final String countCompaniesInCity;
    private final String listPeople;
    private final String countPeople;
    private final String companiesById;
    private final List<Expansion> personExpansions = new ArrayList<>();

    RecordQueries(DataSource pool, String schema) {
        this.pool = pool;
        String company = table(schema, "company");
        String person = table(schema, "person");
        listCompanies = "select " + Shapes.COMPANY.selectList(null) + " from " + company
                + " where \"deletedAt\" is null order by \"id\" asc fetch next ? rows only";
        countCompanies = "select count(*) from " + company + " where \"deletedAt\" is null";
        oneCompany = "select " + Shapes.COMPANY.selectList(null) + " from " + company
                + " where (\"id\" = cast(? as uuid) and \"deletedAt\" is null)";
        insertCompany = "insert into " + company + " (\"name\", \"createdBySource\", \"createdByWorkspaceMemberId\", "
                + "\"createdByName\", \"createdByContext\") values (?, cast(? as " + RecordShape.quote(schema) + "."
                + RecordShape.quote("company_createdBySource_enum") + "), cast(? as uuid), ?, cast(? as jsonb)) returning "
                + Shapes.COMPANY.selectList(null);
        // One statement for the whole batch: the names as one array parameter, rows returned in the batch's order.
        insertCompanies = "insert into " + company + " (\"name\", \"createdBySource\", \"createdByWorkspaceMemberId\", "
                + "\"createdByName\", \"createdByContext\") select n.name, cast(? as " + RecordShape.quote(schema) + "."
                + RecordShape.quote("company_createdBySource_enum") + "), cast(? as uuid), ?, cast(? as jsonb) "
                + "from unnest(cast(? as text[])) with ordinality as n(name, i) order by n.i returning "
                + Shapes.COMPANY.selectList(null);
        companiesInCity = "select " + Shapes.COMPANY.selectList(null) + " from " + company
                + " where \"addressAddressCity\" = ? and \"deletedAt\" is null and \"id\" > cast(? as uuid)"
                + " order by \"id\" asc fetch next ? rows only";
        countCompaniesInCity = "select count(*) from " + company + " where \"addressAddressCity\" = ? and \"deletedAt\" is null";
        listPeople = "select " + Shapes.PERSON.selectList(null) + " from " + person
                + " where \"deletedAt\" is null order by \"id\" asc fetch next ? rows only";
        countPeople = "select count(*) from " + person + " where \"deletedAt\" is null";
        companiesById = "select " + Shapes.COMPANY.selectList(null) + " from " + company
                + " where (\"id\" = any (cast(? as uuid[])) and \"deletedAt\" is null)";
        expansion("pointOfContactForOpportunities", table(schema, "opportunity"), "pointOfContactId", Shapes.OPPORTUNITY);
        expansion("noteTargets", table(schema, "noteTarget"), "personId", Shapes.NOTE_TARGET);
        expansion("taskTargets", table(schema, "taskTarget"), "personId", Shapes.TASK_TARGET);
        expansion("attachments", table(schema, "attachment"), "personId", Shapes.ATTACHMENT);
    }

    ObjectNode listCompanies(int limit) throws SQLException {
        try (Connection tx = begin()) {
            ObjectNode body = NODES.objectNode();
            ArrayNode records = body.putObject("data").putArray("companies");
            boolean more = false;
            try (PreparedStatement select = tx.prepareStatement(listCompanies)) {
                select.setInt(1, limit + 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (records.size() == limit) {
                            more = true;
                            break;
                        }
                        records.add(Shapes.COMPANY.read(rows, Map.of()));
                    }
                }
            }
            body.put("totalCount", count(tx, countCompanies));
            body.set("pageInfo", pageInfo(records, more));
            tx.commit();
            return body;
        }
    }

    ObjectNode oneCompany(UUID id) throws SQLException {
        try (Connection tx = begin(); PreparedStatement select = tx.prepareStatement(oneCompany)) {
            select.setObject(1, id);
            ObjectNode record;
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw HttpFailure.notFound();
                }
                record = Shapes.COMPANY.read(rows, Map.of());
            }
            tx.commit();
            return envelope("company", record);
        }
    }

    ObjectNode createCompany(String name, String actorName) throws SQLException {
        try (Connection tx = begin(); PreparedStatement insert = tx.prepareStatement(insertCompany)) {
            insert.setString(1, name);
            insert.setString(2, "API");
            insert.setObject(3, null);
            insert.setString(4, actorName);
            insert.setString(5, "{}");
            ObjectNode record;
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                record = Shapes.COMPANY.read(rows, Map.of());
            }
            tx.commit();
            return envelope("createCompany", record);
        }
    }

    /** Batch create: every record in one statement, in the order given. */
    ObjectNode createCompanies(List<String> names, String actorName) throws SQLException {
        try (Connection tx = begin(); PreparedStatement insert = tx.prepareStatement(insertCompanies)) {
            insert.setString(1, "API");
            insert.setObject(2, null);
            insert.setString(3, actorName);
            insert.setString(4, "{}");
            insert.setArray(5, tx.createArrayOf("text", names.toArray()));
            ArrayNode records = NODES.arrayNode();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    records.add(Shapes.COMPANY.read(rows, Map.of()));
                }
            }
            tx.commit();
            return envelope("createCompanies", records);
        }
    }

    /**
     * The companies of one city ({@code filter=address.addressCity[eq]:city}), a keyset page after the
     * cursor's id ({@code starting_after}); the total counts the filter's matches, not the page's.
     */
    ObjectNode companiesInCity(String city, UUID afterId, int limit) throws SQLException {
        try (Connection tx = begin()) {
            ObjectNode body = NODES.objectNode();
            ArrayNode records = body.putObject("data").putArray("companies");
            boolean more = false;
            try (PreparedStatement select = tx.prepareStatement(companiesInCity)) {
                select.setString(1, city);
                select.setObject(2, afterId == null ? new UUID(0L, 0L) : afterId);
                select.setInt(3, limit + 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (records.size() == limit) {
                            more = true;
                            break;
                        }
                        records.add(Shapes.COMPANY.read(rows, Map.of()));
                    }
                }
            }
            try (PreparedStatement count = tx.prepareStatement(countCompaniesInCity)) {
                count.setString(1, city);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    body.put("totalCount", row.getInt(1));
                }
            }
            ObjectNode pageInfo = pageInfo(records, more);
            pageInfo.put("hasPreviousPage", afterId != null);
            body.set("pageInfo", pageInfo);
            tx.commit();
            return body;
        }
    }

    ObjectNode listPeople(int limit, boolean expand) throws SQLException {
        try (Connection tx = begin()) {
            ObjectNode body = NODES.objectNode();
            ArrayNode records = body.putObject("data").putArray("people");
            List<UUID> ids = new ArrayList<>();
            List<UUID> companyIds = new ArrayList<>();
            // Relation slots hold their place in the record until the expansion queries fill them.
            Map<String, JsonNode> slots = new LinkedHashMap<>();
            if (expand) {
                slots.put("company", NODES.nullNode());
                personExpansions.forEach(e -> slots.put(e.field(), NODES.nullNode()));
            }
            boolean more = false;
            try (PreparedStatement select = tx.prepareStatement(listPeople)) {
                select.setInt(1, limit + 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (records.size() == limit) {
                            more = true;
                            break;
                        }
                        records.add(Shapes.PERSON.read(rows, slots));
                        ids.add(rows.getObject(1, UUID.class));
                        companyIds.add(rows.getObject(Shapes.PERSON.indexOf("companyId"), UUID.class));
                    }
                }
            }
            body.put("totalCount", count(tx, countPeople));
            body.set("pageInfo", pageInfo(records, more));
            if (expand && !ids.isEmpty()) {
                expandCompanies(tx, records, companyIds);
                for (Expansion expansion : personExpansions) {
                    expandChildren(tx, records, ids, expansion);
                }
            }
            tx.commit();
            return body;
        }
    }

    private void expandCompanies(Connection tx, ArrayNode people, List<UUID> companyIds) throws SQLException {
        Set<UUID> distinct = new LinkedHashSet<>();
        companyIds.forEach(id -> {
            if (id != null) {
                distinct.add(id);
            }
        });
        Map<UUID, ObjectNode> byId = new HashMap<>();
        if (!distinct.isEmpty()) {
            try (PreparedStatement select = tx.prepareStatement(companiesById)) {
                select.setArray(1, uuids(tx, distinct));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byId.put(rows.getObject(1, UUID.class), Shapes.COMPANY.read(rows, Map.of()));
                    }
                }
            }
        }
        for (int i = 0; i < people.size(); i++) {
            ObjectNode company = companyIds.get(i) == null ? null : byId.get(companyIds.get(i));
            ((ObjectNode) people.get(i)).set("company", company == null ? NODES.nullNode() : company);
        }
    }

    private void expandChildren(Connection tx, ArrayNode people, List<UUID> ids, Expansion expansion) throws SQLException {
        Map<UUID, ArrayNode> byParent = new HashMap<>();
        int join = expansion.shape().indexOf(expansion.joinColumn());
        try (PreparedStatement select = tx.prepareStatement(expansion.sql())) {
            select.setArray(1, uuids(tx, new LinkedHashSet<>(ids)));
            select.setInt(2, MAX_RELATED_RECORDS);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID parent = rows.getObject(join, UUID.class);
                    byParent.computeIfAbsent(parent, p -> NODES.arrayNode()).add(expansion.shape().read(rows, Map.of()));
                }
            }
        }
        for (int i = 0; i < people.size(); i++) {
            ArrayNode children = byParent.get(ids.get(i));
            ((ObjectNode) people.get(i)).set(expansion.field(), children == null ? NODES.arrayNode() : children);
        }
    }

    /** Children ranked per parent inside the query, so one statement caps every parent's list. */
    private void expansion(String field, String table, String joinColumn, RecordShape shape) {
        String join = RecordShape.quote(joinColumn);
        String sql = "select " + shape.selectList("ranked") + " from (select " + shape.selectList(null)
                + ", row_number() over (partition by " + join + " order by \"position\" asc nulls last, \"id\" asc) as "
                + "\"__relationRank\" from " + table + " where (" + join + " = any (cast(? as uuid[])) and \"deletedAt\" is null)) "
                + "as \"ranked\" where \"ranked\".\"__relationRank\" <= ? order by \"ranked\"." + join
                + ", \"ranked\".\"__relationRank\"";
        personExpansions.add(new Expansion(field, table, joinColumn, shape, sql));
    }

    static Connection begin(DataSource pool) throws SQLException {
        Connection connection = pool.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private Connection begin() throws SQLException {
        return begin(pool);
    }

    private static int count(Connection tx, String sql) throws SQLException {
        try (PreparedStatement count = tx.prepareStatement(sql); ResultSet row = count.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Keyset cursors of the default order (by id): base64url of {"id":"..."}. */
    private static ObjectNode pageInfo(ArrayNode records, boolean hasNextPage) {
        ObjectNode info = NODES.objectNode();
        info.put("hasNextPage", hasNextPage);
        info.put("hasPreviousPage", false);
        info.put("startCursor", records.isEmpty() ? null : cursor(records.get(0)));
        info.put("endCursor", records.isEmpty() ? null : cursor(records.get(records.size() - 1)));
        return info;
    }

    static String cursor(JsonNode record) {
        ObjectNode values = NODES.objectNode();
        values.set("id", record.get("id"));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id a cursor of the default order points at. */
    static UUID cursorId(String cursor) {
        try {
            return UUID.fromString(JSON.readTree(Base64.getUrlDecoder().decode(cursor)).path("id").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw HttpFailure.badRequest("Invalid cursor");
        }
    }

    static ObjectNode envelope(String key, JsonNode value) {
        ObjectNode body = NODES.objectNode();
        body.putObject("data").set(key, value);
        return body;
    }

    static Array uuids(Connection tx, Set<UUID> ids) throws SQLException {
        return tx.createArrayOf("uuid", ids.toArray());
    }

    static String table(String schema, String name) {
        return RecordShape.quote(schema) + "." + RecordShape.quote(name);
    }
}
