package dev.crmschema.compiler.emit.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;

/** The OpenAPI document of a workspace's core REST API: every object's routes and schemas. */
final class CoreDocument {
    static final String SERVER_URL = "/rest";

    private CoreDocument() {}

    static ObjectNode build(Workspace workspace) {
        ObjectNode root = DocumentSkeleton.start(workspace, workspace.displayName() + " REST API",
                CoreGuide.markdown(workspace), SERVER_URL);
        CoreParameters.addTo(DocumentSkeleton.parameters(root));
        CompositeSchemas.addTo(DocumentSkeleton.schemas(root), workspace);
        for (ObjectType object : workspace.objects()) {
            DocumentSkeleton.addTag(root, object.namePlural(), object.labelPlural()
                    + object.description().map(d -> ": " + d).orElse(""));
            CorePaths.addTo(DocumentSkeleton.paths(root), object);
            ObjectSchemas.addTo(DocumentSkeleton.schemas(root), workspace, object);
        }
        return root;
    }
}
