package dev.crmschema.runtime.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** An API key as stored: never the secret, only its hash. */
public record ApiKey(
        UUID id, UUID workspaceId, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
        Optional<OffsetDateTime> revokedAt) {

    public boolean isActive(OffsetDateTime now) {
        return revokedAt.isEmpty() && expiresAt.isAfter(now);
    }
}
