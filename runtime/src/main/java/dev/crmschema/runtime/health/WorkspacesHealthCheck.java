package dev.crmschema.runtime.health;

import com.codahale.metrics.health.HealthCheck;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import java.util.List;

/** Healthy when every workspace in the database is loaded and served by this server. */
public final class WorkspacesHealthCheck extends HealthCheck {
    private final WorkspaceStore store;
    private final WorkspaceRegistry registry;

    public WorkspacesHealthCheck(WorkspaceStore store, WorkspaceRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    protected Result check() {
        List<String> missing = store.list().stream()
                .filter(w -> registry.get(w.id()).isEmpty())
                .map(WorkspaceRecord::name)
                .toList();
        if (!missing.isEmpty()) {
            return Result.unhealthy("not loaded: " + String.join(", ", missing));
        }
        return Result.healthy(registry.all().size() + " workspace(s) loaded");
    }
}
