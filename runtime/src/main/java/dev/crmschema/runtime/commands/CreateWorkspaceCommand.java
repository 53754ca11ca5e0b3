package dev.crmschema.runtime.commands;

import dev.crmschema.compiler.diag.CompilationException;
import dev.crmschema.compiler.diag.Diagnostic;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceService;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code create-workspace config.yml --metadata DIR}: validates a metadata folder and creates its workspace. */
public final class CreateWorkspaceCommand extends DatabaseCommand {
    public CreateWorkspaceCommand() {
        super("create-workspace", "Create a workspace from a folder of metadata files (workspace.yaml and objects)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--metadata").dest("metadata").required(true)
                .help("folder holding workspace.yaml and the object files");
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) {
        Path folder = Path.of(namespace.getString("metadata"));
        if (!Files.isDirectory(folder)) {
            throw new CommandException("metadata folder not found: " + folder);
        }
        WorkspaceService service = new WorkspaceService(database.dsl(),
                configuration.modelClasses(), new WorkspaceRegistry());
        try {
            WorkspaceRecord created = service.create(MetadataFiles.load(folder));
            System.out.println("Created workspace '" + created.name() + "' (id " + created.id() + ", schema "
                    + created.schemaName() + ")");
        } catch (CompilationException e) {
            StringBuilder message = new StringBuilder(e.diagnostics().size() + " problem(s) in " + folder + ":");
            for (Diagnostic d : e.diagnostics()) {
                message.append('\n').append(d.render());
            }
            throw new CommandException(message.toString());
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
