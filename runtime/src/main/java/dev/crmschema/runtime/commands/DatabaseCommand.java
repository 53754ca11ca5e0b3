package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.db.Database;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * An operator command that works on the database named in the configuration file, without starting the
 * server. The core schema is migrated first, so commands work on a fresh database too.
 */
abstract class DatabaseCommand extends ConfiguredCommand<CrmServerConfiguration> {
    DatabaseCommand(String name, String description) {
        super(name, description);
    }

    @Override
    protected final void run(Bootstrap<CrmServerConfiguration> bootstrap, Namespace namespace,
            CrmServerConfiguration configuration) throws Exception {
        try (Database database = new Database(configuration.getDatabase())) {
            CoreSchema.migrate(database.dsl());
            run(database, namespace, configuration);
        }
    }

    /** Operator mistakes print as one message; anything else keeps its stack trace for a bug report. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof CommandException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    protected abstract void run(Database database, Namespace namespace, CrmServerConfiguration configuration) throws Exception;
}
