package dev.crmschema.runtime.api.graphql;

import graphql.kickstart.tools.GraphQLResolver;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serves the argument-less fields of the generated data classes directly: records and composites
 * ({@code Company.name}, {@code Person.emails}, {@code FullName.firstName}), edges ({@code node},
 * {@code cursor}) and connections ({@code edges}, {@code pageInfo}, the aggregates).
 *
 * <p>graphql-java-tools resolves every field with a reflective call, a {@link DataFetchingEnvironment}
 * made for it, and a scan of its generic wrappers for the returned value; a list query has hundreds of
 * fields. Here such a field gets a {@link LightDataFetcher}, which graphql-java calls without an
 * environment:
 * <ul>
 *   <li>a plain value (the accessor returns {@code Object} or {@code List<Object>}, which by
 *       {@link GraphObject}'s contract is {@code value(name)} or {@code list(name)}): read from the
 *       record's values ({@link ValueFetcher});</li>
 *   <li>any other field found as the method graphql-java-tools would call (the field's name, or
 *       {@code get}/{@code is} plus the name, public and argument-less): that method, through a method
 *       handle ({@link AccessorFetcher});</li>
 *   <li>a field of a connection that has no such method: the connection's aggregate of that name, as
 *       graphql-java-tools reads a {@link Map} ({@link AggregateFetcher}).</li>
 * </ul>
 * Relation fields get a {@link RelationFetcher} (MANY_TO_ONE) or {@link ConnectionFetcher} (ONE_TO_MANY),
 * which serve what the data source read along with the field's source and leave the rest to the field's
 * resolver. Other fields a resolver class serves (root fields) keep graphql-java-tools' resolution, as do
 * other fields with arguments and types other than the generated data classes.
 */
final class DirectFields {
    private DirectFields() {}

    /**
     * The schema with the argument-less fields of every type whose generated class ({@code <package>.<type
     * name>}, from {@code loader}) is a {@link GraphObject}, {@link GraphEdge} or {@link GraphConnection}
     * served directly, except fields one of {@code resolvers} declares a method for.
     */
    static GraphQLSchema serveDirectly(GraphQLSchema schema, ClassLoader loader, String generatedPackage,
            Collection<? extends GraphQLResolver<?>> resolvers) {
        GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
        Map<Class<?>, Set<String>> resolvedElsewhere = resolvedElsewhere(resolvers);
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object) {
                generatedClass(loader, generatedPackage + "." + object.getName()).ifPresent(generated -> {
                    Set<String> resolved = resolvedElsewhere.getOrDefault(generated, Set.of());
                    List<Method> argumentLess = argumentLessMethods(generated);
                    for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                        FieldCoordinates coordinates = FieldCoordinates.coordinates(object, field);
                        Optional<? extends DataFetcher<?>> fetcher;
                        if (resolved.contains(field.getName())) {
                            fetcher = relationFetcher(loader, generatedPackage, field,
                                    schema.getCodeRegistry().getDataFetcher(coordinates, field));
                        } else {
                            fetcher = field.getArguments().isEmpty()
                                    ? fetcher(generated, argumentLess, field.getName())
                                    : Optional.empty();
                        }
                        fetcher.ifPresent(direct -> registry.dataFetcher(coordinates, direct));
                    }
                });
            }
        }
        return schema.transform(builder -> builder.codeRegistry(registry.build()));
    }

    private static Optional<Class<?>> generatedClass(ClassLoader loader, String name) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            boolean dataClass = GraphObject.class.isAssignableFrom(type) || GraphEdge.class.isAssignableFrom(type)
                    || GraphConnection.class.isAssignableFrom(type);
            return dataClass ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * For a field a resolver serves: a {@link RelationFetcher} in front of the resolver if it is
     * argument-less and returns a generated record class (a MANY_TO_ONE relation such as
     * {@code Person.company}), a {@link ConnectionFetcher} if it returns a generated connection class (a
     * ONE_TO_MANY relation such as {@code Company.people}).
     */
    private static Optional<DataFetcher<?>> relationFetcher(ClassLoader loader, String generatedPackage,
            GraphQLFieldDefinition field, DataFetcher<?> resolver) {
        if (!(GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLObjectType target)) {
            return Optional.empty();
        }
        Optional<Class<?>> generated = generatedClass(loader, generatedPackage + "." + target.getName());
        if (generated.filter(GraphObject.class::isAssignableFrom).isPresent() && field.getArguments().isEmpty()) {
            return generated.flatMap(type -> constructor(type, Map.class))
                    .map(constructor -> new RelationFetcher(field.getName(), constructor, resolver));
        }
        if (generated.filter(GraphConnection.class::isAssignableFrom).isPresent()) {
            return generated.flatMap(type -> constructor(type, Page.class))
                    .map(constructor -> new ConnectionFetcher(field.getName(), constructor, resolver));
        }
        return Optional.empty();
    }

    /** The generated class's constructor from its values or its page, typed {@code (Object)Object}. */
    private static Optional<MethodHandle> constructor(Class<?> generated, Class<?> parameter) {
        try {
            return Optional.of(MethodHandles.publicLookup().findConstructor(generated, MethodType.methodType(void.class, parameter))
                    .asType(MethodType.methodType(Object.class, Object.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /**
     * Per class, the names of the methods resolvers declare for its fields: graphql-java-tools passes a
     * resolver method the instance as its first argument, and prefers it to the class's own accessor.
     */
    private static Map<Class<?>, Set<String>> resolvedElsewhere(Collection<? extends GraphQLResolver<?>> resolvers) {
        Map<Class<?>, Set<String>> names = new HashMap<>();
        for (GraphQLResolver<?> resolver : resolvers) {
            for (Method method : resolver.getClass().getMethods()) {
                if (method.getParameterCount() > 0) {
                    names.computeIfAbsent(method.getParameterTypes()[0], type -> new HashSet<>()).add(method.getName());
                }
            }
        }
        return names;
    }

    private static Optional<SourceFetcher> fetcher(Class<?> generated, List<Method> argumentLess, String field) {
        List<Method> accessors = accessors(argumentLess, field);
        if (accessors.size() > 1) {
            return Optional.empty(); // which one graphql-java-tools picks is its business
        }
        if (accessors.isEmpty()) {
            return GraphConnection.class.isAssignableFrom(generated) ? Optional.of(new AggregateFetcher(field)) : Optional.empty();
        }
        Method accessor = accessors.get(0);
        if (GraphObject.class.isAssignableFrom(generated) && returnsPlainValue(accessor)) {
            return Optional.of(new ValueFetcher(field));
        }
        try {
            MethodHandle handle = MethodHandles.publicLookup().unreflect(accessor)
                    .asType(MethodType.methodType(Object.class, Object.class));
            return Optional.of(new AccessorFetcher(handle));
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /** The public, argument-less instance methods of {@code generated}, {@link Object}'s left out. */
    private static List<Method> argumentLessMethods(Class<?> generated) {
        return Arrays.stream(generated.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getDeclaringClass() != Object.class)
                .toList();
    }

    /** Those of {@code argumentLess} graphql-java-tools would consider for {@code field}. */
    private static List<Method> accessors(List<Method> argumentLess, String field) {
        String capitalized = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        Set<String> names = Set.of(field, "get" + capitalized, "is" + capitalized);
        return argumentLess.stream().filter(m -> names.contains(m.getName())).toList();
    }

    private static boolean returnsPlainValue(Method accessor) {
        Type returned = accessor.getGenericReturnType();
        return returned == Object.class
                || returned instanceof ParameterizedType list && list.getRawType() == List.class
                        && list.getActualTypeArguments()[0] == Object.class;
    }

    /** What {@link DirectFetcher#fetchDirect} answers when only the field's full fetcher can tell the value. */
    static final Object ABSENT = new Object();

    /** A fetcher {@link DirectObjectStrategy} may call with the field's source alone. */
    interface DirectFetcher {
        /** The field's value for {@code source} (never null), or {@link #ABSENT}. */
        Object fetchDirect(Object source);
    }

    /** A fetcher that needs only the field's source object, never null when it is called. */
    interface SourceFetcher extends LightDataFetcher<Object>, DirectFetcher {
        Object fetch(Object source);

        @Override
        default Object fetchDirect(Object source) {
            return fetch(source);
        }

        @Override
        default Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) {
            return source == null ? null : fetch(source);
        }

        @Override
        default Object get(DataFetchingEnvironment environment) {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }
    }

    /** A field's value as the record holds it. */
    record ValueFetcher(String field) implements SourceFetcher {
        @Override
        public Object fetch(Object source) {
            return ((GraphObject) source).plainValue(field);
        }
    }

    /** What the field's accessor returns, called through a handle typed {@code (Object)Object}. */
    record AccessorFetcher(MethodHandle accessor) implements SourceFetcher {
        @Override
        public Object fetch(Object source) {
            return call(accessor, source);
        }
    }

    /** {@code source} if it is a record that holds {@code field} (a relation read along with it), else null. */
    private static GraphObject holding(Object source, String field) {
        return source instanceof GraphObject record && record.holds(field) ? record : null;
    }

    /** Calls a handle typed {@code (Object)Object}, its checked exceptions wrapped. */
    private static Object call(MethodHandle handle, Object argument) {
        try {
            return (Object) handle.invokeExact(argument);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new UndeclaredThrowableException(e);
        }
    }

    /** A connection's aggregate ({@code totalCount}, {@code sumX}...), which it holds as a map entry. */
    record AggregateFetcher(String field) implements SourceFetcher {
        @Override
        public Object fetch(Object source) {
            return ((Map<?, ?>) source).get(field);
        }
    }

    /**
     * A MANY_TO_ONE relation field: the related record its source holds when the data source read it
     * along with the source ({@link GraphObject#holds}), wrapped in its generated class; otherwise what the
     * field's resolver loads.
     */
    record RelationFetcher(String field, MethodHandle constructor, DataFetcher<?> resolver)
            implements LightDataFetcher<Object>, DirectFetcher {
        @Override
        public Object fetchDirect(Object source) {
            GraphObject record = holding(source, field);
            if (record == null) {
                return ABSENT;
            }
            Map<String, Object> related = record.related(field);
            return related == null ? null : call(constructor, related);
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            Object held = fetchDirect(source);
            return held != ABSENT ? held : resolver.get(environment.get());
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }
    }

    /**
     * A ONE_TO_MANY relation field, which has arguments: graphql-java calls the field's resolver, which
     * finds a page read along with the source itself when the field is given none. The query strategy
     * reads that page directly ({@link #fetchDirect}), only where the query gives the field no arguments.
     */
    record ConnectionFetcher(String field, MethodHandle constructor, DataFetcher<?> resolver)
            implements DataFetcher<Object>, DirectFetcher {
        @Override
        public Object fetchDirect(Object source) {
            GraphObject record = holding(source, field);
            return record == null ? ABSENT : call(constructor, record.relatedPage(field));
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return resolver.get(environment);
        }
    }
}
