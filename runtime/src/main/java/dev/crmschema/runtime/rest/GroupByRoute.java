package dev.crmschema.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.query.AggregateNames;
import dev.crmschema.runtime.query.GroupByRequest;
import dev.crmschema.runtime.query.RecordGroup;
import dev.crmschema.runtime.query.RecordStore;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.GroupByParser;
import dev.crmschema.runtime.request.OrderByParser;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.QueryParameters;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /rest/{plural}/groupBy} (reference contract, sections 1.3 and 1.8): reads {@code group_by},
 * {@code aggregate}, {@code filter}, {@code limit} (groups; default 60, at most 200),
 * {@code include_records_sample} and {@code order_by_for_records}, runs the shared group-by, and answers
 * a JSON array with one object per group: {@code groupByDimensionValues}, {@code totalCount}, each
 * requested aggregate by name, and {@code records} when a sample was asked for. Groups come ordered by
 * their dimension values, ascending, empty values last.
 */
final class GroupByRoute {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AGGREGATE_CODE = "INVALID_AGGREGATE_FIELDS_QUERY_PARAM";

    private final ObjectType object;
    private final RestServices services;

    GroupByRoute(ObjectType object, RestServices services) {
        this.object = object;
        this.services = services;
    }

    Response run(RecordStore store, String filter, String groupBy, String aggregate, String limit, String includeRecordsSample,
            String orderByForRecords, String viewId, String depth, String fields) {
        if (viewId != null) {
            throw ApiException.badRequest("'view_id' is not supported: this server keeps no saved views. Pass the view's "
                    + "conditions as 'filter'");
        }
        Optional<Filter> parsedFilter = filter == null || filter.isBlank()
                ? Optional.empty()
                : Optional.of(services.filterParser().parse(object, filter));
        boolean sample = QueryParameters.flag("include_records_sample", includeRecordsSample);
        GroupByRequest request = new GroupByRequest(object, GroupByParser.parseParameter(object, groupBy), parsedFilter,
                AggregateNames.resolve(object, aggregateNames(aggregate), "'aggregate' parameter invalid: ", AGGREGATE_CODE),
                List.of(), QueryParameters.limit(limit), sample ? GroupByRequest.MAX_RECORD_SAMPLE : 0,
                new OrderByParser().parse(object, orderByForRecords),
                new Projection(QueryParameters.depth(depth), QueryParameters.fields(object, fields)));
        ArrayNode body = JSON.arrayNode();
        for (RecordGroup group : store.groupBy(request)) {
            ObjectNode item = body.addObject();
            ArrayNode values = item.putArray("groupByDimensionValues");
            group.dimensionValues().forEach(values::add);
            item.put(AggregateNames.TOTAL_COUNT, group.totalCount());
            for (Map.Entry<String, Object> value : group.aggregates().entrySet()) {
                item.set(value.getKey(), MAPPER.valueToTree(value.getValue()));
            }
            group.records().ifPresent(page -> item.putPOJO("records", page.recordsJson()));
        }
        return Response.ok(body).build();
    }

    /** {@code aggregate}: a JSON array of aggregate names; absent means totalCount only. */
    private static List<String> aggregateNames(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isArray()) {
            throw ApiException.badRequest("'aggregate' parameter invalid: expected a JSON array of aggregate names, eg: "
                    + "aggregate=[\"totalCount\",\"sumAmountAmountMicros\"]", AGGREGATE_CODE);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : parsed) {
            if (!name.isTextual()) {
                throw ApiException.badRequest("'aggregate' parameter invalid: aggregate names are strings, got " + name,
                        AGGREGATE_CODE);
            }
            names.add(name.asText());
        }
        return names;
    }
}
