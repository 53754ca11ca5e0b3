package dev.crmschema.runtime.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Serves the plain value fields of the generated record and composite types ({@code Company.name},
 * {@code FullName.firstName}) straight from the values their {@link GraphObject} holds.
 * graphql-java-tools resolves every field with a reflective call and, for most, a
 * {@link DataFetchingEnvironment} made for it; a list query has hundreds of fields, and skipping both took
 * 5-10 % off a GraphQL read's CPU (bench/README.md). A field qualifies when its generated accessor takes no arguments and returns
 * {@code Object} or {@code List<Object>}: by {@link GraphObject}'s contract such an accessor returns
 * {@code value(name)} or {@code list(name)}, which is what the fetcher here returns. Enums, composites and
 * relations keep graphql-java-tools' resolution.
 */
final class ValueFields {
    private ValueFields() {}

    /**
     * The schema with the value fields of every type whose generated class ({@code <package>.<type
     * name>}, from {@code loader}) is a {@link GraphObject} served directly.
     */
    static GraphQLSchema serveDirectly(GraphQLSchema schema, ClassLoader loader, String generatedPackage) {
        GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object) {
                generatedClass(loader, generatedPackage + "." + object.getName()).ifPresent(generated -> {
                    for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                        if (field.getArguments().isEmpty() && returnsPlainValue(generated, field.getName())) {
                            registry.dataFetcher(FieldCoordinates.coordinates(object, field), new ValueFetcher(field.getName()));
                        }
                    }
                });
            }
        }
        return schema.transform(builder -> builder.codeRegistry(registry.build()));
    }

    private static Optional<Class<?>> generatedClass(ClassLoader loader, String name) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            return GraphObject.class.isAssignableFrom(type) ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean returnsPlainValue(Class<?> generated, String field) {
        Method accessor;
        try {
            accessor = generated.getMethod(field);
        } catch (NoSuchMethodException e) {
            return false;
        }
        Type returned = accessor.getGenericReturnType();
        return returned == Object.class
                || returned instanceof ParameterizedType list && list.getRawType() == List.class
                        && list.getActualTypeArguments()[0] == Object.class;
    }

    /** A field's value as the record holds it; never builds a {@link DataFetchingEnvironment}. */
    record ValueFetcher(String field) implements LightDataFetcher<Object> {
        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) {
            return source == null ? null : ((GraphObject) source).plainValue(field);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }
    }
}
