package dev.crmschema.runtime.permissions;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.errors.ApiException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What one role may do in one version of a workspace's model, resolved by object and field name so that
 * checks on the request path are map lookups. Immutable; built once per role version and snapshot.
 *
 * <p>Rules: an object permission replaces the role-wide flags for its object. A field is readable when
 * its object is and no field permission says otherwise; a relation field is readable only when its
 * target object is readable too. A field is updatable when its object is updatable and no field
 * permission says otherwise. {@code id} is always readable.
 */
public final class Access {
    /** What the role may do with one object's records. */
    public record ObjectRights(
            boolean read, boolean update, boolean softDelete, boolean destroy, Set<String> unreadable, Set<String> notUpdatable) {

        static final ObjectRights ALL = new ObjectRights(true, true, true, true, Set.of(), Set.of());

        public boolean canRead(String field) {
            return field.equals("id") || read && !unreadable.contains(field);
        }

        public boolean canUpdate(String field) {
            return update && !notUpdatable.contains(field);
        }

        /** True when every field can be read: responses need no filtering. */
        public boolean readsEverything() {
            return read && unreadable.isEmpty();
        }
    }

    /** The role that may do everything: built-in admin, and the runtime's own tests of the query layer. */
    public static final Access FULL = new Access(Map.of(), ObjectRights.ALL, EnumSet.allOf(SettingsPermission.class));

    private final Map<String, ObjectRights> objects;
    private final ObjectRights otherwise;
    private final Set<SettingsPermission> settings;
    private final boolean readsEverything;

    private Access(Map<String, ObjectRights> objects, ObjectRights otherwise, Set<SettingsPermission> settings) {
        this.objects = objects;
        this.otherwise = otherwise;
        this.settings = settings;
        this.readsEverything = otherwise.readsEverything() && objects.values().stream().allMatch(ObjectRights::readsEverything);
    }

    /**
     * Resolves {@code role} against {@code model}; {@code objectId} and {@code fieldId} give the metadata
     * ids the role's permissions refer to.
     */
    public static Access resolve(Role role, Workspace model, Function<ObjectType, UUID> objectId,
            BiFunction<ObjectType, Field, UUID> fieldId) {
        Map<UUID, ObjectPermission> byObject = new HashMap<>();
        role.objectPermissions().forEach(p -> byObject.put(p.objectId(), p));
        Map<UUID, FieldPermission> byField = new HashMap<>();
        role.fieldPermissions().forEach(p -> byField.put(p.fieldId(), p));

        Map<String, Boolean> readable = new HashMap<>();
        for (ObjectType object : model.objects()) {
            ObjectPermission p = byObject.get(objectId.apply(object));
            readable.put(object.nameSingular(), p != null ? p.canRead() : role.canReadAllObjectRecords());
        }
        Map<String, ObjectRights> objects = new HashMap<>();
        for (ObjectType object : model.objects()) {
            ObjectPermission p = byObject.get(objectId.apply(object));
            Set<String> unreadable = new HashSet<>();
            Set<String> notUpdatable = new HashSet<>();
            for (Field field : object.fields()) {
                FieldPermission fp = byField.get(fieldId.apply(object, field));
                boolean targetUnreadable = field.relation()
                        .map(r -> !readable.getOrDefault(r.targetObject(), false)).orElse(false);
                if ((fp != null && Boolean.FALSE.equals(fp.canRead())) || targetUnreadable) {
                    unreadable.add(field.name());
                    field.joinColumn().ifPresent(c -> unreadable.add(c.name()));
                }
                if (fp != null && Boolean.FALSE.equals(fp.canUpdate())) {
                    notUpdatable.add(field.name());
                    field.joinColumn().ifPresent(c -> notUpdatable.add(c.name()));
                }
            }
            unreadable.remove("id");
            objects.put(object.nameSingular(), p != null
                    ? new ObjectRights(p.canRead(), p.canUpdate(), p.canSoftDelete(), p.canDestroy(), Set.copyOf(unreadable),
                            Set.copyOf(notUpdatable))
                    : new ObjectRights(role.canReadAllObjectRecords(), role.canUpdateAllObjectRecords(),
                            role.canSoftDeleteAllObjectRecords(), role.canDestroyAllObjectRecords(), Set.copyOf(unreadable),
                            Set.copyOf(notUpdatable)));
        }
        Set<SettingsPermission> settings = role.settings().isEmpty()
                ? EnumSet.noneOf(SettingsPermission.class) : EnumSet.copyOf(role.settings());
        return new Access(Map.copyOf(objects), ObjectRights.ALL, settings);
    }

    public ObjectRights on(ObjectType object) {
        return objects.getOrDefault(object.nameSingular(), otherwise);
    }

    /** True when the role reads every field of every object: responses need no shaping. */
    public boolean readsEverything() {
        return readsEverything;
    }

    public boolean can(SettingsPermission permission) {
        return settings.contains(permission);
    }

    /** Refuses the request with the contract's 403 unless the role has the settings permission. */
    public void require(SettingsPermission permission) {
        if (!can(permission)) {
            throw denied();
        }
    }

    /** The contract's answer to a forbidden operation (sections 6.2 and 6.3). */
    public static ApiException denied() {
        return new ApiException(403, "ForbiddenException", "User does not have permission", "PERMISSION_DENIED");
    }
}
