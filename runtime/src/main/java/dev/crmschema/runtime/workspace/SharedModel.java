package dev.crmschema.runtime.workspace;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.api.GeneratedWorkspace;
import dev.crmschema.runtime.graphql.GraphqlEngine;
import java.util.List;

/**
 * Everything built from a model alone, once per distinct model (by {@code ModelHash}) and shared by the
 * snapshots of every workspace with that model: its linked objects, compiled classes, documents and
 * executable GraphQL schema. None of it names a workspace or holds its data: the workspace, its
 * database schema and its caller come with each request. It lives as long as a snapshot holds it
 * ({@link SharedModels} keeps it weakly).
 */
public record SharedModel(
        String hash,
        List<ObjectType> objects,
        GeneratedWorkspace classes,
        WorkspaceDocuments documents,
        GraphqlEngine graphql) {

    /** {@code model}, a workspace with this model, with the shared objects in place of its own equal ones. */
    public Workspace serving(Workspace model) {
        return new Workspace(model.name(), model.displayName(), model.description(), objects, model.location());
    }
}
