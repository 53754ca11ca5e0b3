package dev.crmschema.compiler.emit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.testing.ExampleWorkspaces;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The two documents of an example workspace, emitted once per test run to keep the suite fast. */
record EmittedDocuments(Workspace workspace, List<GeneratedFile> files, String core, String metadata) {
    static final List<String> WORKSPACES = List.of("standard", "showcase");
    private static final Map<String, EmittedDocuments> CACHE = new ConcurrentHashMap<>();

    static EmittedDocuments of(String workspaceName) {
        return CACHE.computeIfAbsent(workspaceName, name -> {
            Workspace workspace = ExampleWorkspaces.linked(name);
            List<GeneratedFile> files = new OpenApiEmitter().emit(workspace, new EmitContext(EmitContext.DEFAULT_BASE_PACKAGE));
            return new EmittedDocuments(workspace, files, content(files, OpenApiEmitter.CORE_FILE),
                    content(files, OpenApiEmitter.METADATA_FILE));
        });
    }

    JsonNode coreTree() {
        return tree(core);
    }

    JsonNode metadataTree() {
        return tree(metadata);
    }

    private static String content(List<GeneratedFile> files, String name) {
        return files.stream().filter(f -> f.path().endsWith("/" + name)).findFirst().orElseThrow().content();
    }

    private static JsonNode tree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
