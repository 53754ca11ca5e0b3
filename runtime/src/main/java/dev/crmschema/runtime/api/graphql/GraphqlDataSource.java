package dev.crmschema.runtime.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What GraphQL requests need from the runtime's query layer: one method per operation of the
 * reference contract (section 2.2) plus relation loading (section 2.7). The query layer implements it
 * once for every workspace; generated resolvers reach it only through {@link GraphqlResolverSupport}.
 *
 * <p>{@code object} is the object's singular name ({@code company}), {@code field} a relation field's
 * name. Inputs ({@code filter}, {@code data}, {@code orderBy}) arrive as plain maps keyed by GraphQL
 * input field name, as described on {@link FindManyArgs}. Records go back as maps keyed by GraphQL field
 * name, as described on {@link GraphObject}; a method that finds no record returns {@code null}. The
 * {@link DataFetchingEnvironment} tells which fields the client selected and carries the request
 * context (workspace, API key). Errors are thrown as exceptions; graphql-java reports them per field.
 */
public interface GraphqlDataSource {
    /** findMany: one page of matching records, in order. */
    Page findMany(String object, FindManyArgs args, DataFetchingEnvironment env);

    /** findOne: the first record matching {@code filter}, or {@code null}. */
    Map<String, Object> findOne(String object, Map<String, Object> filter, DataFetchingEnvironment env);

    /** findDuplicates: for each id, then each record of {@code data}, the records that look like duplicates. */
    List<Page> findDuplicates(String object, List<Object> ids, List<Map<String, Object>> data, DataFetchingEnvironment env);

    /** createOne; with {@code upsert}, updates the record with the same id or unique value instead. */
    Map<String, Object> createOne(String object, Map<String, Object> data, boolean upsert, DataFetchingEnvironment env);

    /** createMany, in input order; with {@code upsert}, existing records are updated. */
    List<Map<String, Object>> createMany(String object, List<Map<String, Object>> data, boolean upsert,
            DataFetchingEnvironment env);

    Map<String, Object> updateOne(String object, Object id, Map<String, Object> data, DataFetchingEnvironment env);

    /** updateMany: applies {@code data} to every record matching the (non-empty) filter. */
    List<Map<String, Object>> updateMany(String object, Map<String, Object> data, Map<String, Object> filter,
            DataFetchingEnvironment env);

    /** deleteOne: soft delete, sets {@code deletedAt}. */
    Map<String, Object> deleteOne(String object, Object id, DataFetchingEnvironment env);

    List<Map<String, Object>> deleteMany(String object, Map<String, Object> filter, DataFetchingEnvironment env);

    /** destroyOne: hard delete; returns the record as it was. */
    Map<String, Object> destroyOne(String object, Object id, DataFetchingEnvironment env);

    List<Map<String, Object>> destroyMany(String object, Map<String, Object> filter, DataFetchingEnvironment env);

    /** restoreOne: clears {@code deletedAt} of a soft-deleted record. */
    Map<String, Object> restoreOne(String object, Object id, DataFetchingEnvironment env);

    List<Map<String, Object>> restoreMany(String object, Map<String, Object> filter, DataFetchingEnvironment env);

    /**
     * groupBy: one page per group, in group order; each page's aggregates also hold
     * {@code groupByDimensionValues}, the group's values as a list of strings. {@code groupBy},
     * {@code orderBy} and {@code orderByForRecords} are lists of input maps, absent ones empty.
     */
    List<Page> groupBy(String object, List<Map<String, Object>> groupBy, Map<String, Object> filter,
            List<Map<String, Object>> orderBy, List<Map<String, Object>> orderByForRecords, Object viewId, Integer limit,
            DataFetchingEnvironment env);

    /** mergeMany: merges the records into the one at {@code conflictPriorityIndex}; a dry run only previews. */
    Map<String, Object> mergeMany(String object, List<Object> ids, int conflictPriorityIndex, boolean dryRun,
            DataFetchingEnvironment env);

    /**
     * The record a MANY_TO_ONE relation field of {@code source} points at, or {@code null}. Asynchronous so
     * that an implementation can batch the lookups of one request level (with a DataLoader) instead of
     * querying once per row.
     */
    CompletableFuture<Map<String, Object>> findRelated(String object, String field, Map<String, Object> source,
            DataFetchingEnvironment env);

    /** One page of the records a ONE_TO_MANY relation field of {@code source} lists; batchable like {@link #findRelated}. */
    CompletableFuture<Page> findRelatedMany(String object, String field, Map<String, Object> source, FindManyArgs args,
            DataFetchingEnvironment env);
}
