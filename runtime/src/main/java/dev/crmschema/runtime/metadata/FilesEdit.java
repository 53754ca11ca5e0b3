package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Export and import: a workspace's model as the plugin's metadata files, and a whole new set of files
 * replacing it. An import is one metadata change like any other (validated, migrated, versioned); it
 * cannot rename, and it may leave out only objects and fields that are already inactive.
 */
public final class FilesEdit {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FilesEdit() {}

    /** {@code {"workspace": name, "version": n, "files": {path: content}}}. */
    public static ObjectNode export(String workspaceName, WorkspaceMetadata metadata) {
        ObjectNode answer = NODES.objectNode();
        answer.put("workspace", workspaceName);
        answer.put("version", metadata.version());
        ObjectNode files = answer.putObject("files");
        metadata.files().byPath().forEach(files::put);
        return answer;
    }

    /** Reads {@code {"files": {path: content}}} from an import request. */
    public static MetadataFiles files(JsonNode input) {
        Body body = Body.of(input, java.util.Set.of("files", "workspace", "version"));
        JsonNode files = body.get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw ApiException.badRequest("files must be an object of metadata file paths and their contents");
        }
        Map<String, String> byPath = new TreeMap<>();
        files.properties().forEach(entry -> {
            if (!entry.getValue().isTextual()) {
                throw ApiException.badRequest("the content of file '" + entry.getKey() + "' must be a string");
            }
            byPath.put(checkedPath(entry.getKey()), entry.getValue().asText());
        });
        return new MetadataFiles(byPath);
    }

    /** The change that replaces the workspace's files with {@code files}. */
    public static ModelChange replace(WorkspaceMetadata current, String workspaceName, MetadataFiles files) {
        if (!files.byPath().containsKey(MetadataFiles.WORKSPACE_FILE)) {
            throw ApiException.badRequest("the files must include " + MetadataFiles.WORKSPACE_FILE);
        }
        ModelChange change = new ModelChange(current, WorkspaceSource.of(files));
        change.verifyWith(linked -> verify(change, workspaceName, linked));
        change.answer(200, next -> export(workspaceName, next));
        return change;
    }

    private static void verify(ModelChange change, String workspaceName, SchemaCompiler.Result linked) {
        Workspace next = linked.withInactive().orElseThrow();
        if (!next.name().equals(workspaceName)) {
            throw ApiException.badRequest("the files describe workspace '" + next.name() + "', not '" + workspaceName + "'");
        }
        WorkspaceMetadata current = change.current();
        List<String> activeRemoved = new ArrayList<>();
        for (ObjectType object : current.all().objects()) {
            if (next.object(object.nameSingular()).isEmpty()) {
                if (current.isActive(object)) {
                    activeRemoved.add("object '" + object.nameSingular() + "'");
                }
                change.forgetObject(object.nameSingular());
                continue;
            }
            for (Field field : object.fields()) {
                if (next.require(object.nameSingular()).field(field.name()).isEmpty()) {
                    if (current.isActive(object, field)) {
                        activeRemoved.add("field '" + object.nameSingular() + "." + field.name() + "'");
                    }
                    change.forgetField(object.nameSingular(), field.name());
                }
            }
        }
        if (!activeRemoved.isEmpty()) {
            throw ApiException.badRequest("The files leave out active " + String.join(", ", activeRemoved)
                    + "; deactivate them (isActive: false) before removing them");
        }
        for (ObjectType object : next.objects()) {
            if (current.all().object(object.nameSingular()).isEmpty()) {
                change.claimObjectId(object.nameSingular());
            }
            for (Field field : object.fields()) {
                boolean known = current.all().object(object.nameSingular()).flatMap(o -> o.field(field.name())).isPresent();
                if (!known) {
                    change.claimFieldId(object.nameSingular(), field.name());
                }
            }
        }
    }

    /** Relative paths of metadata files only: nothing that could point outside a workspace folder. */
    private static String checkedPath(String path) {
        boolean safe = !path.isEmpty() && !path.startsWith("/") && !path.contains("\\") && !path.contains("\0")
                && java.util.Arrays.stream(path.split("/")).noneMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."))
                && MetadataFiles.isMetadataFile(path);
        if (!safe) {
            throw ApiException.badRequest("'" + path + "' is not a relative path of a .yaml, .yml or .json file");
        }
        return path;
    }
}
