package dev.crmschema.runtime.metadata;

import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.graphql.ErrorCodes;
import dev.crmschema.runtime.graphql.FieldErrors;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Errors of the GraphQL metadata API in the contract's shape (section 7.2). A change the compiler refuses
 * gives one {@code BAD_USER_INPUT} error per diagnostic (rendered with file, line and column, as REST's
 * messages are); everything else is handled as the core API handles it ({@link FieldErrors}): a refusal
 * keeps its message and gets the code of its status, a bug reaches the client as "An error occurred.".
 */
final class MetadataGraphqlErrors implements DataFetcherExceptionHandler {
    private final FieldErrors others = new FieldErrors();

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        if (!(FieldErrors.unwrap(parameters.getException()) instanceof InvalidMetadataException invalid)) {
            return others.handleException(parameters);
        }
        List<GraphQLError> errors = invalid.messages().stream()
                .map(message -> GraphqlErrorBuilder.newError().path(parameters.getPath()).location(parameters.getSourceLocation())
                        .message("%s", message).extensions(ErrorCodes.of(ApiException.badRequest(message))).build())
                .toList();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult().errors(errors).build());
    }
}
