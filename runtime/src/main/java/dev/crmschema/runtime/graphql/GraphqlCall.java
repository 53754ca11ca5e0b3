package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.query.Actor;
import dev.crmschema.runtime.query.RecordStore;
import graphql.schema.DataFetchingEnvironment;
import java.util.Objects;

/**
 * What one GraphQL request runs with, carried in graphql-java's context: the caller's workspace model
 * and record store (of the snapshot the request started on), who writes, the batch limit, and what the
 * caller's role may do (the store enforces it; selections are named to the store through it).
 */
public record GraphqlCall(Workspace model, RecordStore store, Actor actor, int batchMaxRecords, Access access) {
    public GraphqlCall {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(access, "access");
    }

    /** A call whose role may do everything. */
    public GraphqlCall(Workspace model, RecordStore store, Actor actor, int batchMaxRecords) {
        this(model, store, actor, batchMaxRecords, Access.FULL);
    }

    static GraphqlCall of(DataFetchingEnvironment env) {
        GraphqlCall call = env.getGraphQlContext().get(GraphqlCall.class);
        if (call == null) {
            throw new IllegalStateException("a GraphQL request ran without its GraphqlCall in the context");
        }
        return call;
    }

    ObjectType object(String nameSingular) {
        return model.require(nameSingular);
    }
}
