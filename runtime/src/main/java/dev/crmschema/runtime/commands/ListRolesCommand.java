package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.permissions.Role;
import dev.crmschema.runtime.permissions.RoleStore;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code list-roles config.yml --workspace NAME}: the workspace's roles, with their role-wide record
 * permissions (R read, U update, S soft delete, D destroy), how many object and field permissions they
 * have, and their settings permissions. Roles are edited through {@code /rest/metadata/roles}.
 */
public final class ListRolesCommand extends DatabaseCommand {
    public ListRolesCommand() {
        super("list-roles", "List a workspace's roles");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--workspace").dest("workspace").required(true).help("workspace name");
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) {
        WorkspaceRecord workspace = WorkspaceArgument.resolve(new WorkspaceStore(database.dsl()), namespace.getString("workspace"));
        System.out.printf("%-36s %-24s %-9s %-4s %-7s %-6s %s%n", "ID", "LABEL", "BUILT-IN", "ALL", "OBJECTS", "FIELDS", "SETTINGS");
        for (Role role : new RoleStore(database.dsl()).list(workspace.id())) {
            String all = (role.canReadAllObjectRecords() ? "R" : "-") + (role.canUpdateAllObjectRecords() ? "U" : "-")
                    + (role.canSoftDeleteAllObjectRecords() ? "S" : "-") + (role.canDestroyAllObjectRecords() ? "D" : "-");
            System.out.printf("%-36s %-24s %-9s %-4s %-7d %-6d %s%n", role.id(), role.label(), role.standardId().orElse("-"), all,
                    role.objectPermissions().size(), role.fieldPermissions().size(),
                    role.settings().isEmpty() ? "-" : role.settings().stream().sorted().map(Enum::name).toList());
        }
    }
}
