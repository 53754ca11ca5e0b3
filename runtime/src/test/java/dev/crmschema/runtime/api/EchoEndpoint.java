package dev.crmschema.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A test endpoint that answers every call with what it received: the object's plural, the operation,
 * each parameter by its wire name (null when absent) and the body. It also appends each call to a log,
 * so a test can see that a request never reached the endpoint.
 */
final class EchoEndpoint implements RestEndpoint {
    private final String plural;
    private final List<String> log;

    EchoEndpoint(String plural, List<String> log) {
        this.plural = plural;
        this.log = log;
    }

    @Override
    public Response findMany(String filter, String orderBy, String limit, String startingAfter, String endingBefore,
            String depth, String fields) {
        return echo("findMany", null, "filter", filter, "order_by", orderBy, "limit", limit, "starting_after",
                startingAfter, "ending_before", endingBefore, "depth", depth, "fields", fields);
    }

    @Override
    public Response findOne(String id, String depth, String fields) {
        return echo("findOne", null, "id", id, "depth", depth, "fields", fields);
    }

    @Override
    public Response createOne(String upsert, String depth, String fields, JsonNode body) {
        return echo("createOne", body, "upsert", upsert, "depth", depth, "fields", fields);
    }

    @Override
    public Response createMany(String upsert, String depth, String fields, JsonNode body) {
        return echo("createMany", body, "upsert", upsert, "depth", depth, "fields", fields);
    }

    @Override
    public Response updateOne(String id, String depth, String fields, JsonNode body) {
        return echo("updateOne", body, "id", id, "depth", depth, "fields", fields);
    }

    @Override
    public Response updateMany(String filter, String depth, String fields, JsonNode body) {
        return echo("updateMany", body, "filter", filter, "depth", depth, "fields", fields);
    }

    @Override
    public Response deleteOne(String id, String softDelete) {
        return echo("deleteOne", null, "id", id, "soft_delete", softDelete);
    }

    @Override
    public Response deleteMany(String filter, String softDelete) {
        return echo("deleteMany", null, "filter", filter, "soft_delete", softDelete);
    }

    @Override
    public Response restoreOne(String id, String depth, String fields) {
        return echo("restoreOne", null, "id", id, "depth", depth, "fields", fields);
    }

    @Override
    public Response restoreMany(String filter, String depth, String fields) {
        return echo("restoreMany", null, "filter", filter, "depth", depth, "fields", fields);
    }

    @Override
    public Response findDuplicates(String depth, String fields, JsonNode body) {
        return echo("findDuplicates", body, "depth", depth, "fields", fields);
    }

    @Override
    public Response groupBy(String filter, String groupBy, String aggregate, String limit, String includeRecordsSample,
            String orderByForRecords, String viewId, String depth, String fields) {
        return echo("groupBy", null, "filter", filter, "group_by", groupBy, "aggregate", aggregate, "limit", limit,
                "include_records_sample", includeRecordsSample, "order_by_for_records", orderByForRecords, "view_id", viewId,
                "depth", depth, "fields", fields);
    }

    @Override
    public Response merge(String depth, String fields, JsonNode body) {
        return echo("merge", body, "depth", depth, "fields", fields);
    }

    private Response echo(String operation, JsonNode body, String... namesAndValues) {
        log.add(plural + " " + operation);
        ObjectNode echo = JsonNodeFactory.instance.objectNode();
        echo.put("plural", plural);
        echo.put("operation", operation);
        ObjectNode parameters = echo.putObject("parameters");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        if (body == null) {
            echo.putNull("body");
        } else {
            echo.set("body", body);
        }
        return Response.ok(echo, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
