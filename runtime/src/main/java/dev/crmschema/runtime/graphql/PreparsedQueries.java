package dev.crmschema.runtime.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps the parsed and validated document of the queries a schema has seen most recently, so a client
 * sending the same query again (the usual case, with changing variables) skips parsing and validation,
 * which cost more than running a small query. Validation depends only on the query text and the schema,
 * and the schema of an engine never changes. The depth and complexity limits are checked when an
 * operation starts, so they still apply to every request.
 */
final class PreparsedQueries implements PreparsedDocumentProvider {
    /** Distinct queries kept per schema; clients send few distinct query texts, with variables. */
    static final int MAX_QUERIES = 200;
    /** Longer query texts are parsed every time rather than kept. */
    static final int MAX_QUERY_LENGTH = 20_000;

    private final Map<String, PreparsedDocumentEntry> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
            return size() > MAX_QUERIES;
        }
    };

    /** The document of a query seen before that parsed and validated without errors, if any. */
    Optional<Document> known(String query) {
        PreparsedDocumentEntry known;
        synchronized (recent) {
            known = recent.get(query);
        }
        return known == null || known.hasErrors() ? Optional.empty() : Optional.of(known.getDocument());
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query.length() > MAX_QUERY_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry known;
        synchronized (recent) {
            known = recent.get(query);
        }
        if (known == null) {
            // Parsed outside the lock: two first requests of one query may both parse it, which is harmless.
            known = parseAndValidate.apply(input);
            synchronized (recent) {
                recent.put(query, known);
            }
        }
        return CompletableFuture.completedFuture(known);
    }
}
