package dev.crmschema.runtime.limits;

import java.util.OptionalInt;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The stored rate limits that override the server default: one per workspace (for each of its keys)
 * and one per key (which wins over its workspace's). An empty limit clears the override.
 */
public final class RateLimitSettings {
    private final DSLContext dsl;

    public RateLimitSettings(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Returns false when there is no such key. */
    public boolean setForKey(UUID keyId, OptionalInt callsPerWindow) {
        return dsl.execute("UPDATE core.api_key SET rate_limit = ? WHERE id = ?", boxed(callsPerWindow), keyId) == 1;
    }

    /** Returns false when there is no such workspace. */
    public boolean setForWorkspace(UUID workspaceId, OptionalInt callsPerWindow) {
        return dsl.execute("UPDATE core.workspace SET rate_limit = ? WHERE id = ?", boxed(callsPerWindow), workspaceId) == 1;
    }

    private static Integer boxed(OptionalInt callsPerWindow) {
        callsPerWindow.ifPresent(calls -> {
            if (calls < 1) {
                throw new IllegalArgumentException("a rate limit allows at least 1 call per window, not " + calls);
            }
        });
        return callsPerWindow.isPresent() ? callsPerWindow.getAsInt() : null;
    }
}
