package dev.crmschema.runtime.commands;

import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import java.util.stream.Collectors;

/** Resolves the {@code --workspace NAME} argument of key commands, with a helpful error. */
final class WorkspaceArgument {
    private WorkspaceArgument() {}

    static WorkspaceRecord resolve(WorkspaceStore store, String name) {
        return store.byName(name).orElseThrow(() -> new CommandException("no workspace named '" + name + "'; known: "
                + store.list().stream().map(WorkspaceRecord::name).collect(Collectors.joining(", "))));
    }
}
