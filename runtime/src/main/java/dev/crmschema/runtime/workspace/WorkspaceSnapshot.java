package dev.crmschema.runtime.workspace;

import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.api.GeneratedWorkspace;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.graphql.GraphqlEngine;

/**
 * Everything needed to serve one workspace, built off the request path and never changed afterwards:
 * a new model means a new snapshot, swapped in atomically by the {@link WorkspaceRegistry}. What depends
 * on the model alone is the {@link SharedModel} of every workspace with that model; the snapshot adds
 * the workspace's row and its model (its name and description over the shared objects).
 */
public record WorkspaceSnapshot(WorkspaceRecord record, Workspace model, SharedModel shared) {

    public String schemaName() {
        return record.schemaName();
    }

    public String modelHash() {
        return shared.hash();
    }

    public GeneratedWorkspace classes() {
        return shared.classes();
    }

    public WorkspaceDocuments documents() {
        return shared.documents();
    }

    public GraphqlEngine graphql() {
        return shared.graphql();
    }

    /** This workspace's core OpenAPI document. */
    public String openApiCore() {
        return shared.documents().openApiCore(model);
    }

    /** This workspace's metadata OpenAPI document. */
    public String openApiMetadata() {
        return shared.documents().openApiMetadata(model);
    }
}
