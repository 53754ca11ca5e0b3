package dev.crmschema.compiler.emit.graphql;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import graphql.language.EnumTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import java.util.List;
import java.util.Map;

/**
 * Java types of SDL types in generated code. Every enum, input and object type is its generated class
 * (PageInfo is the runtime's). Scalars are {@code Object} when read (values pass through as the data
 * source gave them) and boxed Java types for the built-in scalars of arguments.
 */
final class JavaTypes {
    private static final ClassName OBJECT = ClassName.get(Object.class);
    private static final ClassName LIST = ClassName.get(List.class);

    private final String packageName;
    private final Map<String, TypeDefinition<?>> types;

    JavaTypes(String packageName, Map<String, TypeDefinition<?>> types) {
        this.packageName = packageName;
        this.types = types;
    }

    ClassName generated(String typeName) {
        if (typeName.equals(FixedTypes.PAGE_INFO)) {
            return RuntimeApi.PAGE_INFO;
        }
        if (!types.containsKey(typeName)) {
            throw new IllegalStateException("no GraphQL type " + typeName);
        }
        return ClassName.get(packageName, typeName);
    }

    /** Java type of an argument. */
    TypeName argument(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return argument(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return ParameterizedTypeName.get(LIST, argument(list.getType()));
        }
        String name = Sdl.innerName(type);
        return switch (name) {
            case Scalar.INT -> ClassName.get(Integer.class);
            case Scalar.FLOAT -> ClassName.get(Double.class);
            case Scalar.STRING -> ClassName.get(String.class);
            case Scalar.BOOLEAN -> ClassName.get(Boolean.class);
            default -> isScalar(name) ? OBJECT : generated(name);
        };
    }

    /** Java type of a value read from a field. */
    TypeName output(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return output(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return ParameterizedTypeName.get(LIST, output(list.getType()));
        }
        String name = Sdl.innerName(type);
        return isScalar(name) ? OBJECT : generated(name);
    }

    boolean isScalar(String typeName) {
        return switch (typeName) {
            case Scalar.INT, Scalar.FLOAT, Scalar.STRING, Scalar.BOOLEAN, Scalar.ID -> true;
            default -> types.get(typeName) instanceof ScalarTypeDefinition;
        };
    }

    boolean isEnum(String typeName) {
        return types.get(typeName) instanceof EnumTypeDefinition;
    }

    boolean isInput(String typeName) {
        return types.get(typeName) instanceof InputObjectTypeDefinition;
    }

    boolean isObject(String typeName) {
        return types.get(typeName) instanceof ObjectTypeDefinition;
    }
}
