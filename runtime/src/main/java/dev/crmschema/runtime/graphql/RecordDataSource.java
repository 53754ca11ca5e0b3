package dev.crmschema.runtime.graphql;

import dev.crmschema.runtime.api.graphql.FindManyArgs;
import dev.crmschema.runtime.api.graphql.GraphqlDataSource;
import dev.crmschema.runtime.api.graphql.Page;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The runtime's {@link GraphqlDataSource}: every workspace's generated resolvers end here. It holds no
 * state; each request's workspace, store and caller come from its {@link GraphqlCall}. Reads, writes and
 * relation loading each have their own class.
 */
final class RecordDataSource implements GraphqlDataSource {
    private final RecordQueries queries = new RecordQueries();
    private final RecordMutations mutations = new RecordMutations();
    private final RelationLoaders relations = new RelationLoaders();
    private final GroupByAndMerge groupsAndMerges = new GroupByAndMerge();

    @Override
    public Page findMany(String object, FindManyArgs args, DataFetchingEnvironment env) {
        return queries.findMany(object, args, env);
    }

    @Override
    public Map<String, Object> findOne(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        return queries.findOne(object, filter, env);
    }

    @Override
    public List<Page> findDuplicates(String object, List<Object> ids, List<Map<String, Object>> data, DataFetchingEnvironment env) {
        return queries.findDuplicates(object, ids, data, env);
    }

    @Override
    public Map<String, Object> createOne(String object, Map<String, Object> data, boolean upsert, DataFetchingEnvironment env) {
        return mutations.createOne(object, data, upsert, env);
    }

    @Override
    public List<Map<String, Object>> createMany(String object, List<Map<String, Object>> data, boolean upsert,
            DataFetchingEnvironment env) {
        return mutations.createMany(object, data, upsert, env);
    }

    @Override
    public Map<String, Object> updateOne(String object, Object id, Map<String, Object> data, DataFetchingEnvironment env) {
        return mutations.updateOne(object, id, data, env);
    }

    @Override
    public List<Map<String, Object>> updateMany(String object, Map<String, Object> data, Map<String, Object> filter,
            DataFetchingEnvironment env) {
        return mutations.updateMany(object, data, filter, env);
    }

    @Override
    public Map<String, Object> deleteOne(String object, Object id, DataFetchingEnvironment env) {
        return mutations.deleteOne(object, id, env);
    }

    @Override
    public List<Map<String, Object>> deleteMany(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        return mutations.deleteMany(object, filter, env);
    }

    @Override
    public Map<String, Object> destroyOne(String object, Object id, DataFetchingEnvironment env) {
        return mutations.destroyOne(object, id, env);
    }

    @Override
    public List<Map<String, Object>> destroyMany(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        return mutations.destroyMany(object, filter, env);
    }

    @Override
    public Map<String, Object> restoreOne(String object, Object id, DataFetchingEnvironment env) {
        return mutations.restoreOne(object, id, env);
    }

    @Override
    public List<Map<String, Object>> restoreMany(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        return mutations.restoreMany(object, filter, env);
    }

    @Override
    public List<Page> groupBy(String object, List<Map<String, Object>> groupBy, Map<String, Object> filter,
            List<Map<String, Object>> orderBy, List<Map<String, Object>> orderByForRecords, Object viewId, Integer limit,
            DataFetchingEnvironment env) {
        return groupsAndMerges.groupBy(object, groupBy, filter, orderBy, orderByForRecords, viewId, limit, env);
    }

    @Override
    public Map<String, Object> mergeMany(String object, List<Object> ids, int conflictPriorityIndex, boolean dryRun,
            DataFetchingEnvironment env) {
        return groupsAndMerges.mergeMany(object, ids, conflictPriorityIndex, dryRun, env);
    }

    @Override
    public CompletableFuture<Map<String, Object>> findRelated(String object, String field, Map<String, Object> source,
            DataFetchingEnvironment env) {
        return relations.findRelated(object, field, source, env);
    }

    @Override
    public CompletableFuture<Page> findRelatedMany(String object, String field, Map<String, Object> source, FindManyArgs args,
            DataFetchingEnvironment env) {
        return relations.findRelatedMany(object, field, source, args, env);
    }
}
