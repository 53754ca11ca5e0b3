package dev.crmschema.runtime.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.runtime.errors.ApiException;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the nested form of a MANY_TO_ONE relation in a body (reference contract, section 1.6):
 * {@code {"connect":{"where":{"id":"<uuid>"}}}} or {@code {"disconnect":true}}. Only {@code where.id} is
 * taken: a lookup by another unique field would need a query, which body parsing does not do.
 */
final class RelationInputReader {
    private RelationInputReader() {}

    /** The id to connect, or empty to disconnect. */
    static Optional<UUID> read(Field field, JsonNode node) {
        String join = field.joinColumn().map(Column::name).orElseThrow();
        String shape = "expected {\"connect\":{\"where\":{\"id\":\"<uuid>\"}}} or {\"disconnect\":true}, or set \""
                + join + "\" instead";
        if (!node.isObject() || node.size() != 1) {
            throw JsonValueReader.invalid(field.name(), node, shape);
        }
        JsonNode disconnect = node.get("disconnect");
        if (disconnect != null) {
            if (!disconnect.isBoolean() || !disconnect.booleanValue()) {
                throw JsonValueReader.invalid(field.name(), node, "disconnect must be true");
            }
            return Optional.empty();
        }
        JsonNode connect = node.get("connect");
        if (connect == null) {
            throw JsonValueReader.invalid(field.name(), node, shape);
        }
        JsonNode where = connect.isObject() && connect.size() == 1 ? connect.get("where") : null;
        JsonNode id = where != null && where.isObject() && where.size() == 1 ? where.get("id") : null;
        if (id == null) {
            throw JsonValueReader.invalid(field.name(), node, "connect takes only {\"where\":{\"id\":\"<uuid>\"}}"
                    + whereKeys(where));
        }
        if (!id.isTextual()) {
            throw JsonValueReader.invalid(field.name() + ".connect.where.id", id, "expected a UUID string");
        }
        try {
            return Optional.of(ScalarText.uuid(id.textValue()));
        } catch (ApiException e) {
            throw JsonValueReader.invalid(field.name() + ".connect.where.id", id, e.getMessage());
        }
    }

    /** Names what else was asked for, so that a lookup by a unique field is refused clearly. */
    private static String whereKeys(JsonNode where) {
        if (where == null || !where.isObject() || where.isEmpty()) {
            return "";
        }
        StringBuilder keys = new StringBuilder();
        for (Iterator<String> names = where.fieldNames(); names.hasNext(); ) {
            keys.append(keys.length() == 0 ? "" : ", ").append(names.next());
        }
        return "; connecting by " + keys + " is not supported";
    }
}
