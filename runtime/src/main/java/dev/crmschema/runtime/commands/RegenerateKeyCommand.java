package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.auth.ApiKeyStore;
import dev.crmschema.runtime.db.Database;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code regenerate-key config.yml --id UUID [--expires-at ISO]}: a new secret for the key, printed once;
 * the old one stops working on its next request, on every server. The key keeps its id, name and role.
 */
public final class RegenerateKeyCommand extends DatabaseCommand {
    public RegenerateKeyCommand() {
        super("regenerate-key", "Give an API key a new secret (printed once); the old secret stops working at once");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        KeyIdArgument.add(subparser);
        subparser.addArgument("--expires-at").dest("expiresAt").help("a new expiry as ISO date-time (default: unchanged)");
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) {
        UUID id = KeyIdArgument.parse(namespace);
        Optional<OffsetDateTime> expiresAt = Optional.ofNullable(namespace.getString("expiresAt")).map(RegenerateKeyCommand::parse);
        ApiKeyStore.Created created = new ApiKeyStore(database.dsl()).regenerate(id, expiresAt)
                .orElseThrow(() -> new CommandException("no API key with id " + id));
        System.out.println("KEY_ID=" + created.key().id());
        System.out.println("API_KEY=" + created.token());
        System.out.println("Expires " + created.key().expiresAt() + ". Store the key now: it cannot be shown again.");
    }

    private static OffsetDateTime parse(String at) {
        try {
            return OffsetDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new CommandException("--expires-at '" + at + "' is not an ISO date-time such as 2027-12-31T00:00:00Z");
        }
    }
}
