package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.db.Database;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code revoke-key config.yml --id UUID}: the key stops working on its next request, on every server. */
public final class RevokeKeyCommand extends DatabaseCommand {
    public RevokeKeyCommand() {
        super("revoke-key", "Revoke an API key");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        KeyIdArgument.add(subparser);
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) {
        UUID id = KeyIdArgument.parse(namespace);
        if (!new ApiKeyStore(database.dsl()).revoke(id)) {
            throw new CommandException("no API key with id " + id);
        }
        System.out.println("Revoked key " + id);
    }
}
