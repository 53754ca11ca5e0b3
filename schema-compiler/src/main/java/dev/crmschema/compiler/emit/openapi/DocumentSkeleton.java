package dev.crmschema.compiler.emit.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.Headers;
import dev.crmschema.compiler.support.Json;
import java.util.List;

/**
 * What both documents share: the version line, the generated-file header (a root extension, as JSON has
 * no comments), info, the server, bearer security, and the components every operation refers to.
 */
final class DocumentSkeleton {
    static final String OPENAPI_VERSION = "3.1.1";
    /** The API's contract version, as the reference system states it; never the compiler's version. */
    static final String API_VERSION = "v0.1";
    static final String BEARER = "bearerAuth";

    private DocumentSkeleton() {}

    /**
     * The root, with its members already in their final order; callers fill {@code tags}, {@code paths}
     * and {@code components} afterwards.
     */
    static ObjectNode start(Workspace workspace, String title, String guide, String serverUrl) {
        ObjectNode root = Json.object();
        root.put("openapi", OPENAPI_VERSION);
        root.put("x-generated-by", Headers.GENERATED);
        root.put("x-source", Headers.source(workspace.name(), "objects and fields"));
        ObjectNode info = root.putObject("info");
        info.put("title", title);
        info.put("version", API_VERSION);
        info.put("description", guide);
        root.putArray("servers").addObject()
                .put("url", serverUrl)
                .put("description", "Relative to the serving host; the runtime may replace it with its public URL.");
        root.putArray("security").addObject().putArray(BEARER);
        root.putArray("tags");
        root.putObject("paths");
        ObjectNode components = root.putObject("components");
        components.putObject("securitySchemes").putObject(BEARER)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "API key")
                .put("description", "An API key of the workspace, sent as `Authorization: Bearer <key>`.");
        components.putObject("parameters");
        ErrorResponses.addTo(components);
        components.putObject("schemas");
        ErrorResponses.addSchemaTo(schemas(root));
        schemas(root).set("PageInfo", pageInfo());
        return root;
    }

    static ObjectNode paths(ObjectNode root) {
        return (ObjectNode) root.get("paths");
    }

    static ObjectNode components(ObjectNode root) {
        return (ObjectNode) root.get("components");
    }

    static ObjectNode parameters(ObjectNode root) {
        return (ObjectNode) components(root).get("parameters");
    }

    static ObjectNode schemas(ObjectNode root) {
        return (ObjectNode) components(root).get("schemas");
    }

    static void addTag(ObjectNode root, String name, String description) {
        root.withArray("tags").addObject().put("name", name).put("description", description);
    }

    private static ObjectNode pageInfo() {
        ObjectNode schema = SchemaNodes.object();
        schema.put("description", "Where this page sits in the whole result. Pass `endCursor` as `starting_after` "
                + "for the next page, `startCursor` as `ending_before` for the previous one; both are null on an empty page.");
        ObjectNode properties = SchemaNodes.properties(schema);
        properties.set("hasNextPage", SchemaNodes.type("boolean"));
        properties.set("hasPreviousPage", SchemaNodes.type("boolean"));
        properties.set("startCursor", SchemaNodes.nullable(SchemaNodes.string()));
        properties.set("endCursor", SchemaNodes.nullable(SchemaNodes.string()));
        SchemaNodes.require(schema, List.of("hasNextPage", "hasPreviousPage", "startCursor", "endCursor"));
        return schema;
    }
}
