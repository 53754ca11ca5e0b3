package dev.crmschema.compiler.emit.graphql;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints the schema document the way graphql-java's {@code SchemaPrinter} prints the schema built from it
 * (the emitter used to build a {@code GraphQLSchema} only to print it, which took two thirds of its time):
 * the schema definition first, then every type in name order, fields, arguments and values in document
 * order, descriptions as {@code "..."} or, when they span lines, as block strings. The built-in scalars
 * are not printed. Only what {@link Sdl} builds is supported: no directives, interfaces or unions.
 */
final class SdlPrinter {
    private final StringBuilder out = new StringBuilder(1 << 16);

    private SdlPrinter() {}

    static String print(Document document) {
        SdlPrinter printer = new SdlPrinter();
        List<TypeDefinition<?>> types = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof SchemaDefinition schema) {
                printer.schema(schema);
            } else if (definition instanceof TypeDefinition<?> type) {
                types.add(type);
            } else {
                throw new IllegalArgumentException("cannot print " + definition.getClass().getSimpleName());
            }
        }
        types.sort(Comparator.comparing(TypeDefinition::getName));
        for (TypeDefinition<?> type : types) {
            printer.type(type);
        }
        String printed = printer.out.toString();
        return printed.endsWith("\n\n") ? printed.substring(0, printed.length() - 1) : printed;
    }

    private void schema(SchemaDefinition schema) {
        description(schema.getDescription(), "");
        out.append("schema {\n");
        for (OperationTypeDefinition operation : schema.getOperationTypeDefinitions()) {
            out.append("  ").append(operation.getName()).append(": ").append(operation.getTypeName().getName()).append('\n');
        }
        out.append("}\n\n");
    }

    private void type(TypeDefinition<?> type) {
        if (type instanceof ObjectTypeDefinition object) {
            block(object.getDescription(), "type", object.getName(), object.getFieldDefinitions(), field -> {
                description(field.getDescription(), "  ");
                out.append("  ").append(field.getName());
                arguments(field.getInputValueDefinitions());
                out.append(": ");
                type(field.getType());
                out.append('\n');
            });
        } else if (type instanceof InputObjectTypeDefinition input) {
            block(input.getDescription(), "input", input.getName(), input.getInputValueDefinitions(), field -> {
                description(field.getDescription(), "  ");
                out.append("  ");
                inputValue(field);
                out.append('\n');
            });
        } else if (type instanceof EnumTypeDefinition enumType) {
            block(enumType.getDescription(), "enum", enumType.getName(), enumType.getEnumValueDefinitions(), value -> {
                description(value.getDescription(), "  ");
                out.append("  ").append(value.getName()).append('\n');
            });
        } else if (type instanceof ScalarTypeDefinition scalar) {
            if (Reachability.BUILT_IN_SCALARS.contains(scalar.getName())) {
                return;
            }
            description(scalar.getDescription(), "");
            out.append("scalar ").append(scalar.getName());
        } else {
            throw new IllegalArgumentException("cannot print " + type.getClass().getSimpleName() + " " + type.getName());
        }
        out.append("\n\n");
    }

    /** A type with members: its description, {@code keyword name}, then its members in braces unless it has none. */
    private <T> void block(Description description, String keyword, String name, List<T> members, Consumer<T> member) {
        description(description, "");
        out.append(keyword).append(' ').append(name);
        if (!members.isEmpty()) {
            out.append(" {\n");
            members.forEach(member);
            out.append('}');
        }
    }

    /** On one line, unless an argument has a description: then one argument per line, each under its description. */
    private void arguments(List<InputValueDefinition> arguments) {
        if (arguments.isEmpty()) {
            return;
        }
        boolean described = arguments.stream().anyMatch(argument -> text(argument.getDescription()) != null);
        String indent = described ? "    " : "";
        out.append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                out.append(described ? "," : ", ");
            }
            if (described) {
                out.append('\n');
            }
            description(arguments.get(i).getDescription(), indent);
            out.append(indent);
            inputValue(arguments.get(i));
        }
        if (described) {
            out.append("\n  ");
        }
        out.append(')');
    }

    private void inputValue(InputValueDefinition value) {
        out.append(value.getName()).append(": ");
        type(value.getType());
        if (value.getDefaultValue() != null) {
            out.append(" = ").append(AstPrinter.printAst(value.getDefaultValue()));
        }
    }

    private void type(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            type(nonNull.getType());
            out.append('!');
        } else if (type instanceof ListType list) {
            out.append('[');
            type(list.getType());
            out.append(']');
        } else {
            out.append(((TypeName) type).getName());
        }
    }

    private void description(Description description, String indent) {
        String text = text(description);
        if (text == null) {
            return;
        }
        // As String.split does: a trailing line break adds no line.
        String[] lines = text.split("\n");
        if (lines.length == 1) {
            // A GraphQL string escapes as JSON does: quotes, backslashes and control characters.
            out.append(indent).append('"').append(JsonStringEncoder.getInstance().quoteAsString(lines[0])).append("\"\n");
        } else {
            out.append(indent).append("\"\"\"\n");
            for (String line : lines) {
                out.append(indent).append(line.replace("\"\"\"", "\\\"\"\"")).append('\n');
            }
            out.append(indent).append("\"\"\"\n");
        }
    }

    private static String text(Description description) {
        return description == null || description.getContent() == null || description.getContent().isEmpty()
                ? null : description.getContent();
    }
}
