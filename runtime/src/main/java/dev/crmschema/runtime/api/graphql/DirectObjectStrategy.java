package dev.crmschema.runtime.api.graphql;

import dev.crmschema.runtime.api.graphql.DirectFields.DirectFetcher;
import dev.crmschema.runtime.api.graphql.DirectFields.SourceFetcher;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataLoaderDispatchStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.FieldValueInfo.CompleteValueType;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.Node;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * graphql-java's query strategy, except that an object whose selection is served entirely by
 * {@link DirectFields} (a person's {@code id}, {@code name { firstName }} and {@code jobTitle}, and its
 * {@code company} when that was read along with the person; a whole connection of such nodes) is
 * completed in one plain loop: each field's accessor, the scalar's or enum's serialization, nested
 * objects the same way. An object with other fields too (a company and its {@code people(first: 5)}
 * connection) gets its direct fields completed that way one by one, the others by graphql-java.
 *
 * <p>graphql-java's own completion makes, per field of every record, a path segment, strategy
 * parameters, an execution step and a value holder, and threads them through its asynchronous
 * machinery; a nested query has hundreds of such fields. The loop builds the same result map.
 *
 * <p>It only ever takes the plain path when the outcome is certain to be what graphql-java would
 * produce; anything else goes through graphql-java, from scratch, for that object or field:
 * <ul>
 *   <li>a selection with any other field (root fields, any field given arguments), an interface or
 *       union, or any directive in the query ({@code @skip}/{@code @include} make selections depend on
 *       variables);</li>
 *   <li>at run time, a relation its source does not hold (its resolver loads it), a fetcher
 *       that throws, a value that does not serialize, or a null in a non-null position: graphql-java
 *       then reports the error with its path, or nulls the right parent. Direct fields only read the
 *       record's values, so reading them twice changes nothing. Relations are looked at first, so an
 *       object whose relation is not held costs little before it goes to graphql-java.</li>
 * </ul>
 * The DataLoader dispatcher is told of each object completed this way as graphql-java tells it, so
 * relation batches elsewhere in the query dispatch as before (objects nested in one are neither started
 * nor finished for it, which keeps its per-level counts equal). Instrumentation's per-object and
 * per-field callbacks are not called for what is completed here, nor is a result-node limit counted:
 * the engine's only instrumentation works before execution, and it sets no such limit.
 */
public final class DirectObjectStrategy extends AsyncExecutionStrategy {
    /** A plan cache bound: documents come and go with the engine's own parsed-query cache. */
    private static final int MAX_PLANS = 4096;
    /** Stands for "not completed here" where a completed value could be any object, null included. */
    private static final Object NOT_DIRECT = new Object();

    /** Per object type, its direct fields by name. */
    private final Map<GraphQLObjectType, Map<String, DirectFetcher>> directFields = new ConcurrentHashMap<>();
    /** Per selecting field (its first syntax node), the plan for the objects it selects, if they have one. */
    private final Map<Field, Known<Plan>> objectPlans = new ConcurrentHashMap<>();
    /** Per field (its first syntax node), how to complete it, if it is direct. */
    private final Map<Field, Known<Entry>> fieldEntries = new ConcurrentHashMap<>();

    public DirectObjectStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected Object executeObject(ExecutionContext context, ExecutionStrategyParameters parameters) {
        MergedField selecting = parameters.getField();
        if (selecting != null && parameters.getExecutionStepInfo().getUnwrappedNonNullType() instanceof GraphQLObjectType type) {
            Plan plan = known(objectPlans, type, selecting,
                    () -> hasDirective(context.getDocument()) ? null : plan(context, type, selecting, parameters.getFields()));
            Object completed = plan == null ? NOT_DIRECT : complete(context, plan, parameters.getSource());
            if (completed != NOT_DIRECT) {
                DataLoaderDispatchStrategy dispatcher = context.getDataLoaderDispatcherStrategy();
                dispatcher.executeObject(context, parameters, plan.keys().size());
                dispatcher.executeObjectOnFieldValuesInfo(List.of(), parameters);
                return completed;
            }
        }
        return super.executeObject(context, parameters);
    }

    /**
     * A direct field of an object that has other fields too ({@code Company.name} beside
     * {@code Company.people(first: 5)}). Not on the first level: the dispatcher counts the root fields' fetches.
     */
    @Override
    protected Object resolveFieldWithInfo(ExecutionContext context, ExecutionStrategyParameters parameters) {
        MergedField field = parameters.getField();
        if (parameters.getPath().getLevel() > 1
                && parameters.getExecutionStepInfo().getUnwrappedNonNullType() instanceof GraphQLObjectType parent) {
            Entry entry = known(fieldEntries, parent, field,
                    () -> hasDirective(context.getDocument()) ? null : entry(context, parent, field));
            Object completed = entry == null ? NOT_DIRECT : completeEntry(context, parent, entry, parameters.getSource());
            if (completed != NOT_DIRECT) {
                return new FieldValueInfo(valueType(entry, completed), completed);
            }
        }
        return super.resolveFieldWithInfo(context, parameters);
    }

    /**
     * Whether the document has a directive anywhere: {@code @skip} and {@code @include} make selections
     * depend on the variables, so such a document gets no plans. Plans are kept per syntax node, and a
     * node belongs to one document, so this is asked once per plan, not per request.
     */
    private static boolean hasDirective(Node<?> node) {
        if (node instanceof Directive) {
            return true;
        }
        for (Node<?> child : node.getChildren()) {
            if (hasDirective(child)) {
                return true;
            }
        }
        return false;
    }

    /** What {@code cache} knows for {@code field} of {@code type}, made by {@code make} if it knows nothing yet. */
    private static <T> T known(Map<Field, Known<T>> cache, GraphQLObjectType type, MergedField field, Supplier<T> make) {
        Field first = field.getSingleField();
        Known<T> known = cache.get(first);
        if (known != null && known.madeFor(type, field)) {
            return known.value();
        }
        T value = make.get();
        if (cache.size() >= MAX_PLANS) {
            cache.clear();
        }
        cache.put(first, new Known<>(type, field.getFields(), value));
        return value;
    }

    /** The plan for {@code fields} of {@code type}, selected by {@code selecting}; null if not all direct. */
    private Plan plan(ExecutionContext context, GraphQLObjectType type, MergedField selecting, MergedSelectionSet fields) {
        List<String> keys = fields.getKeys();
        Entry[] entries = new Entry[keys.size()];
        List<Integer> conditionalFirst = new ArrayList<>(entries.length);
        List<Integer> certain = new ArrayList<>(entries.length);
        for (int i = 0; i < entries.length; i++) {
            entries[i] = entry(context, type, fields.getSubField(keys.get(i)));
            if (entries[i] == null) {
                return null;
            }
            (entries[i].conditional() ? conditionalFirst : certain).add(i);
        }
        conditionalFirst.addAll(certain);
        return new Plan(type, keys, entries, conditionalFirst.stream().mapToInt(Integer::intValue).toArray());
    }

    /** How to complete {@code field} of {@code type}; null if it is not direct, or selects what is not. */
    private Entry entry(ExecutionContext context, GraphQLObjectType type, MergedField field) {
        if (field.getName().equals("__typename")) {
            return new Entry(null, null, null);
        }
        if (hasArguments(field)) {
            return null; // a direct fetcher reads what the field holds without arguments
        }
        DirectFetcher fetcher = directFields.computeIfAbsent(type, t -> directFieldsOf(context.getGraphQLSchema(), t))
                .get(field.getName());
        if (fetcher == null) {
            return null;
        }
        GraphQLOutputType fieldType = type.getFieldDefinition(field.getName()).getType();
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(fieldType);
        Plan nested = null;
        if (unwrapped instanceof GraphQLObjectType object) {
            nested = plan(context, object, field, collect(context, object, field));
            if (nested == null) {
                return null;
            }
        } else if (!(unwrapped instanceof GraphQLScalarType) && !(unwrapped instanceof GraphQLEnumType)) {
            return null;
        }
        return new Entry(fetcher, fieldType, nested);
    }

    private static boolean hasArguments(MergedField field) {
        for (Field node : field.getFields()) {
            if (!node.getArguments().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private MergedSelectionSet collect(ExecutionContext context, GraphQLObjectType type, MergedField field) {
        FieldCollectorParameters parameters = FieldCollectorParameters.newParameters()
                .schema(context.getGraphQLSchema())
                .objectType(type)
                .fragments(context.getFragmentsByName())
                .variables(context.getCoercedVariables().toMap())
                .graphQLContext(context.getGraphQLContext())
                .build();
        return fieldCollector.collectFields(parameters, field, false);
    }

    private static Map<String, DirectFetcher> directFieldsOf(GraphQLSchema schema, GraphQLObjectType type) {
        Map<String, DirectFetcher> direct = new HashMap<>();
        for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
            DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(type, field);
            if (fetcher instanceof DirectFetcher source) {
                direct.put(field.getName(), source);
            }
        }
        return Map.copyOf(direct);
    }

    /** The object's result map, or {@link #NOT_DIRECT}. */
    private Object complete(ExecutionContext context, Plan plan, Object source) {
        Object[] values = new Object[plan.entries().length];
        for (int i : plan.order()) {
            values[i] = completeEntry(context, plan.type(), plan.entries()[i], source);
            if (values[i] == NOT_DIRECT) {
                return NOT_DIRECT;
            }
        }
        return context.getResponseMapFactory().createInsertionOrdered(plan.keys(), Arrays.asList(values));
    }

    /** One field's completed value, or {@link #NOT_DIRECT}. */
    private Object completeEntry(ExecutionContext context, GraphQLObjectType type, Entry entry, Object source) {
        if (entry.fetcher() == null) {
            return type.getName();
        }
        Object fetched;
        try {
            fetched = entry.fetcher().fetchDirect(source);
        } catch (RuntimeException e) {
            return NOT_DIRECT;
        }
        if (fetched == DirectFields.ABSENT) {
            return NOT_DIRECT;
        }
        return completeValue(context, entry.type(), entry.nested(), fetched);
    }

    private static CompleteValueType valueType(Entry entry, Object completed) {
        if (completed == null) {
            return CompleteValueType.NULL;
        }
        if (entry.fetcher() == null) {
            return CompleteValueType.SCALAR;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(entry.type());
        if (type instanceof GraphQLList) {
            return CompleteValueType.LIST;
        }
        return type instanceof GraphQLObjectType ? CompleteValueType.OBJECT
                : type instanceof GraphQLEnumType ? CompleteValueType.ENUM : CompleteValueType.SCALAR;
    }

    private Object completeValue(ExecutionContext context, GraphQLOutputType type, Plan nested, Object fetched) {
        Object value = context.getValueUnboxer().unbox(fetched);
        boolean nonNull = type instanceof GraphQLNonNull;
        GraphQLType nullable = nonNull ? ((GraphQLNonNull) type).getWrappedType() : type;
        if (value == null) {
            return nonNull ? NOT_DIRECT : null;
        }
        Object completed;
        if (nullable instanceof GraphQLList list) {
            completed = completeList(context, (GraphQLOutputType) list.getWrappedType(), nested, value);
        } else if (nullable instanceof GraphQLObjectType) {
            completed = complete(context, nested, value);
        } else {
            try {
                completed = nullable instanceof GraphQLScalarType scalar
                        ? scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale())
                        : ((GraphQLEnumType) nullable).serialize(value, context.getGraphQLContext(), context.getLocale());
            } catch (CoercingSerializeException e) {
                return NOT_DIRECT;
            }
        }
        return completed == null && nonNull ? NOT_DIRECT : completed;
    }

    private Object completeList(ExecutionContext context, GraphQLOutputType itemType, Plan nested, Object value) {
        if (!(value instanceof List<?> items)) {
            return NOT_DIRECT;
        }
        List<Object> completed = new ArrayList<>(items.size());
        for (Object item : items) {
            Object itemValue = completeValue(context, itemType, nested, item);
            if (itemValue == NOT_DIRECT) {
                return NOT_DIRECT;
            }
            completed.add(itemValue);
        }
        return completed;
    }

    /**
     * How to complete the objects of {@code type} for one selection: the result keys in order, an entry
     * each, and the order to complete the entries in, those that may turn out not direct first.
     */
    private record Plan(GraphQLObjectType type, List<String> keys, Entry[] entries, int[] order) {
        boolean conditional() {
            return entries.length > 0 && entries[order[0]].conditional();
        }
    }

    /** One result key: its field's fetcher and type, and the plan of the objects it holds; all null for __typename. */
    private record Entry(DirectFetcher fetcher, GraphQLOutputType type, Plan nested) {
        /** Whether this field may turn out not direct for some source (a relation it does not hold). */
        boolean conditional() {
            return fetcher != null && !(fetcher instanceof SourceFetcher) || nested != null && nested.conditional();
        }
    }

    /** What was worked out for a field of {@code type} selected by the syntax nodes {@code nodes}; null for "not direct". */
    private record Known<T>(GraphQLObjectType type, List<Field> nodes, T value) {
        /** Whether it was worked out for this: the same type, the very same syntax nodes. */
        boolean madeFor(GraphQLObjectType objectType, MergedField field) {
            List<Field> fieldNodes = field.getFields();
            if (objectType != type || fieldNodes.size() != nodes.size()) {
                return false;
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (fieldNodes.get(i) != nodes.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
