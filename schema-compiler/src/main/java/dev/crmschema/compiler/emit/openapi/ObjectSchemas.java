package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.array;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.nullableRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.object;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.properties;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.require;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.schemaRef;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The three schemas of one object: the record as read ({@code Company}), the create body
 * ({@code CompanyForCreate}) and the update body ({@code CompanyForUpdate}).
 */
final class ObjectSchemas {
    private ObjectSchemas() {}

    static void addTo(ObjectNode schemas, Workspace workspace, ObjectType object) {
        schemas.set(Names.recordSchema(object), record(workspace, object));
        schemas.set(Names.createSchema(object), input(object, true));
        schemas.set(Names.updateSchema(object), input(object, false));
    }

    /**
     * Every field, system fields and join columns included. Only {@code id} is required: {@code fields}
     * projection and field permissions may leave any other property out.
     */
    private static ObjectNode record(Workspace workspace, ObjectType object) {
        ObjectNode schema = object();
        schema.put("title", object.labelSingular());
        schema.put("description", object.description().map(d -> d + "\n\n").orElse("")
                + "A " + object.nameSingular() + " record as the API returns it. Relation properties appear only with "
                + "`depth=1`; nested records carry no relations of their own, and nested lists hold at most "
                + RestContract.MAX_NESTED_RECORDS + " records. `fields` and the caller's field permissions may leave "
                + "properties out; `id` is always present.");
        ObjectNode properties = properties(schema);
        for (Field field : object.fields()) {
            if (field.isManyToOne()) {
                properties.set(field.joinColumn().orElseThrow().name(), FieldSchemas.joinColumn(field));
                properties.set(field.name(), relatedRecord(field, target(workspace, field)));
            } else if (field.isOneToMany()) {
                properties.set(field.name(), relatedRecords(field, target(workspace, field)));
            } else {
                properties.set(field.name(), FieldSchemas.of(field));
            }
        }
        require(schema, List.of("id"));
        return schema;
    }

    private static ObjectType target(Workspace workspace, Field field) {
        return workspace.require(field.relation().orElseThrow().targetObject());
    }

    private static ObjectNode relatedRecord(Field field, ObjectType target) {
        ObjectNode schema = field.isNullable() ? nullableRef(Names.recordSchema(target)) : schemaRef(Names.recordSchema(target));
        schema.put("title", field.label());
        schema.put("description", field.description().map(d -> d + " ").orElse("")
                + "The related " + target.nameSingular() + " record; present only with `depth=1`.");
        return schema;
    }

    private static ObjectNode relatedRecords(Field field, ObjectType target) {
        ObjectNode schema = array(schemaRef(Names.recordSchema(target)));
        schema.put("title", field.label());
        schema.put("description", field.description().map(d -> d + " ").orElse("")
                + "The related " + target.nameSingular() + " records; present only with `depth=1`, at most "
                + RestContract.MAX_NESTED_RECORDS + ". Read-only: write the relation from the other side.");
        schema.put("readOnly", true);
        return schema;
    }

    /**
     * Writable fields: no search vectors, no to-many relations, to-one relations through their join
     * column. Creation requires the non-nullable fields that have no default; an update requires nothing.
     */
    private static ObjectNode input(ObjectType object, boolean create) {
        ObjectNode schema = object();
        schema.put("title", (create ? "New " : "Changes to ") + object.labelSingular());
        schema.put("description", create
                ? "The body to create a " + object.nameSingular() + "; `id` may be given, or the server makes one."
                : "A partial " + object.nameSingular() + ": only the keys sent are changed; composite fields may be sent in part.");
        ObjectNode properties = properties(schema);
        List<String> required = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.isServerManaged() || field.isOneToMany() || (!create && field.name().equals("id"))) {
                continue;
            }
            String key = field.isManyToOne() ? field.joinColumn().orElseThrow().name() : field.name();
            ObjectNode property = field.isManyToOne() ? FieldSchemas.joinColumn(field) : FieldSchemas.of(field);
            if (create) {
                DefaultValues.of(field).ifPresent(d -> property.set("default", d));
                DefaultValues.function(field).ifPresent(f -> appendDescription(property,
                        f.equals("now") ? "Defaults to the current time." : "Defaults to a new " + f + "."));
                if (!field.isNullable() && field.defaultValue().isEmpty()) {
                    required.add(key);
                }
            }
            properties.set(key, property);
        }
        require(schema, required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static void appendDescription(ObjectNode schema, String sentence) {
        schema.put("description", schema.has("description") ? schema.get("description").asText() + " " + sentence : sentence);
    }
}
