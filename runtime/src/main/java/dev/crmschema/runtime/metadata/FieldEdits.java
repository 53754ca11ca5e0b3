package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.RelationType;
import dev.crmschema.compiler.model.SelectOption;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.metadata.WorkspaceMetadata.OwnedField;
import dev.crmschema.runtime.metadata.WorkspaceSource.FieldEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Creating, updating and deleting fields (contract section 3.4), as edits of the workspace's metadata
 * files. A new relation also creates its inverse field on the target object; deleting one deletes both.
 * Fields of the standard template and system fields do not change.
 */
final class FieldEdits {
    private static final Set<String> SHAPE = Set.of("name", "label", "description", "icon", "isActive", "isNullable",
            "isUnique", "defaultValue", "options", "settings", "isLabelSyncedWithName");
    private static final Set<String> CREATE = union(SHAPE, Set.of("objectMetadataId", "type", "relationCreationPayload"));
    private static final Set<String> RELATION_PAYLOAD = Set.of("targetObjectMetadataId", "targetFieldLabel", "targetFieldIcon", "type");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FieldEdits() {}

    static void create(ModelChange change, JsonNode input) {
        Body body = Body.of(input, CREATE);
        WorkspaceMetadata current = change.current();
        UUID objectId = body.requiredUuid("objectMetadataId");
        ObjectType object = current.object(objectId)
                .orElseThrow(() -> ApiException.badRequest("Object " + objectId + " not found"));
        String name = body.requiredText("name");
        String type = body.requiredText("type");
        ObjectNode field = NODES.objectNode();
        field.put("name", name);
        field.put("label", body.requiredText("label"));
        field.put("type", type);
        applyShape(body, field);
        if ("RELATION".equals(type)) {
            addInverse(change, body, object, name, field);
        } else if (body.has("relationCreationPayload")) {
            throw ApiException.badRequest("relationCreationPayload is only for RELATION fields");
        }
        change.source().addField(object.nameSingular(), field);
        change.claimFieldId(object.nameSingular(), name);
        String objectName = object.nameSingular();
        change.answer(201, next -> MetadataJson.field(next, next.all().require(objectName),
                next.all().require(objectName).field(name).orElseThrow()));
    }

    static void update(ModelChange change, String id, JsonNode input) {
        if (input instanceof ObjectNode object && object.has("type")) {
            throw ApiException.badRequest("A field's type cannot change; create a new field instead");
        }
        Body body = Body.of(input, SHAPE);
        OwnedField owned = find(change.current(), id, false);
        FieldEntry entry = editable(change, owned);
        ObjectNode node = entry.node();
        body.text("label").ifPresent(l -> node.put("label", l));
        if (body.has("options")) {
            renameOptions(change, owned, body.get("options"));
        }
        applyShape(body, node);
        change.source().touched(entry.path());
        String objectName = owned.object().nameSingular();
        String name = body.text("name").orElse(owned.field().name());
        if (!name.equals(owned.field().name())) {
            change.source().renameField(objectName, owned.field().name(), name);
            change.renameField(objectName, objectName, owned.field().name(), name);
        }
        change.answer(200, next -> MetadataJson.field(next, next.all().require(objectName),
                next.all().require(objectName).field(name).orElseThrow()));
    }

    /** Deletes an inactive custom field and its data; a relation takes its inverse field with it. */
    static void delete(ModelChange change, String id) {
        WorkspaceMetadata current = change.current();
        OwnedField owned = find(current, id, true);
        FieldEntry entry = editable(change, owned);
        ObjectType object = owned.object();
        Field field = owned.field();
        if (current.isActive(object, field)) {
            throw ApiException.badRequest("Field '" + object.nameSingular() + "." + field.name() + "' is active: deactivate it "
                    + "(PATCH with {\"isActive\": false}) before deleting it");
        }
        JsonNode deleted = MetadataJson.field(current, object, field);
        change.source().removeField(entry);
        change.forgetField(object.nameSingular(), field.name());
        field.relation().ifPresent(relation -> change.source().field(relation.targetObject(), relation.inverseField())
                .ifPresent(inverse -> {
                    change.source().removeField(inverse);
                    change.forgetField(relation.targetObject(), relation.inverseField());
                }));
        change.answer(200, next -> deleted);
    }

    /** GET and DELETE answer 404 for an unknown id; PATCH answers 400, as the reference server does. */
    static OwnedField find(WorkspaceMetadata metadata, String id, boolean notFound) {
        UUID parsed = WorkspaceMetadata.parseId(id).orElseThrow(() -> ApiException.badRequest("'" + id + "' is not a valid UUID"));
        return metadata.field(parsed).orElseThrow(() -> notFound
                ? ApiException.notFound("Field " + id + " not found")
                : ApiException.badRequest("Field " + id + " not found"));
    }

    private static FieldEntry editable(ModelChange change, OwnedField owned) {
        String where = "'" + owned.object().nameSingular() + "." + owned.field().name() + "'";
        if (owned.field().isSystem()) {
            throw ApiException.badRequest("Field " + where + " is a system field and cannot be changed");
        }
        return change.source().field(owned.object().nameSingular(), owned.field().name()).orElseThrow(() ->
                ApiException.badRequest("Field " + where + " is a standard field and cannot be changed"));
    }

    private static void applyShape(Body body, ObjectNode field) {
        body.nullableText("description").ifPresent(d -> ObjectEdits.setOrRemove(field, "description", d));
        body.nullableText("icon").ifPresent(i -> ObjectEdits.setOrRemove(field, "icon", i));
        body.bool("isActive").ifPresent(active -> ObjectEdits.setActive(field, active));
        body.bool("isNullable").ifPresent(n -> field.put("isNullable", n));
        body.bool("isUnique").ifPresent(u -> field.put("isUnique", u));
        body.bool("isLabelSyncedWithName");
        if (body.has("defaultValue")) {
            JsonNode value = body.get("defaultValue");
            if (value.isNull()) {
                field.remove("defaultValue");
            } else {
                field.set("defaultValue", value);
            }
        }
        if (body.has("options")) {
            field.set("options", options(body.get("options")));
        }
        if (body.has("settings")) {
            JsonNode settings = body.get("settings");
            if (settings.isNull() || settings.isEmpty()) {
                field.remove("settings");
            } else if (settings.isObject()) {
                field.set("settings", settings);
            } else {
                throw ApiException.badRequest("settings must be an object");
            }
        }
    }

    /** Options as the files keep them: value, label, position and color (ids are derived, never stored). */
    private static ArrayNode options(JsonNode input) {
        if (!input.isArray()) {
            throw ApiException.badRequest("options must be an array of {value, label, position, color}");
        }
        ArrayNode options = NODES.arrayNode();
        for (JsonNode option : input) {
            if (!option.isObject()) {
                throw ApiException.badRequest("options must be an array of {value, label, position, color}");
            }
            ObjectNode kept = options.addObject();
            for (String key : new String[] {"value", "label", "position", "color"}) {
                if (option.has(key) && !option.get(key).isNull()) {
                    kept.set(key, option.get(key));
                }
            }
        }
        return options;
    }

    /** An option sent with the id of an existing option but another value renames that value (its records follow). */
    private static void renameOptions(ModelChange change, OwnedField owned, JsonNode input) {
        if (!input.isArray()) {
            return;
        }
        UUID fieldId = change.current().id(owned.object(), owned.field());
        Map<String, String> renames = new LinkedHashMap<>();
        for (JsonNode option : input) {
            String id = option.path("id").asText("");
            String value = option.path("value").asText("");
            for (SelectOption existing : owned.field().options()) {
                boolean same = change.current().ids().option(fieldId, existing.value()).toString().equalsIgnoreCase(id);
                if (same && !existing.value().equals(value) && !value.isEmpty()) {
                    renames.put(existing.value(), value);
                }
            }
        }
        change.renameOptions(owned.object().nameSingular(), owned.field().name(), renames);
    }

    /** The relation block of a new relation field, and its inverse field on the target object. */
    private static void addInverse(ModelChange change, Body body, ObjectType object, String name, ObjectNode field) {
        JsonNode payloadNode = body.get("relationCreationPayload");
        if (payloadNode == null || payloadNode.isNull()) {
            throw ApiException.badRequest("relationCreationPayload is required for a RELATION field");
        }
        Body payload = Body.of(payloadNode, RELATION_PAYLOAD);
        UUID targetId = payload.requiredUuid("targetObjectMetadataId");
        ObjectType target = change.current().object(targetId)
                .orElseThrow(() -> ApiException.badRequest("Object " + targetId + " not found"));
        RelationType type = RelationType.valueOfOptional(payload.requiredText("type"))
                .orElseThrow(() -> ApiException.badRequest("relationCreationPayload.type must be MANY_TO_ONE or ONE_TO_MANY"));
        String inverseLabel = payload.requiredText("targetFieldLabel");
        String inverseName = Names.fromLabel(inverseLabel);
        if (inverseName.isEmpty()) {
            throw ApiException.badRequest("targetFieldLabel '" + inverseLabel + "' gives no field name");
        }
        // RELATION settings carry the ON DELETE action of the side that stores the join column.
        String onDelete = field.path("settings").path("onDelete").asText(null);
        field.remove("settings");
        ObjectNode relation = field.putObject("relation").put("type", type.name())
                .put("targetObject", target.nameSingular()).put("inverseField", inverseName);
        ObjectNode inverse = NODES.objectNode().put("name", inverseName).put("label", inverseLabel);
        payload.text("targetFieldIcon").ifPresent(icon -> inverse.put("icon", icon));
        inverse.put("type", "RELATION");
        ObjectNode inverseRelation = inverse.putObject("relation").put("type", type.inverse().name())
                .put("targetObject", object.nameSingular()).put("inverseField", name);
        if (onDelete != null) {
            (type == RelationType.MANY_TO_ONE ? relation : inverseRelation).put("onDelete", onDelete);
        }
        change.source().addField(target.nameSingular(), inverse);
        change.claimFieldId(target.nameSingular(), inverseName);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return java.util.Collections.unmodifiableSet(all);
    }
}
