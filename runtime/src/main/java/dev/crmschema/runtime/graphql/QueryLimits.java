package dev.crmschema.runtime.graphql;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * Refuses an operation that selects fields too deep or too many (its complexity: one point per
 * field) before any field resolves, so a refused operation runs no SQL. Introspection fields
 * ({@code __schema}, {@code __type}, {@code __typename} and all below them) are not counted: GraphiQL's
 * full introspection query is deeper than any sensible data query.
 */
public final class QueryLimits extends SimplePerformantInstrumentation {
    private final int maxDepth;
    private final int maxComplexity;
    /** Sizes by parsed document (weakly: a document the engine no longer keeps is dropped) and operation name. */
    private final Map<Document, Map<String, Size>> sizes = new WeakHashMap<>();

    public QueryLimits(GraphqlConfiguration configuration) {
        this.maxDepth = configuration.getMaxQueryDepth();
        this.maxComplexity = configuration.getMaxQueryComplexity();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        Size size = sizeOf(parameters.getExecutionContext());
        if (size.depth() > maxDepth) {
            throw new Refused("The query is " + size.depth() + " fields deep; at most " + maxDepth + " are allowed");
        }
        if (size.complexity() > maxComplexity) {
            throw new Refused("The query selects " + size.complexity() + " fields; at most " + maxComplexity
                    + " are allowed (query complexity)");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /**
     * The operation's size, measured once per parsed document and operation: the engine hands the same
     * {@link Document} for the same query text, and only {@code @skip} and {@code @include} make the size
     * depend on the variables, so a query with a directive is measured every time.
     */
    private Size sizeOf(ExecutionContext context) {
        Document document = context.getDocument();
        String operation = Objects.requireNonNullElse(context.getExecutionInput().getOperationName(), "");
        boolean cacheable = !context.getExecutionInput().getQuery().contains("@");
        if (cacheable) {
            synchronized (sizes) {
                Size known = sizes.getOrDefault(document, Map.of()).get(operation);
                if (known != null) {
                    return known;
                }
            }
        }
        Size size = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(document)
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .reducePreOrder(QueryLimits::add, new Size(0, 0));
        if (cacheable) {
            synchronized (sizes) {
                sizes.computeIfAbsent(document, d -> new HashMap<>()).put(operation, size);
            }
        }
        return size;
    }

    /** Deepest field path and number of fields seen so far. */
    private record Size(int depth, int complexity) {}

    private static Size add(QueryVisitorFieldEnvironment field, Size size) {
        int depth = 0;
        for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
            if (at.getFieldDefinition().getName().startsWith("__")) {
                return size;
            }
            depth++;
        }
        return new Size(Math.max(size.depth(), depth), size.complexity() + 1);
    }

    /** The refusal: a user error (BAD_USER_INPUT) with the contract's TOO_COMPLEX_QUERY sub-code. */
    static final class Refused extends AbortExecutionException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }

        @Override
        public Map<String, Object> getExtensions() {
            return ErrorCodes.extensions(ErrorCodes.BAD_USER_INPUT, "TOO_COMPLEX_QUERY", getMessage());
        }
    }
}
