package dev.crmschema.runtime.commands;

import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.metadata.InvalidMetadataException;
import dev.crmschema.runtime.metadata.WorkspaceImport;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceService;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code import-workspace config.yml --metadata DIR}: creates the workspace the folder describes, or
 * updates the existing one of that name as one metadata change (running servers pick it up).
 */
public final class ImportWorkspaceCommand extends DatabaseCommand {
    public ImportWorkspaceCommand() {
        super("import-workspace", "Create or update a workspace from a folder of metadata files (as export-workspace writes them)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--metadata").dest("metadata").required(true).help("folder holding workspace.yaml and the object files");
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) {
        Path folder = Path.of(namespace.getString("metadata"));
        if (!Files.isDirectory(folder)) {
            throw new CommandException("metadata folder not found: " + folder);
        }
        WorkspaceService workspaces = new WorkspaceService(database.dsl(), configuration.modelClasses(),
                new WorkspaceRegistry());
        try {
            WorkspaceImport.Outcome outcome = new WorkspaceImport(database.dsl(), workspaces).importFiles(MetadataFiles.load(folder));
            System.out.println((outcome.created() ? "Created" : "Updated") + " workspace '" + outcome.workspace().name()
                    + "' at metadata version " + outcome.version()
                    + (outcome.created() ? " (schema " + outcome.workspace().schemaName() + ")" : " (" + outcome.schemaStatements() + " schema statements)"));
        } catch (InvalidMetadataException e) {
            throw new CommandException(e.messages().size() + " problem(s) in " + folder + ":\n" + String.join("\n", e.messages()));
        } catch (ApiException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
