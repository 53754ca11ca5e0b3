package dev.crmschema.runtime.commands;

import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** The {@code --id UUID} argument of the commands that act on one API key. */
final class KeyIdArgument {
    private KeyIdArgument() {}

    static void add(Subparser subparser) {
        subparser.addArgument("--id").dest("id").required(true).help("the key id (KEY_ID from create-key, or list-keys)");
    }

    static UUID parse(Namespace namespace) {
        try {
            return UUID.fromString(namespace.getString("id"));
        } catch (IllegalArgumentException e) {
            throw new CommandException("--id '" + namespace.getString("id") + "' is not a key id (a UUID)");
        }
    }
}
