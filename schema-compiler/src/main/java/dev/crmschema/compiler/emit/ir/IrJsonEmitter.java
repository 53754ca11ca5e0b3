package dev.crmschema.compiler.emit.ir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.emit.Artifact;
import dev.crmschema.compiler.emit.EmitContext;
import dev.crmschema.compiler.emit.Emitter;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.SelectOption;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.output.GeneratedFile;
import dev.crmschema.compiler.output.Headers;
import dev.crmschema.compiler.support.Json;
import java.util.List;

/** Writes the linked model as canonical JSON ({@code ir.json}), the snapshot golden tests compare first. */
public final class IrJsonEmitter implements Emitter {
    @Override
    public Artifact artifact() {
        return Artifact.IR;
    }

    @Override
    public List<GeneratedFile> emit(Workspace workspace, EmitContext context) {
        ObjectNode root = Json.object();
        root.put("generated", Headers.GENERATED);
        root.put("name", workspace.name());
        root.put("displayName", workspace.displayName());
        workspace.description().ifPresent(d -> root.put("description", d));
        ArrayNode objects = root.putArray("objects");
        workspace.objects().forEach(o -> objects.add(object(o)));
        return List.of(GeneratedFile.resource(context.resourceFolder(workspace) + "/ir.json", Json.pretty(root)));
    }

    private static ObjectNode object(ObjectType object) {
        ObjectNode node = Json.object();
        node.put("nameSingular", object.nameSingular());
        node.put("namePlural", object.namePlural());
        node.put("labelSingular", object.labelSingular());
        node.put("labelPlural", object.labelPlural());
        object.description().ifPresent(d -> node.put("description", d));
        object.icon().ifPresent(i -> node.put("icon", i));
        node.put("isCustom", object.isCustom());
        node.put("table", object.tableName());
        node.put("labelIdentifierField", object.labelIdentifierField());
        ArrayNode search = node.putArray("searchFields");
        object.searchFields().forEach(search::add);
        ArrayNode criteria = node.putArray("duplicateCriteria");
        object.duplicateCriteria().forEach(group -> {
            ArrayNode g = criteria.addArray();
            group.forEach(g::add);
        });
        // Only when declared: models without indexes keep the IR, and so the ModelHash, they always had.
        if (!object.indexes().isEmpty()) {
            ArrayNode indexes = node.putArray("indexes");
            object.indexes().forEach(paths -> {
                ArrayNode index = indexes.addObject().putArray("fields");
                paths.forEach(index::add);
            });
        }
        ArrayNode fields = node.putArray("fields");
        object.fields().forEach(f -> fields.add(field(f)));
        return node;
    }

    private static ObjectNode field(Field field) {
        ObjectNode node = Json.object();
        node.put("name", field.name());
        node.put("label", field.label());
        node.put("type", field.kind().name());
        field.description().ifPresent(d -> node.put("description", d));
        field.icon().ifPresent(i -> node.put("icon", i));
        node.put("isNullable", field.isNullable());
        node.put("isUnique", field.isUnique());
        node.put("isCustom", field.isCustom());
        node.put("isSystem", field.isSystem());
        field.defaultValue().ifPresent(d -> node.set("defaultValue", Json.valueOf(d)));
        if (!field.options().isEmpty()) {
            ArrayNode options = node.putArray("options");
            for (SelectOption option : field.options()) {
                options.addObject().put("value", option.value()).put("label", option.label())
                        .put("position", option.position()).put("color", option.color());
            }
        }
        if (!field.settings().isEmpty()) {
            node.set("settings", Json.valueOf(field.settings()));
        }
        field.relation().ifPresent(r -> {
            ObjectNode relation = node.putObject("relation");
            relation.put("type", r.type().name());
            relation.put("targetObject", r.targetObject());
            relation.put("inverseField", r.inverseField());
            r.onDelete().ifPresent(d -> relation.put("onDelete", d.name()));
        });
        ArrayNode columns = node.putArray("columns");
        for (Column column : field.columns()) {
            ObjectNode c = columns.addObject();
            c.put("name", column.name());
            c.put("type", column.type().name());
            column.enumType().ifPresent(e -> c.put("enumType", e));
            c.put("nullable", column.nullable());
            column.property().ifPresent(p -> c.put("property", p));
        }
        return node;
    }

}
