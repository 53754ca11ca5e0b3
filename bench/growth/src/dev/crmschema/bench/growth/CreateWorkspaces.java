package dev.crmschema.bench.growth;

import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.db.DatabaseConfiguration;
import dev.crmschema.runtime.workspace.ModelClasses;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates {@code count} workspaces in one database through the runtime's own {@link WorkspaceService}
 * (stored metadata, schema and tables, as {@code create-workspace} does), in one JVM so that a thousand
 * cost seconds, not a thousand JVM starts. {@code identical}: every workspace has the standard objects
 * only, so they share one model; {@code distinct}: each also has a small custom object whose field names
 * carry the workspace's number, so every model differs. Prints an {@code API_KEY=...} of workspace
 * {@code bench0}.
 *
 * <p>Usage: {@code CreateWorkspaces JDBC_URL COUNT identical|distinct}.
 */
public final class CreateWorkspaces {
    private CreateWorkspaces() {}

    public static void main(String[] args) {
        DatabaseConfiguration configuration = new DatabaseConfiguration();
        configuration.setUrl(args[0]);
        configuration.setUser("postgres");
        configuration.setPassword("");
        int count = Integer.parseInt(args[1]);
        boolean distinct = switch (args[2]) {
            case "identical" -> false;
            case "distinct" -> true;
            default -> throw new IllegalArgumentException("models must be identical or distinct, not " + args[2]);
        };
        try (Database database = new Database(configuration)) {
            CoreSchema.migrate(database.dsl());
            WorkspaceService service = new WorkspaceService(database.dsl(),
                    new ModelClasses(CreateWorkspaces.class.getClassLoader()), new WorkspaceRegistry());
            WorkspaceRecord first = null;
            for (int i = 0; i < count; i++) {
                WorkspaceRecord created = service.create(files(i, distinct));
                first = first == null ? created : first;
            }
            if (first != null) {
                String key = new ApiKeyStore(database.dsl())
                        .create(first.id(), "startup benchmark", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)).token();
                System.out.println("API_KEY=" + key);
            }
        }
    }

    private static MetadataFiles files(int number, boolean distinct) {
        Map<String, String> files = new TreeMap<>();
        files.put(MetadataFiles.WORKSPACE_FILE, """
                workspace:
                  name: bench%d
                  displayName: Benchmark %d
                """.formatted(number, number));
        if (distinct) {
            files.put("objects/project.yaml", """
                    objects:
                      - nameSingular: project
                        namePlural: projects
                        labelSingular: Project
                        labelPlural: Projects
                        fields:
                          - {name: title, label: Title, type: TEXT}
                          - {name: budget%1$d, label: Budget %1$d, type: CURRENCY}
                          - {name: stage%1$d, label: Stage %1$d, type: SELECT, options: [{value: OPEN, label: Open, color: green}, {value: DONE, label: Done, color: gray}]}
                    """.formatted(number));
        }
        return new MetadataFiles(files);
    }
}
