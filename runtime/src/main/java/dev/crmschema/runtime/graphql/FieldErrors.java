package dev.crmschema.runtime.graphql;

import dev.crmschema.runtime.errors.ApiException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception thrown while resolving a field into that field's GraphQL error. A refused
 * request ({@link ApiException}) keeps its message and gets the code of its status; anything else is
 * logged with its stack trace and reaches the client only as "An error occurred." with
 * {@code INTERNAL_SERVER_ERROR}, so no stack trace or SQL text ever leaves the server.
 */
public final class FieldErrors implements DataFetcherExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FieldErrors.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        Throwable cause = unwrap(parameters.getException());
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
                .path(parameters.getPath())
                .location(parameters.getSourceLocation());
        GraphQLError built;
        if (cause instanceof ApiException refused) {
            built = error.message("%s", refused.getMessage()).extensions(ErrorCodes.of(refused)).build();
        } else {
            LOG.error("GraphQL field {} failed", parameters.getPath(), cause);
            built = error.message("%s", ErrorCodes.INTERNAL_MESSAGE)
                    .extensions(ErrorCodes.extensions(ErrorCodes.INTERNAL_SERVER_ERROR, null, ErrorCodes.INTERNAL_MESSAGE))
                    .build();
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(built).build());
    }

    /** The exception a resolver threw, out of the wrappers of futures and reflection. */
    public static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
