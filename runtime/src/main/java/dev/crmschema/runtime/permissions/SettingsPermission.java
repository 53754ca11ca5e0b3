package dev.crmschema.runtime.permissions;

/**
 * Settings a role may manage (reference contract, section 6.2, twenty-shared {@code PermissionFlagType}).
 * The metadata API asks for {@link #DATA_MODEL} to change objects and fields, {@link #API_KEYS_AND_WEBHOOKS}
 * for keys and {@link #ROLES} for roles; the others are stored and shown for compatibility.
 */
public enum SettingsPermission {
    API_KEYS_AND_WEBHOOKS,
    WORKSPACE,
    WORKSPACE_MEMBERS,
    ROLES,
    DATA_MODEL,
    SECURITY,
    WORKFLOWS
}
