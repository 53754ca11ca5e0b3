package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.array;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.nullable;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.schemaRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.string;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.stringEnum;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.type;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.support.Json;

/**
 * The JSON Schema of one non-relation field, in the REST JSON form of contract section 4. The field's
 * label becomes the title and its description the description; nullable fields also accept null.
 */
final class FieldSchemas {
    private FieldSchemas() {}

    static ObjectNode of(Field field) {
        if (field.kind() == FieldKind.RELATION) {
            throw new IllegalArgumentException("relation fields have no value schema: " + field.name());
        }
        ObjectNode schema = valueSchema(field);
        boolean nullableValue = field.isNullable() && !field.kind().isComposite() && field.kind() != FieldKind.RAW_JSON;
        if (nullableValue) {
            nullable(schema);
        }
        schema.put("title", field.label());
        field.description().ifPresent(d -> schema.put("description", d));
        if (field.isServerManaged()) {
            schema.put("readOnly", true);
        }
        return schema;
    }

    /** The schema of a join column ({@code companyId}) of a MANY_TO_ONE relation field. */
    static ObjectNode joinColumn(Field relationField) {
        ObjectNode schema = string("uuid");
        if (relationField.isNullable()) {
            nullable(schema);
        }
        schema.put("title", relationField.label() + " id");
        schema.put("description", "Id of the " + relationField.relation().orElseThrow().targetObject()
                + " record of relation `" + relationField.name() + "`. Filter and write the relation through this column.");
        return schema;
    }

    private static ObjectNode valueSchema(Field field) {
        return switch (field.kind()) {
            case UUID -> string("uuid");
            case TEXT -> string();
            case NUMBER -> number(field);
            case NUMERIC -> type("number");
            case POSITION -> type("number");
            case BOOLEAN -> type("boolean");
            case DATE_TIME -> string("date-time");
            case DATE -> string("date");
            case RAW_JSON -> Json.object();
            case ARRAY -> array(string());
            case SELECT, RATING -> stringEnum(field.enumValues());
            case MULTI_SELECT -> array(stringEnum(field.enumValues()));
            case TS_VECTOR -> string();
            case CURRENCY, FULL_NAME, EMAILS, PHONES, LINKS, ADDRESS, ACTOR, RICH_TEXT_V2 ->
                    schemaRef(Names.compositeType(field.kind().name()));
            case RELATION -> throw new IllegalStateException("unreachable");
        };
    }

    /** NUMBER stores a double unless its settings ask for an integer column. */
    private static ObjectNode number(Field field) {
        Object dataType = field.settings().get("dataType");
        if ("int".equals(dataType)) {
            return type("integer").put("format", "int32");
        }
        if ("bigint".equals(dataType)) {
            return type("integer").put("format", "int64");
        }
        return type("number").put("format", "double");
    }
}
