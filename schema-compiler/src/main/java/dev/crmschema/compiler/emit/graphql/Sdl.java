package dev.crmschema.compiler.emit.graphql;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import java.util.List;

/** Small constructors for graphql-java's SDL syntax tree, so the builders read like the schema they build. */
final class Sdl {
    private Sdl() {}

    static TypeName named(String name) {
        return new TypeName(name);
    }

    static Type<?> nonNull(Type<?> type) {
        return new NonNullType(type);
    }

    static Type<?> nonNull(String name) {
        return new NonNullType(named(name));
    }

    static Type<?> list(Type<?> item) {
        return new ListType(item);
    }

    static Type<?> list(String item) {
        return new ListType(named(item));
    }

    /** Single-line descriptions: the printer escapes them, whatever text the metadata holds. */
    static Description description(String text) {
        return new Description(text, null, false);
    }

    static FieldDefinition field(String name, Type<?> type) {
        return FieldDefinition.newFieldDefinition().name(name).type(type).build();
    }

    static FieldDefinition field(String name, Type<?> type, String description) {
        return FieldDefinition.newFieldDefinition().name(name).type(type).description(description(description)).build();
    }

    static FieldDefinition field(String name, Type<?> type, String description, List<InputValueDefinition> arguments) {
        return FieldDefinition.newFieldDefinition().name(name).type(type).description(description(description))
                .inputValueDefinitions(arguments).build();
    }

    static InputValueDefinition input(String name, Type<?> type) {
        return InputValueDefinition.newInputValueDefinition().name(name).type(type).build();
    }

    static InputValueDefinition input(String name, Type<?> type, String description) {
        return InputValueDefinition.newInputValueDefinition().name(name).type(type).description(description(description)).build();
    }

    static InputObjectTypeDefinition inputType(String name, String description, List<InputValueDefinition> fields) {
        return InputObjectTypeDefinition.newInputObjectDefinition().name(name).description(description(description))
                .inputValueDefinitions(fields).build();
    }

    static EnumTypeDefinition enumType(String name, String description, List<EnumValueDefinition> values) {
        return EnumTypeDefinition.newEnumTypeDefinition().name(name).description(description(description))
                .enumValueDefinitions(values).build();
    }

    static EnumValueDefinition enumValue(String name) {
        return EnumValueDefinition.newEnumValueDefinition().name(name).build();
    }

    static EnumValueDefinition enumValue(String name, String description) {
        return EnumValueDefinition.newEnumValueDefinition().name(name).description(description(description)).build();
    }

    /** The type name inside any list and non-null wrappers. */
    static String innerName(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return innerName(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return innerName(list.getType());
        }
        return ((TypeName) type).getName();
    }

    static boolean isList(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return isList(nonNull.getType());
        }
        return type instanceof ListType;
    }
}
