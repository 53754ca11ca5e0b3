package dev.crmschema.compiler.emit.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Workspace;
import java.util.List;

/** The OpenAPI document of a workspace's metadata REST API: its objects, fields and picklists. */
final class MetadataDocument {
    static final String SERVER_URL = "/rest/metadata";

    private MetadataDocument() {}

    static ObjectNode build(Workspace workspace) {
        ObjectNode root = DocumentSkeleton.start(workspace, workspace.displayName() + " metadata REST API",
                guide(workspace), SERVER_URL);
        DocumentSkeleton.addTag(root, "objects", "The workspace's objects.");
        DocumentSkeleton.addTag(root, "fields", "The fields of the objects.");
        DocumentSkeleton.addTag(root, "picklists", "The options of select fields.");
        DocumentSkeleton.addTag(root, "files", "The whole model as metadata files: export and import.");
        DocumentSkeleton.addTag(root, "apiKeys", "The workspace's API keys (settings permission API_KEYS_AND_WEBHOOKS).");
        DocumentSkeleton.addTag(root, "roles", "The roles keys have (settings permission ROLES).");
        MetadataPaths.addParametersTo(DocumentSkeleton.parameters(root));
        AccessPaths.addParametersTo(DocumentSkeleton.parameters(root));
        MetadataSchemas.addTo(DocumentSkeleton.schemas(root));
        AccessPaths.addSchemasTo(DocumentSkeleton.schemas(root));
        MetadataPaths.addTo(DocumentSkeleton.paths(root), DocumentSkeleton.components(root).putObject("examples"), workspace);
        AccessPaths.addTo(DocumentSkeleton.paths(root), workspace);
        return root;
    }

    private static String guide(Workspace workspace) {
        return String.join("\n", List.of(
                "The metadata REST API of the **" + workspace.displayName() + "** workspace: read and change its data "
                        + "model (" + workspace.objects().size() + " objects today). Changes are applied to the core API "
                        + "of the workspace once they are saved.",
                "",
                "## Authentication",
                "",
                "Send an API key of the workspace: `Authorization: Bearer <API key>`. A missing, malformed, expired or "
                        + "revoked key gets `401`. Reading the model is open to every key; changing it needs a role with the "
                        + "`DATA_MODEL` settings permission, managing keys `API_KEYS_AND_WEBHOOKS`, managing roles `ROLES`; "
                        + "otherwise the answer is `403` \"User does not have permission\".",
                "",
                "## Response format",
                "",
                "This API uses the \"new format\" of the metadata REST API: a single object or field comes back bare "
                        + "(`{\"id\": ..., \"nameSingular\": ...}`), and a list comes back as "
                        + "`{\"data\": [...], \"pageInfo\": {...}, \"totalCount\": n}`. Creating answers `201`; updating "
                        + "and deleting answer the changed or deleted item.",
                "",
                "## Pagination",
                "",
                "Lists return `limit` items (" + RestContract.METADATA_PAGE_SIZE + " by default and at most). Cursors are "
                        + "item ids: pass `pageInfo.endCursor` as `starting_after` for the next page, or "
                        + "`pageInfo.startCursor` as `ending_before` for the previous one, never both.",
                "",
                "## Changes",
                "",
                "Every change is validated by the schema compiler; when it refuses one, the answer is `400` with one "
                        + "message per problem, each naming the metadata file, line and column it found it at. A change "
                        + "applies in one transaction with its migration of the records: renaming keeps the records' "
                        + "values. Objects and fields are deleted (with their records) only after they are deactivated "
                        + "with `{\"isActive\": false}`.",
                "",
                "Errors have the body `{\"statusCode\": 400, \"error\": \"BadRequestException\", \"messages\": [\"...\"]}`.",
                "",
                "## GraphQL",
                "",
                "The same reads and changes are served as GraphQL at `POST /metadata` (same key): the queries `objects`, "
                        + "`object`, `fields` and `field` (cursor connections, 10 items by default and 1000 at most) and the "
                        + "mutations `createOneObject`, `updateOneObject`, `deleteOneObject`, `createOneField`, "
                        + "`updateOneField` and `deleteOneField`. Its errors use the GraphQL envelope "
                        + "(`{\"errors\": [{\"message\": \"...\", \"extensions\": {\"code\": \"BAD_USER_INPUT\"}}]}`)."));
    }
}
