package dev.crmschema.runtime.permissions;

import java.util.UUID;

/** What a role may do with the records of one object; replaces the role-wide flags for that object. */
public record ObjectPermission(UUID objectId, boolean canRead, boolean canUpdate, boolean canSoftDelete, boolean canDestroy) {}
