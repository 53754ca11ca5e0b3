package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.db.Database;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code list-workspaces config.yml}: one line per workspace. */
public final class ListWorkspacesCommand extends DatabaseCommand {
    public ListWorkspacesCommand() {
        super("list-workspaces", "List the workspaces this database serves");
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) {
        List<WorkspaceRecord> workspaces = new WorkspaceStore(database.dsl()).list();
        if (workspaces.isEmpty()) {
            System.out.println("No workspaces yet: create one with 'create-workspace config.yml --metadata DIR'.");
            return;
        }
        System.out.printf("%-24s %-36s %-32s %s%n", "NAME", "ID", "SCHEMA", "DISPLAY NAME");
        for (WorkspaceRecord w : workspaces) {
            System.out.printf("%-24s %-36s %-32s %s%n", w.name(), w.id(), w.schemaName(), w.displayName());
        }
    }
}
