package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.api.graphql.FindManyArgs;
import dev.crmschema.runtime.api.graphql.Page;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.query.Aggregate;
import dev.crmschema.runtime.query.RecordPage;
import dev.crmschema.runtime.query.RecordStore;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.OrderByParser;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordBodyParser;
import dev.crmschema.runtime.request.RecordWrite;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The query root fields of every object: {@code companies}, {@code company} and
 * {@code companyDuplicates}, read through the same {@link RecordStore} operations as
 * {@code GET /rest/companies} and {@code POST /rest/companies/duplicates}.
 */
final class RecordQueries {
    /** Without {@code first}/{@code last} a root connection returns the largest page (reference contract, section 8). */
    static final ConnectionArguments.PageSizes ROOT_PAGE = new ConnectionArguments.PageSizes(RecordStore.MAX_PAGE_SIZE,
            RecordStore.MAX_PAGE_SIZE);

    private final ConnectionArguments arguments = new ConnectionArguments();

    Page findMany(String object, FindManyArgs args, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        SelectedFields selection = SelectedFields.of(env);
        ConnectionQuery query = arguments.parse(call.object(object), args, selection, ROOT_PAGE, call.access());
        RecordPage read = call.store().findMany(query.request());
        List<Map<String, Object>> records = read.values();
        RelationsReadAlong.attach(call, query.object(), records, selection.under("edges").under("node"));
        // Aggregates cost a statement of their own, run only when selected.
        Map<Aggregate, Object> aggregates = query.aggregates().isEmpty()
                ? Map.of()
                : call.store().aggregate(query.object(), query.filter(), query.aggregateList());
        return Connections.page(query, read, records, aggregates);
    }

    /** The first matching record in id order, or null; an empty filter is refused. */
    Map<String, Object> findOne(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        SelectedFields selection = SelectedFields.of(env);
        Optional<Filter> parsed = FilterInput.read(type, filter);
        if (parsed.isEmpty()) {
            throw ApiException.badRequest("Missing filter argument", "INVALID_QUERY_INPUT");
        }
        FindManyRequest request = new FindManyRequest(type, parsed, OrderByParser.withIdTieBreaker(type, List.of()),
                new dev.crmschema.runtime.request.Page(1, Optional.empty(), Optional.empty()),
                Projections.records(type, selection, call.access()), false);
        List<Map<String, Object>> records = call.store().findMany(request).values();
        RelationsReadAlong.attach(call, type, records, selection);
        return records.isEmpty() ? null : records.get(0);
    }

    /** One connection per given id, or per given record, with the REST endpoint's rules and messages. */
    List<Page> findDuplicates(String object, List<Object> ids, List<Map<String, Object>> data, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        // The support API hands over absent lists as empty ones; the arguments tell them apart.
        boolean byIds = env.getArgument("ids") != null;
        if (byIds && env.getArgument("data") != null) {
            throw ApiException.badRequest("You cannot provide both \"data\" and \"ids\" arguments", "INVALID_QUERY_INPUT");
        }
        SelectedFields selection = SelectedFields.of(env);
        if (!AggregateCatalog.selected(type, selection).isEmpty()) {
            throw ApiException.badRequest("Duplicates connections only have totalCount, no other aggregates", "INVALID_QUERY_INPUT");
        }
        Projection projection = Projections.connection(type, selection, call.access());
        List<RecordPage> pages;
        if (byIds) {
            pages = call.store().findDuplicatesOfIds(type, ids.stream().map(RecordQueries::id).toList(), projection);
        } else {
            if (data.isEmpty()) {
                throw ApiException.badRequest("The \"data\" condition can not be empty when \"ids\" input not provided",
                        "INVALID_QUERY_INPUT");
            }
            RecordBodyParser parser = new RecordBodyParser(call.batchMaxRecords());
            List<RecordWrite> records = new ArrayList<>();
            data.forEach(record -> records.add(parser.parseUpdate(type, RecordValues.toJson(record))));
            pages = call.store().findDuplicates(type, records, projection);
        }
        // Duplicates come in id order, so their cursors hold the id alone.
        List<OrderItem> order = OrderByParser.withIdTieBreaker(type, List.of());
        return pages.stream().map(page -> Connections.page(order, page)).toList();
    }

    private static UUID id(Object id) {
        if (id == null) {
            throw ApiException.badRequest("\"ids\" cannot hold null", "INVALID_QUERY_INPUT");
        }
        return UUID.fromString(id.toString());
    }
}
