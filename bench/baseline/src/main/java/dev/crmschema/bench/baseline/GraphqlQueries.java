package dev.crmschema.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The GraphQL workloads of the benchmark, by hand: no GraphQL engine, one method per fixed operation of
 * {@code bench/api/graphql/} (chosen by its operation name), plain JDBC and the JSON the real server
 * answers for that query. A relation costs one statement for the whole page, as a developer batches it.
 */
final class GraphqlQueries {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Most records of a nested ONE_TO_MANY connection, as the real server caps them. */
    private static final int NESTED_LIMIT = 60;

    private final DataSource pool;
    private final String listCompanies;
    private final String countCompanies;
    private final String companyById;
    private final String listPeople;
    private final String companiesById;
    private final String companiesNested;
    private final String peopleOfCompanies;
    private final String opportunitiesOfCompanies;
    private final String insertCompanies;

    GraphqlQueries(DataSource pool, String schema) {
        this.pool = pool;
        String company = RecordQueries.table(schema, "company");
        String person = RecordQueries.table(schema, "person");
        String live = " where \"deletedAt\" is null";
        listCompanies = "select " + Shapes.COMPANY_CARD.selectList(null) + " from " + company + live
                + " order by \"id\" fetch next ? rows only";
        countCompanies = "select count(*) from " + company + live;
        companyById = "select " + Shapes.COMPANY_CARD.selectList(null) + " from " + company + live + " and \"id\" = ?";
        listPeople = "select " + Shapes.PERSON_CARD.selectList(null) + ", \"companyId\" from " + person + live
                + " order by \"id\" fetch next ? rows only";
        companiesById = "select " + Shapes.COMPANY_NAME.selectList(null) + " from " + company + live
                + " and \"id\" = any (cast(? as uuid[]))";
        companiesNested = "select " + Shapes.COMPANY_NESTED.selectList(null) + " from " + company + live
                + " order by \"id\" fetch next ? rows only";
        peopleOfCompanies = childrenOf(person, Shapes.PERSON_NESTED);
        opportunitiesOfCompanies = childrenOf(RecordQueries.table(schema, "opportunity"), Shapes.OPPORTUNITY_NESTED);
        // Both create mutations insert from an array of names: one statement for one record or for sixty.
        insertCompanies = "insert into " + company + " (\"name\", \"createdBySource\", \"createdByName\", \"createdByContext\") "
                + "select n.name, cast('API' as " + RecordShape.quote(schema) + "." + RecordShape.quote("company_createdBySource_enum")
                + "), ?, cast('{}' as jsonb) from unnest(cast(? as text[])) with ordinality as n(name, i) order by n.i returning "
                + Shapes.COMPANY_CREATED.selectList(null);
    }

    /** Runs the operation {@code name} with its {@code variables}; the answer is the whole response body. */
    ObjectNode execute(String name, JsonNode variables, String actorName) throws SQLException {
        return switch (name == null ? "" : name) {
            case "ListCompanies" -> data("companies", listCompanies(20));
            case "CompanyById" -> data("company", companyById(UUID.fromString(variables.path("id").asText())));
            case "PeopleWithCompany" -> data("people", peopleWithCompany(20));
            case "CompaniesNested" -> data("companies", companiesNested(10));
            case "CreateCompany" -> data("createCompany", create(List.of(variables.path("data").path("name").asText()), actorName).get(0));
            case "CreateCompanies" -> data("createCompanies", create(names(variables.path("data")), actorName));
            default -> throw HttpFailure.badRequest("the baseline serves only the operations of bench/api/graphql, not " + name);
        };
    }

    private ObjectNode listCompanies(int first) throws SQLException {
        try (Connection tx = RecordQueries.begin(pool)) {
            List<ObjectNode> records = new ArrayList<>();
            boolean more = page(tx, listCompanies, first, Shapes.COMPANY_CARD, records, null);
            ObjectNode connection = edges(records);
            connection.set("pageInfo", pageInfo(records, more));
            try (PreparedStatement count = tx.prepareStatement(countCompanies); ResultSet row = count.executeQuery()) {
                row.next();
                connection.put("totalCount", row.getInt(1));
            }
            tx.commit();
            return connection;
        }
    }

    private JsonNode companyById(UUID id) throws SQLException {
        try (Connection tx = RecordQueries.begin(pool); PreparedStatement select = tx.prepareStatement(companyById)) {
            select.setObject(1, id);
            JsonNode record = NODES.nullNode();
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    record = Shapes.COMPANY_CARD.read(row, Map.of());
                }
            }
            tx.commit();
            return record;
        }
    }

    private ObjectNode peopleWithCompany(int first) throws SQLException {
        try (Connection tx = RecordQueries.begin(pool)) {
            List<ObjectNode> people = new ArrayList<>();
            List<UUID> companyIds = new ArrayList<>();
            boolean more = page(tx, listPeople, first, Shapes.PERSON_CARD, people, companyIds);
            Set<UUID> distinct = new LinkedHashSet<>(companyIds);
            distinct.remove(null);
            Map<UUID, ObjectNode> companies = new HashMap<>();
            if (!distinct.isEmpty()) {
                try (PreparedStatement select = tx.prepareStatement(companiesById)) {
                    select.setArray(1, RecordQueries.uuids(tx, distinct));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            companies.put(rows.getObject(1, UUID.class), Shapes.COMPANY_NAME.read(rows, Map.of()));
                        }
                    }
                }
            }
            for (int i = 0; i < people.size(); i++) {
                ObjectNode company = companies.get(companyIds.get(i));
                people.get(i).set("company", company == null ? NODES.nullNode() : company);
            }
            ObjectNode connection = edges(people);
            connection.set("pageInfo", pageInfo(people, more));
            tx.commit();
            return connection;
        }
    }

    private ObjectNode companiesNested(int first) throws SQLException {
        try (Connection tx = RecordQueries.begin(pool)) {
            List<ObjectNode> companies = new ArrayList<>();
            try (PreparedStatement select = tx.prepareStatement(companiesNested)) {
                select.setInt(1, first);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        companies.add(Shapes.COMPANY_NESTED.read(rows, Map.of()));
                    }
                }
            }
            Set<UUID> ids = new LinkedHashSet<>();
            companies.forEach(c -> ids.add(UUID.fromString(c.get("id").asText())));
            Map<UUID, List<ObjectNode>> people = children(tx, peopleOfCompanies, ids, Shapes.PERSON_NESTED);
            Map<UUID, List<ObjectNode>> opportunities = children(tx, opportunitiesOfCompanies, ids, Shapes.OPPORTUNITY_NESTED);
            for (ObjectNode company : companies) {
                UUID id = UUID.fromString(company.get("id").asText());
                company.set("people", edges(people.getOrDefault(id, List.of())));
                company.set("opportunities", edges(opportunities.getOrDefault(id, List.of())));
            }
            tx.commit();
            return edges(companies);
        }
    }

    private ArrayNode create(List<String> names, String actorName) throws SQLException {
        try (Connection tx = RecordQueries.begin(pool); PreparedStatement insert = tx.prepareStatement(insertCompanies)) {
            insert.setString(1, actorName);
            insert.setArray(2, tx.createArrayOf("text", names.toArray()));
            ArrayNode records = NODES.arrayNode();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    records.add(Shapes.COMPANY_CREATED.read(rows, Map.of()));
                }
            }
            tx.commit();
            return records;
        }
    }

    /**
     * Reads a page of {@code first} records (the statement fetches one more, to know whether there is a
     * next page) into {@code records}; {@code joinIds}, when given, gets the column after the shape's.
     */
    private static boolean page(Connection tx, String sql, int first, RecordShape shape, List<ObjectNode> records,
            List<UUID> joinIds) throws SQLException {
        try (PreparedStatement select = tx.prepareStatement(sql)) {
            select.setInt(1, first + 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (records.size() == first) {
                        return true;
                    }
                    records.add(shape.read(rows, Map.of()));
                    if (joinIds != null) {
                        joinIds.add(rows.getObject(shape.columnCount() + 1, UUID.class));
                    }
                }
            }
        }
        return false;
    }

    /** Each company's first records of a ONE_TO_MANY relation, in id order, by company. */
    private static Map<UUID, List<ObjectNode>> children(Connection tx, String sql, Set<UUID> companyIds, RecordShape shape)
            throws SQLException {
        Map<UUID, List<ObjectNode>> byCompany = new HashMap<>();
        if (companyIds.isEmpty()) {
            return byCompany;
        }
        try (PreparedStatement select = tx.prepareStatement(sql)) {
            select.setArray(1, RecordQueries.uuids(tx, companyIds));
            select.setInt(2, NESTED_LIMIT);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID company = rows.getObject(shape.columnCount() + 1, UUID.class);
                    byCompany.computeIfAbsent(company, c -> new ArrayList<>()).add(shape.read(rows, Map.of()));
                }
            }
        }
        return byCompany;
    }

    private static String childrenOf(String table, RecordShape shape) {
        return "select " + shape.selectList("ranked") + ", \"ranked\".\"companyId\" from (select " + shape.selectList(null)
                + ", \"companyId\", row_number() over (partition by \"companyId\" order by \"id\") as \"rank\" from " + table
                + " where \"companyId\" = any (cast(? as uuid[])) and \"deletedAt\" is null) as \"ranked\""
                + " where \"ranked\".\"rank\" <= ? order by \"ranked\".\"companyId\", \"ranked\".\"rank\"";
    }

    private static List<String> names(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.forEach(record -> names.add(record.path("name").asText()));
        return names;
    }

    private static ObjectNode edges(List<ObjectNode> nodes) {
        ObjectNode connection = NODES.objectNode();
        ArrayNode edges = connection.putArray("edges");
        nodes.forEach(node -> edges.addObject().set("node", node));
        return connection;
    }

    private static ObjectNode pageInfo(List<ObjectNode> records, boolean hasNextPage) {
        ObjectNode info = NODES.objectNode();
        info.put("hasNextPage", hasNextPage);
        info.put("endCursor", records.isEmpty() ? null : RecordQueries.cursor(records.get(records.size() - 1)));
        return info;
    }

    private static ObjectNode data(String field, JsonNode value) {
        return RecordQueries.envelope(field, value);
    }
}
