package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.metadata.WorkspaceMetadata.OwnedField;
import dev.crmschema.runtime.permissions.FieldPermission;
import dev.crmschema.runtime.permissions.ObjectPermission;
import dev.crmschema.runtime.permissions.Role;
import dev.crmschema.runtime.permissions.RoleDraft;
import dev.crmschema.runtime.permissions.SettingsPermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Roles as the metadata API shows and reads them, with the reference contract's property names
 * (section 6.2): role-wide {@code canReadAllObjectRecords}..., settings as {@code permissionFlags},
 * {@code objectPermissions} ({@code objectMetadataId}, {@code canReadObjectRecords}...) and
 * {@code fieldPermissions} ({@code objectMetadataId}, {@code fieldMetadataId}, {@code canReadFieldValue},
 * {@code canUpdateFieldValue}). Object and field ids must be the workspace's own.
 */
final class RoleJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> ROLE_PROPERTIES = Set.of("label", "description", "canReadAllObjectRecords",
            "canUpdateAllObjectRecords", "canSoftDeleteAllObjectRecords", "canDestroyAllObjectRecords", "permissionFlags",
            "objectPermissions", "fieldPermissions");
    private static final Set<String> OBJECT_PROPERTIES = Set.of("objectMetadataId", "canReadObjectRecords",
            "canUpdateObjectRecords", "canSoftDeleteObjectRecords", "canDestroyObjectRecords");
    private static final Set<String> FIELD_PROPERTIES = Set.of("objectMetadataId", "fieldMetadataId", "canReadFieldValue",
            "canUpdateFieldValue");

    private RoleJson() {}

    static ObjectNode of(Role role) {
        ObjectNode json = NODES.objectNode();
        json.put("id", role.id().toString());
        json.put("label", role.label());
        json.put("description", role.description().orElse(null));
        json.put("standardId", role.standardId().orElse(null));
        json.put("isEditable", !role.isBuiltIn());
        json.put("canReadAllObjectRecords", role.canReadAllObjectRecords());
        json.put("canUpdateAllObjectRecords", role.canUpdateAllObjectRecords());
        json.put("canSoftDeleteAllObjectRecords", role.canSoftDeleteAllObjectRecords());
        json.put("canDestroyAllObjectRecords", role.canDestroyAllObjectRecords());
        ArrayNode flags = json.putArray("permissionFlags");
        role.settings().stream().sorted().forEach(flag -> flags.add(flag.name()));
        ArrayNode objects = json.putArray("objectPermissions");
        for (ObjectPermission p : role.objectPermissions()) {
            ObjectNode o = objects.addObject();
            o.put("objectMetadataId", p.objectId().toString());
            o.put("canReadObjectRecords", p.canRead());
            o.put("canUpdateObjectRecords", p.canUpdate());
            o.put("canSoftDeleteObjectRecords", p.canSoftDelete());
            o.put("canDestroyObjectRecords", p.canDestroy());
        }
        ArrayNode fields = json.putArray("fieldPermissions");
        for (FieldPermission p : role.fieldPermissions()) {
            ObjectNode f = fields.addObject();
            f.put("objectMetadataId", p.objectId().toString());
            f.put("fieldMetadataId", p.fieldId().toString());
            f.put("canReadFieldValue", p.canRead());
            f.put("canUpdateFieldValue", p.canUpdate());
        }
        json.put("createdAt", role.createdAt().toInstant().toString());
        json.put("updatedAt", role.updatedAt().toInstant().toString());
        return json;
    }

    /** A new role: a label is required, flags left out are false. */
    static RoleDraft create(JsonNode input, WorkspaceMetadata metadata) {
        Body body = Body.of(input, ROLE_PROPERTIES);
        RoleDraft empty = new RoleDraft(body.requiredText("label"), Optional.empty(), false, false, false, false,
                EnumSet.noneOf(SettingsPermission.class), List.of(), List.of());
        return apply(body, empty, metadata);
    }

    /** Changes to a role: what the body leaves out stays; given permission lists replace the old ones. */
    static RoleDraft update(JsonNode input, RoleDraft current, WorkspaceMetadata metadata) {
        return apply(Body.of(input, ROLE_PROPERTIES), current, metadata);
    }

    private static RoleDraft apply(Body body, RoleDraft current, WorkspaceMetadata metadata) {
        String label = body.text("label").orElse(current.label());
        Optional<String> description = body.nullableText("description").orElse(current.description());
        boolean read = body.bool("canReadAllObjectRecords").orElse(current.canReadAllObjectRecords());
        boolean update = body.bool("canUpdateAllObjectRecords").orElse(current.canUpdateAllObjectRecords());
        boolean softDelete = body.bool("canSoftDeleteAllObjectRecords").orElse(current.canSoftDeleteAllObjectRecords());
        boolean destroy = body.bool("canDestroyAllObjectRecords").orElse(current.canDestroyAllObjectRecords());
        Set<SettingsPermission> settings = body.has("permissionFlags") ? flags(body.get("permissionFlags")) : current.settings();
        List<ObjectPermission> objects = body.has("objectPermissions")
                ? objectPermissions(body.get("objectPermissions"), metadata, read, update, softDelete, destroy)
                : current.objectPermissions();
        List<FieldPermission> fields = body.has("fieldPermissions")
                ? fieldPermissions(body.get("fieldPermissions"), metadata)
                : current.fieldPermissions();
        return new RoleDraft(label, description, read, update, softDelete, destroy, settings, objects, fields);
    }

    private static Set<SettingsPermission> flags(JsonNode node) {
        Set<SettingsPermission> flags = EnumSet.noneOf(SettingsPermission.class);
        for (JsonNode flag : array(node, "permissionFlags")) {
            try {
                flags.add(SettingsPermission.valueOf(flag.asText()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("permissionFlags: unknown flag '" + flag.asText() + "'; known flags are "
                        + List.of(SettingsPermission.values()));
            }
        }
        return flags;
    }

    /** Flags an object permission leaves out are the role-wide ones. */
    private static List<ObjectPermission> objectPermissions(JsonNode node, WorkspaceMetadata metadata, boolean read, boolean update,
            boolean softDelete, boolean destroy) {
        List<ObjectPermission> permissions = new ArrayList<>();
        for (JsonNode item : array(node, "objectPermissions")) {
            Body body = Body.of(item, OBJECT_PROPERTIES);
            UUID objectId = body.requiredUuid("objectMetadataId");
            if (metadata.object(objectId).isEmpty()) {
                throw ApiException.badRequest("objectMetadataId " + objectId + " is not an object of this workspace");
            }
            permissions.add(new ObjectPermission(objectId, body.bool("canReadObjectRecords").orElse(read),
                    body.bool("canUpdateObjectRecords").orElse(update), body.bool("canSoftDeleteObjectRecords").orElse(softDelete),
                    body.bool("canDestroyObjectRecords").orElse(destroy)));
        }
        return permissions;
    }

    private static List<FieldPermission> fieldPermissions(JsonNode node, WorkspaceMetadata metadata) {
        List<FieldPermission> permissions = new ArrayList<>();
        for (JsonNode item : array(node, "fieldPermissions")) {
            Body body = Body.of(item, FIELD_PROPERTIES);
            UUID fieldId = body.requiredUuid("fieldMetadataId");
            OwnedField field = metadata.field(fieldId).orElseThrow(
                    () -> ApiException.badRequest("fieldMetadataId " + fieldId + " is not a field of this workspace"));
            UUID objectId = metadata.id(field.object());
            Optional<UUID> given = body.uuid("objectMetadataId");
            if (given.isPresent() && !given.get().equals(objectId)) {
                throw ApiException.badRequest("field " + fieldId + " does not belong to object " + given.get());
            }
            if (field.field().name().equals("id")) {
                throw ApiException.badRequest("The id field is always readable and never updatable");
            }
            permissions.add(new FieldPermission(objectId, fieldId, body.bool("canReadFieldValue").orElse(null),
                    body.bool("canUpdateFieldValue").orElse(null)));
        }
        return permissions;
    }

    private static JsonNode array(JsonNode node, String name) {
        if (node == null || !node.isArray()) {
            throw ApiException.badRequest(name + " must be an array");
        }
        return node;
    }
}
