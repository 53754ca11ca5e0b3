package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.db.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code export-workspace config.yml --workspace NAME --out DIR}: writes a live workspace's model as the
 * metadata files the Maven plugin and {@code import-workspace} read.
 */
public final class ExportWorkspaceCommand extends DatabaseCommand {
    public ExportWorkspaceCommand() {
        super("export-workspace", "Write a workspace's metadata files (its current model) into an empty or new folder");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--workspace").dest("workspace").required(true).help("workspace name");
        subparser.addArgument("--out").dest("out").required(true).help("folder to write (created; must be empty if it exists)");
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) throws IOException {
        WorkspaceStore store = new WorkspaceStore(database.dsl());
        WorkspaceRecord workspace = WorkspaceArgument.resolve(store, namespace.getString("workspace"));
        Path out = Path.of(namespace.getString("out")).toAbsolutePath().normalize();
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new CommandException("folder is not empty: " + out);
                }
            }
        }
        Map<String, String> files = store.files(workspace.id()).byPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = out.resolve(file.getKey()).normalize();
            if (!target.startsWith(out)) {
                throw new CommandException("stored path leaves the folder: " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("Wrote " + files.size() + " file(s) of workspace '" + workspace.name() + "' (metadata version "
                + workspace.metadataVersion() + ") to " + out);
    }
}
