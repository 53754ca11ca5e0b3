package dev.crmschema.runtime.workspace;

import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.EmbeddedDatabase;
import dev.crmschema.runtime.metadata.MetadataService;
import java.util.Map;
import java.util.TreeMap;

/** A temporary embedded PostgreSQL with the core schema, and the workspace and metadata services over it. */
final class WorkspaceFixture implements AutoCloseable {
    final EmbeddedDatabase postgres = EmbeddedDatabase.startTemporary();
    final Database database = new Database(postgres.configuration());
    final WorkspaceService workspaces;
    final MetadataService metadata;

    /** Models are compiled in class loaders below {@code test}'s. */
    WorkspaceFixture(Class<?> test) {
        CoreSchema.migrate(database.dsl());
        workspaces = new WorkspaceService(database.dsl(), new ModelClasses(test.getClassLoader()), new WorkspaceRegistry());
        metadata = new MetadataService(database.dsl(), workspaces);
    }

    /** A workspace's metadata files: the standard objects, plus custom ones when {@code objectFile} is not empty. */
    static MetadataFiles files(String name, String displayName, String objectFile) {
        Map<String, String> files = new TreeMap<>();
        files.put(MetadataFiles.WORKSPACE_FILE, "workspace:\n  name: " + name + "\n  displayName: '" + displayName.replace("'", "''") + "'\n");
        if (!objectFile.isEmpty()) {
            files.put("objects/gadget.yaml", objectFile);
        }
        return new MetadataFiles(files);
    }

    /** A custom object file: the object {@code gadget} with a title and {@code extraFields} (YAML list items). */
    static String gadget(String extraFields) {
        return """
                objects:
                  - nameSingular: gadget
                    namePlural: gadgets
                    labelSingular: Gadget
                    labelPlural: Gadgets
                    fields:
                      - {name: title, label: Title, type: TEXT}
                """ + extraFields;
    }

    @Override
    public void close() {
        database.close();
        postgres.close();
    }
}
