package dev.crmschema.runtime.commands;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.query.Actor;
import dev.crmschema.runtime.query.RecordStore;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordBodyParser;
import dev.crmschema.runtime.workspace.ModelClasses;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo's workspace: Twenty's standard objects, filled with realistic sample records (companies,
 * people working there, opportunities, notes and tasks) the first time the demo starts.
 */
final class DemoWorkspace {
    static final String NAME = "demo";
    private static final String SAMPLE_DATA = "/dev/crmschema/runtime/demo/sample-data.json";
    private static final String METADATA = """
            workspace:
              name: demo
              displayName: Demo CRM
              description: Twenty's standard objects with sample companies, people, opportunities, notes and tasks.
            """;

    /** The demo workspace, ready to serve. */
    record Prepared(UUID workspaceId, boolean created) {}

    private DemoWorkspace() {}

    static Prepared prepare(Database database, ModelClasses classes) {
        WorkspaceService service = new WorkspaceService(database.dsl(), classes, new WorkspaceRegistry());
        Optional<WorkspaceRecord> existing = service.store().byName(NAME);
        if (existing.isPresent()) {
            return new Prepared(existing.get().id(), false);
        }
        MetadataFiles files = new MetadataFiles(Map.of(MetadataFiles.WORKSPACE_FILE, METADATA));
        WorkspaceRecord record = service.create(files);
        Workspace model = SchemaCompiler.check(files).workspace().orElseThrow();
        seed(RecordStore.of(database.dsl(), record.schemaName(), model), model);
        return new Prepared(record.id(), true);
    }

    /** Inserts the sample records through the same parser and store the REST API uses. */
    private static void seed(RecordStore store, Workspace model) {
        JsonNode data = sampleData();
        RecordBodyParser parser = new RecordBodyParser(Integer.MAX_VALUE);
        Actor actor = new Actor("SYSTEM", Optional.empty(), "Demo data");
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            var object = model.objectByPlural(entry.getKey())
                    .orElseThrow(() -> new IllegalStateException("sample data names unknown object " + entry.getKey()));
            store.createMany(object, parser.parseCreateBatch(object, entry.getValue()), actor, Projection.DEFAULT);
        }
    }

    private static JsonNode sampleData() {
        try (InputStream in = DemoWorkspace.class.getResourceAsStream(SAMPLE_DATA)) {
            if (in == null) {
                throw new IllegalStateException("sample data missing from the runtime jar: " + SAMPLE_DATA);
            }
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
