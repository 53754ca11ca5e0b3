package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where database errors become API errors. Client-caused SQL states become 400 with a
 * fixed, safe message (never the SQL text, which can carry other rows' values); anything else stays a
 * server error.
 */
final class SqlErrors {
    static final String DUPLICATE_ENTRY = "A duplicate entry was detected";

    private SqlErrors() {}

    static RuntimeException translate(DataAccessException e, ObjectType object) {
        String state = e.sqlState() == null ? "" : e.sqlState();
        return switch (state) {
            case "23505" -> ApiException.badRequest(DUPLICATE_ENTRY);
            case "23502" -> ApiException.badRequest(requiredField(e, object)
                    .map(field -> "Field '" + field + "' is required")
                    .orElse("A required field is missing"));
            case "23503" -> ApiException.badRequest(stillReferenced(e)
                    ? "The record is still referenced by other records"
                    : "A related record does not exist");
            case "23514" -> ApiException.badRequest("A value is not allowed by a check constraint");
            case "22P02" -> ApiException.badRequest("Invalid input value");
            case "22007", "22008", "22009" -> ApiException.badRequest("Invalid date or time value");
            case "22003" -> ApiException.badRequest("Numeric value out of range");
            // Text the parsers should already have refused: NUL characters, unconvertible characters,
            // dangling LIKE escapes, bad regular expressions, over-long values and index rows.
            case "22021", "22P05" -> ApiException.badRequest("Text values cannot contain the character \\u0000");
            case "22025" -> ApiException.badRequest("Invalid escape sequence in a pattern");
            case "2201B" -> ApiException.badRequest("Invalid regular expression");
            case "22001" -> ApiException.badRequest("A value is too long");
            case "54000" -> ApiException.badRequest("A value is too large to be stored or indexed");
            default -> e;
        };
    }

    /** The field whose column broke NOT NULL; the column name comes from the server, the field from the model. */
    private static Optional<String> requiredField(DataAccessException e, ObjectType object) {
        return serverMessage(e).map(ServerErrorMessage::getColumn).flatMap(column -> object.fields().stream()
                .filter(field -> field.columns().stream().anyMatch(c -> c.name().equals(column)))
                .map(Field::name)
                .findFirst());
    }

    private static boolean stillReferenced(DataAccessException e) {
        // PostgreSQL reports a delete blocked by a reference as "... is still referenced from table ...".
        return serverMessage(e).map(ServerErrorMessage::getDetail).map(d -> d.contains("still referenced")).orElse(false);
    }

    private static Optional<ServerErrorMessage> serverMessage(DataAccessException e) {
        PSQLException cause = e.getCause(PSQLException.class);
        return Optional.ofNullable(cause).map(PSQLException::getServerErrorMessage);
    }
}
