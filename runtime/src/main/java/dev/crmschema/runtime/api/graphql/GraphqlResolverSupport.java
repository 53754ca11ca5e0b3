package dev.crmschema.runtime.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What generated resolvers call: each resolver method is one call to the method of the same operation
 * name, passing the object's name, the field's arguments in schema order, the environment, and the
 * constructor of the generated class to wrap the result in. It turns generated inputs into plain maps,
 * calls the {@link GraphqlDataSource}, and wraps the plain results; it holds no request logic itself.
 */
public final class GraphqlResolverSupport {
    private final GraphqlDataSource dataSource;

    public GraphqlResolverSupport(GraphqlDataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public <C> C findMany(String object, GraphInput filter, List<? extends GraphInput> orderBy, Integer first, Integer last,
            Integer offset, String before, String after, DataFetchingEnvironment env, Function<Page, C> connection) {
        return connection.apply(dataSource.findMany(object, args(filter, orderBy, first, last, offset, before, after), env));
    }

    public <R> R findOne(String object, GraphInput filter, DataFetchingEnvironment env, Function<Map<String, Object>, R> record) {
        return wrap(dataSource.findOne(object, GraphInput.valuesOf(filter), env), record);
    }

    public <C> List<C> findDuplicates(String object, List<Object> ids, List<? extends GraphInput> data,
            DataFetchingEnvironment env, Function<Page, C> connection) {
        return dataSource.findDuplicates(object, ids == null ? List.of() : ids, values(data), env).stream().map(connection).toList();
    }

    public <R> R createOne(String object, GraphInput data, Boolean upsert, DataFetchingEnvironment env,
            Function<Map<String, Object>, R> record) {
        return wrap(dataSource.createOne(object, GraphInput.valuesOf(data), Boolean.TRUE.equals(upsert), env), record);
    }

    public <R> List<R> createMany(String object, List<? extends GraphInput> data, Boolean upsert, DataFetchingEnvironment env,
            Function<Map<String, Object>, R> record) {
        return wrap(dataSource.createMany(object, values(data), Boolean.TRUE.equals(upsert), env), record);
    }

    public <R> R updateOne(String object, Object id, GraphInput data, DataFetchingEnvironment env,
            Function<Map<String, Object>, R> record) {
        return wrap(dataSource.updateOne(object, id, GraphInput.valuesOf(data), env), record);
    }

    public <R> List<R> updateMany(String object, GraphInput data, GraphInput filter, DataFetchingEnvironment env,
            Function<Map<String, Object>, R> record) {
        return wrap(dataSource.updateMany(object, GraphInput.valuesOf(data), GraphInput.valuesOf(filter), env), record);
    }

    public <R> R deleteOne(String object, Object id, DataFetchingEnvironment env, Function<Map<String, Object>, R> record) {
        return wrap(dataSource.deleteOne(object, id, env), record);
    }

    public <R> List<R> deleteMany(String object, GraphInput filter, DataFetchingEnvironment env,
            Function<Map<String, Object>, R> record) {
        return wrap(dataSource.deleteMany(object, GraphInput.valuesOf(filter), env), record);
    }

    public <R> R destroyOne(String object, Object id, DataFetchingEnvironment env, Function<Map<String, Object>, R> record) {
        return wrap(dataSource.destroyOne(object, id, env), record);
    }

    public <R> List<R> destroyMany(String object, GraphInput filter, DataFetchingEnvironment env,
            Function<Map<String, Object>, R> record) {
        return wrap(dataSource.destroyMany(object, GraphInput.valuesOf(filter), env), record);
    }

    public <R> R restoreOne(String object, Object id, DataFetchingEnvironment env, Function<Map<String, Object>, R> record) {
        return wrap(dataSource.restoreOne(object, id, env), record);
    }

    public <R> List<R> restoreMany(String object, GraphInput filter, DataFetchingEnvironment env,
            Function<Map<String, Object>, R> record) {
        return wrap(dataSource.restoreMany(object, GraphInput.valuesOf(filter), env), record);
    }

    public <C> List<C> groupBy(String object, List<? extends GraphInput> groupBy, GraphInput filter,
            List<? extends GraphInput> orderBy, List<? extends GraphInput> orderByForRecords, Object viewId, Integer limit,
            DataFetchingEnvironment env, Function<Page, C> connection) {
        return dataSource.groupBy(object, values(groupBy), GraphInput.valuesOf(filter), values(orderBy), values(orderByForRecords),
                viewId, limit, env).stream().map(connection).toList();
    }

    public <R> R mergeMany(String object, List<Object> ids, Integer conflictPriorityIndex, Boolean dryRun,
            DataFetchingEnvironment env, Function<Map<String, Object>, R> record) {
        return wrap(dataSource.mergeMany(object, ids, conflictPriorityIndex, Boolean.TRUE.equals(dryRun), env), record);
    }

    /** A MANY_TO_ONE relation field of {@code source}: the record it holds, if it was read along with it, or a lookup. */
    public <R> CompletableFuture<R> findRelated(String object, String field, GraphObject source, DataFetchingEnvironment env,
            Function<Map<String, Object>, R> record) {
        if (source.holds(field)) {
            return CompletableFuture.completedFuture(wrap(source.related(field), record));
        }
        return dataSource.findRelated(object, field, GraphObject.valuesOf(source), env).thenApply(found -> wrap(found, record));
    }

    /**
     * A ONE_TO_MANY relation field of {@code source}, with the findMany arguments: the page it holds if
     * it was read along with it and the field has no arguments, or a lookup.
     */
    public <C> CompletableFuture<C> findRelatedMany(String object, String field, GraphObject source, GraphInput filter,
            List<? extends GraphInput> orderBy, Integer first, Integer last, Integer offset, String before, String after,
            DataFetchingEnvironment env, Function<Page, C> connection) {
        FindManyArgs args = args(filter, orderBy, first, last, offset, before, after);
        if (args.equals(FindManyArgs.NONE) && source.holds(field)) {
            return CompletableFuture.completedFuture(connection.apply(source.relatedPage(field)));
        }
        return dataSource.findRelatedMany(object, field, GraphObject.valuesOf(source), args, env).thenApply(connection);
    }

    private static FindManyArgs args(GraphInput filter, List<? extends GraphInput> orderBy, Integer first, Integer last,
            Integer offset, String before, String after) {
        return new FindManyArgs(GraphInput.valuesOf(filter), orderBy == null ? null : values(orderBy), first, last, offset,
                before, after);
    }

    private static List<Map<String, Object>> values(List<? extends GraphInput> inputs) {
        return inputs == null ? List.of() : inputs.stream().map(GraphInput::valuesOf).toList();
    }

    private static <R> R wrap(Map<String, Object> values, Function<Map<String, Object>, R> record) {
        return values == null ? null : record.apply(values);
    }

    private static <R> List<R> wrap(List<Map<String, Object>> values, Function<Map<String, Object>, R> record) {
        return values.stream().map(v -> wrap(v, record)).toList();
    }
}
