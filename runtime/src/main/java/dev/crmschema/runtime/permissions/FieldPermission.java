package dev.crmschema.runtime.permissions;

import java.util.UUID;

/**
 * Whether a role may read or update one field's values. A null flag means "as the object allows"; a
 * field never allows more than its object.
 */
public record FieldPermission(UUID objectId, UUID fieldId, Boolean canRead, Boolean canUpdate) {}
