package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.query.PlainValues;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordBodyParser;
import dev.crmschema.runtime.request.RecordWrite;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The mutation root fields of every object. Inputs are read by the REST body parser (as the JSON body
 * they would be), and every mutation is one {@code RecordStore} operation, so one transaction: all or
 * nothing, with REST's limits (batch size, 200 records per bulk operation) and messages.
 */
final class RecordMutations {
    Map<String, Object> createOne(String object, Map<String, Object> data, boolean upsert, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        RecordWrite record = parser(call).parseCreate(type, RecordValues.toJson(data));
        return create(call, type, List.of(record), upsert, env).get(0);
    }

    List<Map<String, Object>> createMany(String object, List<Map<String, Object>> data, boolean upsert, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        List<RecordWrite> records = parser(call).parseCreateBatch(type, RecordValues.toJson(data));
        return create(call, type, records, upsert, env);
    }

    Map<String, Object> updateOne(String object, Object id, Map<String, Object> data, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        RecordWrite values = parser(call).parseUpdate(type, RecordValues.toJson(data));
        return map(call.store().updateOne(type, id(id), values, projection(type, env)));
    }

    List<Map<String, Object>> updateMany(String object, Map<String, Object> data, Map<String, Object> filter,
            DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        Filter required = requireFilter(type, filter);
        RecordWrite values = parser(call).parseUpdate(type, RecordValues.toJson(data));
        return maps(call.store().updateMany(type, required, values, projection(type, env)));
    }

    Map<String, Object> deleteOne(String object, Object id, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        return map(call.store().deleteOne(type, id(id), projection(type, env)));
    }

    List<Map<String, Object>> deleteMany(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        return maps(call.store().deleteMany(type, requireFilter(type, filter), projection(type, env)));
    }

    Map<String, Object> destroyOne(String object, Object id, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        return map(call.store().destroyOne(type, id(id), projection(type, env)));
    }

    List<Map<String, Object>> destroyMany(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        return maps(call.store().destroyMany(type, requireFilter(type, filter), projection(type, env)));
    }

    Map<String, Object> restoreOne(String object, Object id, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        return map(call.store().restoreOne(type, id(id), projection(type, env)));
    }

    List<Map<String, Object>> restoreMany(String object, Map<String, Object> filter, DataFetchingEnvironment env) {
        GraphqlCall call = GraphqlCall.of(env);
        ObjectType type = call.object(object);
        return maps(call.store().restoreMany(type, requireFilter(type, filter), projection(type, env)));
    }

    private static List<Map<String, Object>> create(GraphqlCall call, ObjectType type, List<RecordWrite> records, boolean upsert,
            DataFetchingEnvironment env) {
        Projection projection = projection(type, env);
        return maps(upsert
                ? call.store().upsertMany(type, records, call.actor(), projection)
                : call.store().createMany(type, records, call.actor(), projection));
    }

    /** Bulk mutations never run on every record by accident (reference contract, section 2.2). */
    private static Filter requireFilter(ObjectType type, Map<String, Object> filter) {
        return FilterInput.read(type, filter)
                .orElseThrow(() -> ApiException.badRequest("A non-empty filter is required", "INVALID_QUERY_INPUT"));
    }

    private static RecordBodyParser parser(GraphqlCall call) {
        return new RecordBodyParser(call.batchMaxRecords());
    }

    private static Projection projection(ObjectType type, DataFetchingEnvironment env) {
        return Projections.records(type, SelectedFields.of(env), GraphqlCall.of(env).access());
    }

    /** The UUID scalar has checked the id's form already. */
    private static UUID id(Object id) {
        return UUID.fromString(id.toString());
    }

    private static Map<String, Object> map(ObjectNode record) {
        return PlainValues.of(record);
    }

    private static List<Map<String, Object>> maps(List<ObjectNode> records) {
        return records.stream().map(PlainValues::of).toList();
    }
}
