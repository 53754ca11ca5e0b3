package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.testing.ExampleWorkspaces;

/** The showcase example workspace (standard objects plus pet, shelter, visit), linked once for all tests. */
final class Showcase {
    static final Workspace WORKSPACE = load();

    private Showcase() {}

    static ObjectType object(String nameSingular) {
        return WORKSPACE.require(nameSingular);
    }

    private static Workspace load() {
        return ExampleWorkspaces.model("showcase");
    }
}
