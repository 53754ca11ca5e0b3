package dev.crmschema.runtime.workspace;

import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.api.GeneratedWorkspace;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.graphql.GraphqlEngine;

/**
 * Everything needed to serve one workspace, built off the request path and never changed afterwards:
 * a new model means a new snapshot, swapped in atomically by the {@link WorkspaceRegistry}.
 */
public record WorkspaceSnapshot(
        WorkspaceRecord record,
        Workspace model,
        String modelHash,
        GeneratedWorkspace classes,
        WorkspaceDocuments documents,
        GraphqlEngine graphql) {

    public String schemaName() {
        return record.schemaName();
    }
}
