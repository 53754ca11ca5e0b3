package dev.crmschema.runtime.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * An API key as stored: never the secret, only its hash. {@code roleId} is the key's one role and
 * {@code roleVersion} the version of that role when the key was read (it keys cached permissions).
 */
public record ApiKey(
        UUID id, UUID workspaceId, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
        Optional<OffsetDateTime> revokedAt, UUID roleId, long roleVersion) {

    public boolean isActive(OffsetDateTime now) {
        return revokedAt.isEmpty() && expiresAt.isAfter(now);
    }
}
