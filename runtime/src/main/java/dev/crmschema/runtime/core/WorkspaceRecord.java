package dev.crmschema.runtime.core;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A workspace as the core schema stores it. {@code metadataVersion} grows with every metadata change; a
 * snapshot built from this record serves that version (or a newer one, never an older one).
 */
public record WorkspaceRecord(
        UUID id, String name, String displayName, String schemaName, String modelHash, OffsetDateTime createdAt,
        long metadataVersion) {

    /** A record at the first version, as a new workspace has. */
    public WorkspaceRecord(UUID id, String name, String displayName, String schemaName, String modelHash, OffsetDateTime createdAt) {
        this(id, name, displayName, schemaName, modelHash, createdAt, 1);
    }

    public WorkspaceRecord withVersion(long version, String hash) {
        return new WorkspaceRecord(id, name, displayName, schemaName, hash, createdAt, version);
    }
}
