package dev.crmschema.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.runtime.api.RestEndpoint;
import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.query.Actor;
import dev.crmschema.runtime.query.RecordPage;
import dev.crmschema.runtime.query.RecordStore;
import dev.crmschema.runtime.request.CursorCodec;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.FindManyRequestBuilder;
import dev.crmschema.runtime.request.MergeRequest;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.QueryParameters;
import dev.crmschema.runtime.request.RecordBodyParser;
import dev.crmschema.runtime.request.RecordWrite;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The REST operations of one object for one caller: parse the raw parameters and body, run the
 * operation through the shared {@link RecordStore}, and wrap the result in the contract's response
 * shape ({@code {"data":{"createCompany":{...}}}} and friends).
 */
public final class RecordEndpoint implements RestEndpoint {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Projection ID_ONLY = new Projection(0, Optional.of(Set.of("id")));

    private final RequestAuthentication.Caller caller;
    private final ObjectType object;
    private final RestServices services;

    public RecordEndpoint(RequestAuthentication.Caller caller, ObjectType object, RestServices services) {
        this.caller = caller;
        this.object = object;
        this.services = services;
    }

    @Override
    public Response findMany(String filter, String orderBy, String limit, String startingAfter, String endingBefore,
            String depth, String fields) {
        FindManyRequest request = new FindManyRequestBuilder(object, services.filterParser()).filter(filter).orderBy(orderBy).limit(limit)
                .startingAfter(startingAfter).endingBefore(endingBefore).depth(depth).fields(fields).build();
        RecordPage page = store().findMany(request);
        ObjectNode body = JSON.objectNode();
        body.putObject("data").putPOJO(object.namePlural(), page.recordsJson());
        body.put("totalCount", page.totalCount());
        body.set("pageInfo", pageInfo(page, request.order()));
        return Response.ok(body).build();
    }

    @Override
    public Response findOne(String id, String depth, String fields) {
        return ok(object.nameSingular(), store().findOne(object, recordId(id), projection(depth, fields)));
    }

    @Override
    public Response createOne(String upsert, String depth, String fields, JsonNode body) {
        RecordWrite record = bodyParser().parseCreate(object, requireBody(body));
        List<ObjectNode> created = create(List.of(record), QueryParameters.upsert(upsert), projection(depth, fields));
        return created(Names.createOne(object), created.get(0));
    }

    @Override
    public Response createMany(String upsert, String depth, String fields, JsonNode body) {
        List<RecordWrite> records = bodyParser().parseCreateBatch(object, requireBody(body));
        List<ObjectNode> created = create(records, QueryParameters.upsert(upsert), projection(depth, fields));
        return created(Names.createMany(object), array(created));
    }

    @Override
    public Response updateOne(String id, String depth, String fields, JsonNode body) {
        UUID recordId = recordId(id);
        RecordWrite values = bodyParser().parseUpdate(object, requireBody(body));
        return ok(Names.updateOne(object), store().updateOne(object, recordId, values, projection(depth, fields)));
    }

    @Override
    public Response updateMany(String filter, String depth, String fields, JsonNode body) {
        Filter parsed = bulkFilter(filter, "Filters are mandatory for bulk update operations. Please provide at least one "
                + "filter to prevent accidental updates of all records.");
        RecordWrite values = bodyParser().parseUpdate(object, requireBody(body));
        return ok(Names.updateMany(object), array(store().updateMany(object, parsed, values, projection(depth, fields))));
    }

    @Override
    public Response deleteOne(String id, String softDelete) {
        UUID recordId = recordId(id);
        ObjectNode deleted = QueryParameters.softDelete(softDelete)
                ? store().deleteOne(object, recordId, ID_ONLY)
                : store().destroyOne(object, recordId, ID_ONLY);
        return ok(Names.deleteOne(object), deleted);
    }

    @Override
    public Response deleteMany(String filter, String softDelete) {
        boolean soft = QueryParameters.softDelete(softDelete);
        Filter parsed = bulkFilter(filter, "Filters are mandatory for bulk " + (soft ? "delete" : "destroy")
                + " operations. Please provide at least one filter to prevent accidental deletion of all records.");
        List<ObjectNode> deleted = soft ? store().deleteMany(object, parsed, ID_ONLY) : store().destroyMany(object, parsed, ID_ONLY);
        return ok(Names.deleteMany(object), array(deleted));
    }

    @Override
    public Response restoreOne(String id, String depth, String fields) {
        return ok(Names.restoreOne(object), store().restoreOne(object, recordId(id), projection(depth, fields)));
    }

    @Override
    public Response restoreMany(String filter, String depth, String fields) {
        Filter parsed = bulkFilter(filter, "Filters are mandatory for bulk restore operations. Please provide at least one "
                + "filter to prevent accidental restoration of all records.");
        return ok(Names.restoreMany(object), array(store().restoreMany(object, parsed, projection(depth, fields))));
    }

    @Override
    public Response findDuplicates(String depth, String fields, JsonNode body) {
        JsonNode input = requireBody(body);
        JsonNode data = input.get("data");
        JsonNode ids = input.get("ids");
        if (data != null && ids != null) {
            throw ApiException.badRequest("You cannot provide both \"data\" and \"ids\" arguments");
        }
        Projection projection = projection(depth, fields);
        List<RecordPage> pages;
        if (ids != null) {
            if (!ids.isArray()) {
                throw ApiException.badRequest("\"ids\" must be an array of record ids");
            }
            requireAtMostBatchSize("ids", ids);
            List<UUID> parsed = new ArrayList<>();
            ids.forEach(id -> parsed.add(recordId(id.isTextual() ? id.asText() : id.toString())));
            pages = store().findDuplicatesOfIds(object, parsed, projection);
        } else {
            if (data == null || !data.isArray() || data.isEmpty()) {
                throw ApiException.badRequest("The \"data\" condition can not be empty when \"ids\" input not provided");
            }
            requireAtMostBatchSize("data", data);
            List<RecordWrite> records = new ArrayList<>();
            data.forEach(item -> records.add(bodyParser().parseUpdate(object, item)));
            pages = store().findDuplicates(object, records, projection);
        }
        ObjectNode response = JSON.objectNode();
        ArrayNode results = response.putArray("data");
        List<OrderItem> order = new FindManyRequestBuilder(object).build().order();
        for (RecordPage page : pages) {
            ObjectNode result = results.addObject();
            result.put("totalCount", page.totalCount());
            result.set("pageInfo", pageInfo(page, order));
            result.putPOJO(Names.duplicates(object), page.recordsJson());
        }
        return Response.ok(response).build();
    }

    @Override
    public Response groupBy(String filter, String groupBy, String aggregate, String limit, String includeRecordsSample,
            String orderByForRecords, String viewId, String depth, String fields) {
        return new GroupByRoute(object, services).run(store(), filter, groupBy, aggregate, limit, includeRecordsSample,
                orderByForRecords, viewId, depth, fields);
    }

    @Override
    public Response merge(String depth, String fields, JsonNode body) {
        MergeRequest request = MergeRequest.parse(requireBody(body));
        return ok(Names.mergeResponseKey(object), store().merge(object, request, projection(depth, fields)));
    }

    private List<ObjectNode> create(List<RecordWrite> records, boolean upsert, Projection projection) {
        Actor actor = Actor.apiKey(caller.key().name());
        return upsert ? store().upsertMany(object, records, actor, projection) : store().createMany(object, records, actor, projection);
    }

    private RecordStore store() {
        return RecordStore.of(services.database().dsl(), caller.workspace().schemaName(), caller.workspace().model(), caller.access(),
                services.counts());
    }

    private RecordBodyParser bodyParser() {
        return new RecordBodyParser(services.batchMaxRecords());
    }

    private Projection projection(String depth, String fields) {
        return new Projection(QueryParameters.depth(depth), QueryParameters.fields(object, fields));
    }

    private Filter bulkFilter(String raw, String messageWhenMissing) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest(messageWhenMissing);
        }
        return services.filterParser().parse(object, raw);
    }

    private static UUID recordId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("Record ID not found");
        }
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the contract's message
        }
        throw ApiException.badRequest("'" + raw + "' is not a valid UUID");
    }

    /** Each input costs a query, so duplicates take no more inputs than a batch create takes records. */
    private void requireAtMostBatchSize(String name, JsonNode inputs) {
        if (inputs.size() > services.batchMaxRecords()) {
            throw ApiException.badRequest("\"" + name + "\" takes at most " + services.batchMaxRecords()
                    + " items per request, got " + inputs.size());
        }
    }

    private static JsonNode requireBody(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ApiException.badRequest("A JSON request body is required");
        }
        return body;
    }

    private ObjectNode pageInfo(RecordPage page, List<OrderItem> order) {
        CursorCodec codec = new CursorCodec();
        ObjectNode info = JSON.objectNode();
        info.put("hasNextPage", page.hasNextPage());
        info.put("hasPreviousPage", page.hasPreviousPage());
        info.put("startCursor", page.startCursor().map(c -> codec.encode(order, c)).orElse(null));
        info.put("endCursor", page.endCursor().map(c -> codec.encode(order, c)).orElse(null));
        return info;
    }

    private static ArrayNode array(List<ObjectNode> records) {
        ArrayNode array = JSON.arrayNode();
        records.forEach(array::add);
        return array;
    }

    private static Response ok(String key, JsonNode value) {
        return Response.ok(envelope(key, value)).build();
    }

    private static Response created(String key, JsonNode value) {
        return Response.status(Response.Status.CREATED).entity(envelope(key, value)).build();
    }

    private static ObjectNode envelope(String key, JsonNode value) {
        ObjectNode body = JSON.objectNode();
        body.putObject("data").set(key, value);
        return body;
    }
}
