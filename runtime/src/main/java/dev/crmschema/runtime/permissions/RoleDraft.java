package dev.crmschema.runtime.permissions;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The editable part of a role: what a create or an update writes. */
public record RoleDraft(
        String label,
        Optional<String> description,
        boolean canReadAllObjectRecords,
        boolean canUpdateAllObjectRecords,
        boolean canSoftDeleteAllObjectRecords,
        boolean canDestroyAllObjectRecords,
        Set<SettingsPermission> settings,
        List<ObjectPermission> objectPermissions,
        List<FieldPermission> fieldPermissions) {

    public static RoleDraft of(Role role) {
        return new RoleDraft(role.label(), role.description(), role.canReadAllObjectRecords(), role.canUpdateAllObjectRecords(),
                role.canSoftDeleteAllObjectRecords(), role.canDestroyAllObjectRecords(), role.settings(),
                role.objectPermissions(), role.fieldPermissions());
    }
}
