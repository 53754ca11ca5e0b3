package dev.crmschema.runtime.permissions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A role as stored (reference contract, section 6.2): role-wide flags over every object's records, the
 * settings it may manage, and object and field permissions that narrow or widen the role-wide flags.
 * {@code standardId} marks the built-in roles ({@code admin}, {@code read-only}), which cannot be changed
 * or deleted. {@code version} grows with every change.
 */
public record Role(
        UUID id,
        UUID workspaceId,
        String label,
        Optional<String> description,
        Optional<String> standardId,
        boolean canReadAllObjectRecords,
        boolean canUpdateAllObjectRecords,
        boolean canSoftDeleteAllObjectRecords,
        boolean canDestroyAllObjectRecords,
        Set<SettingsPermission> settings,
        List<ObjectPermission> objectPermissions,
        List<FieldPermission> fieldPermissions,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String ADMIN = "admin";
    public static final String READ_ONLY = "read-only";

    public boolean isBuiltIn() {
        return standardId.isPresent();
    }
}
