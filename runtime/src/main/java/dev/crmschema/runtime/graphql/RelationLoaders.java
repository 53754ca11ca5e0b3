package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Relation;
import dev.crmschema.runtime.api.graphql.FindManyArgs;
import dev.crmschema.runtime.api.graphql.Page;
import dev.crmschema.runtime.query.Aggregate;
import dev.crmschema.runtime.query.RecordPage;
import dev.crmschema.runtime.query.RecordStore;
import dev.crmschema.runtime.request.Projection;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;

/**
 * Relation fields, loaded in batches: the resolvers of one relation field at one place of the query
 * (its path without list indexes, aliases included) share a DataLoader, which graphql-java dispatches
 * once all records of that level asked. So each relation costs one statement per level of the query for
 * the whole page, never one per record: {@code WHERE id = ANY(?)} for a MANY_TO_ONE object,
 * {@code RecordStore.findRelatedPages} for a ONE_TO_MANY connection (plus one aggregate statement when
 * aggregates other than totalCount are selected). Soft-deleted related records stay hidden, as in REST.
 * The relations a connection's records select are read along with them ({@link RelationsReadAlong}),
 * in one statement per relation for the whole level, as with root lists.
 */
final class RelationLoaders {
    /** A nested connection holds at most 60 records (reference contract, sections 2.7 and 8). */
    static final ConnectionArguments.PageSizes NESTED_PAGE = new ConnectionArguments.PageSizes(RecordStore.MAX_RELATED_RECORDS,
            RecordStore.MAX_RELATED_RECORDS);

    private static final ConnectionArguments ARGUMENTS = new ConnectionArguments();

    CompletableFuture<Map<String, Object>> findRelated(String object, String field, Map<String, Object> source,
            DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        Field relation = call.object(object).field(field).orElseThrow();
        Object targetId = source.get(relation.joinColumn().orElseThrow().name());
        if (targetId == null) {
            return CompletableFuture.completedFuture(null);
        }
        DataLoader<UUID, Map<String, Object>> loader = loader(env, "one", () -> {
            SelectedFields selection = SelectedFields.of(env);
            return DataLoaderFactory.newDataLoader(ids -> batch(() -> {
                Map<UUID, Map<String, Object>> found = targets(call, relation, ids, selection);
                return ids.stream().map(found::get).toList(); // null for an id with no live record
            }));
        });
        return loader.load(UUID.fromString(targetId.toString()));
    }

    CompletableFuture<Page> findRelatedMany(String object, String field, Map<String, Object> source, FindManyArgs args,
            DataFetchingEnvironment env) {
        DataLoader<UUID, Page> loader = loader(env, "many", () -> {
            GraphqlCall call = GraphqlCall.of(env);
            RelatedConnection connection = connection(call, call.object(object).field(field).orElseThrow(), args,
                    SelectedFields.of(env));
            return DataLoaderFactory.newDataLoader(parentIds -> batch(() -> pages(call, connection, parentIds)));
        });
        return loader.load(UUID.fromString(source.get("id").toString()));
    }

    /** A ONE_TO_MANY relation field's connection with these arguments and this selection, ready to read. */
    static RelatedConnection connection(GraphqlCall call, Field field, FindManyArgs args, SelectedFields selection) {
        Relation relation = field.relation().orElseThrow();
        ObjectType target = call.object(relation.targetObject());
        Column joinColumn = target.field(relation.inverseField()).flatMap(Field::joinColumn).orElseThrow();
        ConnectionQuery query = ARGUMENTS.parse(target, args, selection, NESTED_PAGE, call.access());
        return new RelatedConnection(query, joinColumn, selection.under("edges").under("node"));
    }

    /** The connection's page of each parent, in the order of {@code parentIds}, their records' relations read along. */
    static List<Page> pages(GraphqlCall call, RelatedConnection connection, List<UUID> parentIds) {
        RecordStore store = call.store();
        ConnectionQuery query = connection.query();
        Map<UUID, RecordPage> read = store.findRelatedPages(query.request(), connection.joinColumn(), parentIds);
        Map<UUID, List<Map<String, Object>>> values = new HashMap<>();
        List<Map<String, Object>> all = new ArrayList<>();
        read.forEach((parentId, page) -> {
            List<Map<String, Object>> records = page.values();
            values.put(parentId, records);
            all.addAll(records);
        });
        RelationsReadAlong.attach(call, query.object(), all, connection.nodes());
        Map<UUID, Map<Aggregate, Object>> aggregates = query.aggregates().isEmpty()
                ? Map.of()
                : store.aggregateRelated(query.object(), connection.joinColumn(), parentIds, query.filter(), query.aggregateList());
        List<Page> pages = new ArrayList<>();
        for (UUID parentId : parentIds) {
            pages.add(Connections.page(query, read.get(parentId), values.get(parentId), aggregates.getOrDefault(parentId, Map.of())));
        }
        return pages;
    }

    /** What a ONE_TO_MANY connection reads: its query, the children's column pointing at the parent, what its nodes select. */
    record RelatedConnection(ConnectionQuery query, Column joinColumn, SelectedFields nodes) {}

    /** The live records among {@code ids} of a MANY_TO_ONE relation's target, with what {@code selection} selects, by id. */
    static Map<UUID, Map<String, Object>> targets(GraphqlCall call, Field relation, Collection<UUID> ids, SelectedFields selection) {
        ObjectType target = call.object(relation.relation().orElseThrow().targetObject());
        Projection projection = Projections.records(target, selection, call.access());
        Map<UUID, Map<String, Object>> byId = new LinkedHashMap<>();
        for (Map<String, Object> record : call.store().findByIds(target, ids, projection)) {
            byId.put(UUID.fromString((String) record.get("id")), record);
        }
        return byId;
    }

    /**
     * The loader of this field at this place of the query, made on first use within the request. Every
     * record at that place has the same arguments and selection, so they are read once, by the first.
     */
    private static <K, V> DataLoader<K, V> loader(DataFetchingEnvironment env, String kind, Supplier<DataLoader<K, V>> make) {
        String key = kind + ":" + String.join("/", env.getExecutionStepInfo().getPath().getKeysOnly());
        return env.getDataLoaderRegistry().computeIfAbsent(key, name -> make.get());
    }

    /** Runs a batch now; a failure fails every load of the batch, and each field reports it. */
    private static <V> CompletableFuture<List<V>> batch(Supplier<List<V>> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
