package dev.crmschema.runtime.core;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * How servers tell each other that a workspace changed: a PostgreSQL notification on one channel, sent
 * inside the changing transaction (so it is delivered only if the change commits), carrying the
 * workspace id and its new metadata version.
 */
public final class WorkspaceChanges {
    public static final String CHANNEL = "crm_workspace_changed";

    /** What one notification says. */
    public record Change(UUID workspaceId, long version) {}

    private WorkspaceChanges() {}

    /** Sends the notification as part of {@code tx}'s transaction. */
    public static void notify(DSLContext tx, UUID workspaceId, long version) {
        tx.execute("SELECT pg_notify(?, ?)", CHANNEL, workspaceId + ":" + version);
    }

    /** Reads a notification's payload; empty for anything that is not one of ours. */
    public static Optional<Change> parse(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Change(UUID.fromString(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
