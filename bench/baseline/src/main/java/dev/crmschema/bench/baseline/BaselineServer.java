package dev.crmschema.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The hand-written baseline for the API benchmarks: plain JDBC over a HikariCP pool and a bare Jetty
 * handler (the HTTP server the real one runs on), serving only the benchmarked REST operations and the
 * fixed GraphQL operations of one workspace. No framework, no model, no generated code, no GraphQL
 * engine: what a developer would write by hand.
 *
 * <p>Usage: {@code BaselineServer --port N --jdbc-url URL [--user postgres] [--workspace demo] [--cache-keys true]}.
 */
public final class BaselineServer extends Handler.Abstract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPANIES = "/rest/companies";
    private static final String PEOPLE = "/rest/people";
    private static final String BATCH_COMPANIES = "/rest/batch/companies";
    /** The only REST filter the baseline understands, as the filtered-list workload sends it. */
    private static final Pattern CITY_FILTER = Pattern.compile("address\\.addressCity\\[eq\\]:(.+)");

    private final ApiKeyCheck keys;
    private final RecordQueries queries;
    private final GraphqlQueries graphql;

    private BaselineServer(ApiKeyCheck keys, RecordQueries queries, GraphqlQueries graphql) {
        this.keys = keys;
        this.queries = queries;
        this.graphql = graphql;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(options.get("jdbc-url"));
        hikari.setUsername(options.getOrDefault("user", "postgres"));
        hikari.setPassword("");
        // Same pool size and driver setting as the real server's defaults.
        hikari.setMaximumPoolSize(10);
        hikari.addDataSourceProperty("stringtype", "unspecified");
        HikariDataSource pool = new HikariDataSource(hikari);

        UUID workspaceId;
        String schema;
        try (Connection connection = pool.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id, schema_name FROM core.workspace WHERE name = ?")) {
            select.setString(1, options.getOrDefault("workspace", "demo"));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no workspace named " + options.getOrDefault("workspace", "demo"));
                }
                workspaceId = row.getObject(1, UUID.class);
                schema = row.getString(2);
            }
        }

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(options.getOrDefault("port", "0")));
        server.addConnector(connector);
        boolean cacheKeys = Boolean.parseBoolean(options.getOrDefault("cache-keys", "false"));
        server.setHandler(new BaselineServer(new ApiKeyCheck(pool, workspaceId, cacheKeys), new RecordQueries(pool, schema),
                new GraphqlQueries(pool, schema)));
        server.start();
        System.out.println("BASELINE_URL=http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = 200;
        JsonNode body;
        try {
            body = route(request);
            if (request.getMethod().equals("POST") && request.getHttpURI().getPath().startsWith("/rest/")) {
                status = 201;
            }
        } catch (HttpFailure failure) {
            status = failure.status();
            body = error(failure.status(), failure.error(), failure.getMessage());
        } catch (Exception e) {
            status = 500;
            body = error(500, "InternalServerError", "Internal server error");
        }
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(bytes), callback);
        } catch (Exception e) {
            callback.failed(e);
        }
        return true;
    }

    private JsonNode route(Request request) throws Exception {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        ApiKeyCheck.Key key = keys.verify(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        Fields query = Request.extractQueryParameters(request);
        if (method.equals("POST") && path.equals("/graphql")) {
            JsonNode operation = JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
            return graphql.execute(operation.path("operationName").asText(null), operation.path("variables"), key.name());
        } else if (method.equals("GET") && path.equals(COMPANIES) && query.getValue("filter") != null) {
            Matcher city = CITY_FILTER.matcher(query.getValue("filter"));
            if (!city.matches()) {
                throw HttpFailure.badRequest("this baseline filters companies by address.addressCity[eq] only");
            }
            String after = query.getValue("starting_after");
            return queries.companiesInCity(city.group(1), after == null ? null : RecordQueries.cursorId(after),
                    limit(query.getValue("limit")));
        } else if (method.equals("GET") && path.equals(COMPANIES)) {
            return queries.listCompanies(limit(query.getValue("limit")));
        } else if (method.equals("GET") && path.startsWith(COMPANIES + "/")) {
            return queries.oneCompany(recordId(path.substring(COMPANIES.length() + 1)));
        } else if (method.equals("GET") && path.equals(PEOPLE)) {
            return queries.listPeople(limit(query.getValue("limit")), depth(query.getValue("depth")));
        } else if (method.equals("POST") && path.equals(COMPANIES)) {
            JsonNode input = JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
            if (input == null || !input.path("name").isTextual()) {
                throw HttpFailure.badRequest("this baseline creates companies from {\"name\": \"...\"} only");
            }
            return queries.createCompany(input.get("name").asText(), key.name());
        } else if (method.equals("POST") && path.equals(BATCH_COMPANIES)) {
            JsonNode input = JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
            List<String> names = new ArrayList<>();
            if (input != null && input.isArray()) {
                input.forEach(record -> names.add(record.path("name").asText()));
            }
            if (names.isEmpty() || names.size() > 60) {
                throw HttpFailure.badRequest("this baseline creates 1 to 60 companies from [{\"name\": \"...\"}, ...] only");
            }
            return queries.createCompanies(names, key.name());
        }
        throw new HttpFailure(404, "NotFoundException", "not served by the baseline: " + method + " " + path);
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 60;
        }
        try {
            return Math.min(Integer.parseInt(raw.trim()), 200);
        } catch (NumberFormatException e) {
            throw HttpFailure.badRequest("limit '" + raw + "' is invalid. Should be an integer");
        }
    }

    private static boolean depth(String raw) {
        if (raw == null || raw.equals("0")) {
            return false;
        } else if (raw.equals("1")) {
            return true;
        }
        throw HttpFailure.badRequest("'depth=" + raw + "' parameter invalid. Allowed values are 0, 1");
    }

    private static UUID recordId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw HttpFailure.badRequest("'" + raw + "' is not a valid UUID");
        }
    }

    private static ObjectNode error(int status, String error, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("statusCode", status);
        body.put("error", error);
        body.putArray("messages").add(message);
        return body;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("jdbc-url")) {
            throw new IllegalArgumentException("usage: BaselineServer --jdbc-url URL [--port N] [--user U] [--workspace NAME] [--cache-keys true]");
        }
        return options;
    }
}
