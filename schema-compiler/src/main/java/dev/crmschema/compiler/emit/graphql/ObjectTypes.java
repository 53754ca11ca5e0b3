package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.field;
import static dev.crmschema.compiler.emit.graphql.Sdl.list;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;
import static dev.crmschema.compiler.emit.graphql.Sdl.nonNull;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The output types of one object: the record type with its relations in both directions, its edge and
 * its connection (reference contract, sections 2.3, 2.6 and 2.7), plus the enums of its fields.
 */
final class ObjectTypes {
    private ObjectTypes() {}

    static List<TypeDefinition<?>> of(Workspace workspace, ObjectType object) {
        List<TypeDefinition<?>> definitions = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.kind().isEnum()) {
                String enumType = Names.enumType(object, field);
                definitions.add(Sdl.enumType(enumType, "Values of " + object.labelSingular() + " " + field.label() + ".",
                        field.kind() == FieldKind.RATING
                                ? field.enumValues().stream().map(Sdl::enumValue).toList()
                                : field.options().stream().map(o -> Sdl.enumValue(o.value(), o.label())).toList()));
                definitions.add(ScalarFilter.enumFilter(enumType, field.kind() == FieldKind.MULTI_SELECT));
            }
        }
        definitions.add(record(workspace, object));
        definitions.add(ObjectTypeDefinition.newObjectTypeDefinition().name(Names.edgeType(object))
                .description(Sdl.description("One " + object.labelSingular() + " of a connection, with its cursor."))
                .fieldDefinition(field("node", nonNull(Names.type(object))))
                .fieldDefinition(field("cursor", nonNull(Scalar.CURSOR.typeName())))
                .build());
        List<FieldDefinition> connection = new ArrayList<>();
        connection.add(field("edges", nonNull(list(nonNull(Names.edgeType(object))))));
        connection.add(field("pageInfo", nonNull(FixedTypes.PAGE_INFO)));
        connection.addAll(Aggregates.of(object));
        definitions.add(ObjectTypeDefinition.newObjectTypeDefinition().name(Names.connectionType(object))
                .description(Sdl.description("A page of " + object.labelPlural() + ", with aggregates over all that match."))
                .fieldDefinitions(connection).build());
        return definitions;
    }

    private static ObjectTypeDefinition record(Workspace workspace, ObjectType object) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (Field field : object.fields()) {
            String description = FieldTypes.describe(field);
            if (field.isManyToOne()) {
                ObjectType target = workspace.require(field.relation().orElseThrow().targetObject());
                fields.add(field(Names.joinColumn(field.name()), required(named(Scalar.UUID.typeName()), field),
                        "Id of the " + field.label() + "."));
                fields.add(field(field.name(), named(Names.type(target)), description));
            } else if (field.isOneToMany()) {
                ObjectType target = workspace.require(field.relation().orElseThrow().targetObject());
                fields.add(field(field.name(), named(Names.connectionType(target)), description, Arguments.findMany(target)));
            } else {
                fields.add(field(field.name(), required(FieldTypes.output(object, field), field), description));
            }
        }
        return ObjectTypeDefinition.newObjectTypeDefinition().name(Names.type(object))
                .description(Sdl.description(FieldTypes.describe(object))).fieldDefinitions(fields).build();
    }

    private static Type<?> required(Type<?> type, Field field) {
        return field.isNullable() ? type : nonNull(type);
    }
}
