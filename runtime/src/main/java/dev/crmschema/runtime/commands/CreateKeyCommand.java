package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.permissions.Role;
import dev.crmschema.runtime.permissions.RoleStore;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code create-key config.yml --workspace NAME --name NAME [--role ROLE] [--expires-at ISO | --days N]}: prints the
 * key once. The role is a label or built-in id ({@code admin}, {@code read-only}, see {@code list-roles}); admin by default.
 */
public final class CreateKeyCommand extends DatabaseCommand {
    public CreateKeyCommand() {
        super("create-key", "Create an API key for a workspace; the key is printed once and never stored");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--workspace").dest("workspace").required(true).help("workspace name");
        subparser.addArgument("--name").dest("name").required(true).help("a name for the key, e.g. 'zapier'");
        subparser.addArgument("--role").dest("role").setDefault(Role.ADMIN)
                .help("the key's role: a role label, or admin / read-only (default admin)");
        subparser.addArgument("--expires-at").dest("expiresAt").help("expiry as ISO date-time, e.g. 2027-12-31T00:00:00Z");
        subparser.addArgument("--days").dest("days").type(Integer.class).setDefault(365)
                .help("days until expiry when --expires-at is not given (default 365)");
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) {
        WorkspaceRecord workspace = WorkspaceArgument.resolve(new WorkspaceStore(database.dsl()), namespace.getString("workspace"));
        OffsetDateTime expiresAt = expiry(namespace);
        String roleName = namespace.getString("role");
        Role role = new RoleStore(database.dsl()).byName(workspace.id(), roleName)
                .orElseThrow(() -> new CommandException("workspace '" + workspace.name() + "' has no role '" + roleName
                        + "' (see list-roles)"));
        ApiKeyStore.Created created = new ApiKeyStore(database.dsl()).create(workspace.id(), namespace.getString("name"), expiresAt,
                Optional.of(role.id()));
        System.out.println("KEY_ID=" + created.key().id());
        System.out.println("API_KEY=" + created.token());
        System.out.println("Role " + role.label() + ".");
        System.out.println("Expires " + expiresAt + ". Store the key now: it cannot be shown again.");
    }

    private static OffsetDateTime expiry(Namespace namespace) {
        String at = namespace.getString("expiresAt");
        if (at == null) {
            return OffsetDateTime.now(ZoneOffset.UTC).plusDays(namespace.getInt("days"));
        }
        try {
            return OffsetDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new CommandException("--expires-at '" + at + "' is not an ISO date-time such as 2027-12-31T00:00:00Z");
        }
    }
}
