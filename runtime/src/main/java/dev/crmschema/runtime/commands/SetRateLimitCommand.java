package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.db.Database;
import dev.crmschema.runtime.limits.RateLimitSettings;
import java.util.OptionalInt;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.MutuallyExclusiveGroup;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code set-rate-limit config.yml (--key UUID | --workspace NAME) --calls N|default}: the calls per
 * window a key (or each key of a workspace) may make, instead of the configured {@code limits.rateLimit}.
 * Every server reads it on the next request.
 */
public final class SetRateLimitCommand extends DatabaseCommand {
    public SetRateLimitCommand() {
        super("set-rate-limit", "Set the rate limit of one API key or of a workspace's keys");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        MutuallyExclusiveGroup target = subparser.addMutuallyExclusiveGroup().required(true);
        target.addArgument("--key").dest("key").help("a key id (KEY_ID from create-key, or list-keys)");
        target.addArgument("--workspace").dest("workspace").help("a workspace name: the limit of each of its keys");
        subparser.addArgument("--calls").dest("calls").required(true)
                .help("calls per window (limits.rateLimitWindow), or 'default' to remove the override");
    }

    @Override
    protected void run(Database database, Namespace namespace, CrmServerConfiguration configuration) {
        OptionalInt calls = calls(namespace.getString("calls"));
        RateLimitSettings settings = new RateLimitSettings(database.dsl());
        String shown = calls.isPresent() ? calls.getAsInt() + " calls per " + configuration.getLimits().getRateLimitWindow()
                : "the default";
        if (namespace.getString("key") != null) {
            UUID id = keyId(namespace.getString("key"));
            if (!settings.setForKey(id, calls)) {
                throw new CommandException("no API key with id " + id);
            }
            System.out.println("Key " + id + " now has " + shown);
        } else {
            WorkspaceRecord workspace = WorkspaceArgument.resolve(new WorkspaceStore(database.dsl()), namespace.getString("workspace"));
            settings.setForWorkspace(workspace.id(), calls);
            System.out.println("Keys of workspace " + workspace.name() + " without their own limit now have " + shown);
        }
    }

    private static OptionalInt calls(String raw) {
        if (raw.equals("default")) {
            return OptionalInt.empty();
        }
        try {
            int calls = Integer.parseInt(raw);
            if (calls >= 1) {
                return OptionalInt.of(calls);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandException("--calls '" + raw + "' is not a positive whole number or 'default'");
    }

    private static UUID keyId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new CommandException("--key '" + raw + "' is not a key id (a UUID)");
        }
    }
}
