package dev.crmschema.runtime.core;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A workspace as the core schema stores it. */
public record WorkspaceRecord(
        UUID id, String name, String displayName, String schemaName, String modelHash, OffsetDateTime createdAt) {}
