package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.auth.ApiKey;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.permissions.RoleStore;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code list-keys config.yml --workspace NAME}: keys with their state and role, never their secrets. */
public final class ListKeysCommand extends DatabaseCommand {
    public ListKeysCommand() {
        super("list-keys", "List a workspace's API keys (secrets are never stored, so never shown)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--workspace").dest("workspace").required(true).help("workspace name");
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) {
        WorkspaceRecord workspace = WorkspaceArgument.resolve(new WorkspaceStore(database.dsl()), namespace.getString("workspace"));
        OffsetDateTime now = OffsetDateTime.now();
        Map<UUID, String> roles = new HashMap<>();
        new RoleStore(database.dsl()).list(workspace.id()).forEach(role -> roles.put(role.id(), role.label()));
        System.out.printf("%-36s %-24s %-8s %-25s %s%n", "ID", "NAME", "STATE", "EXPIRES", "ROLE");
        for (ApiKey key : new ApiKeyStore(database.dsl()).list(workspace.id())) {
            String state = key.revokedAt().isPresent() ? "revoked" : key.isActive(now) ? "active" : "expired";
            System.out.printf("%-36s %-24s %-8s %-25s %s%n", key.id(), key.name(), state, key.expiresAt(), roles.get(key.roleId()));
        }
    }
}
