package dev.crmschema.compiler.emit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.crmschema.compiler.model.Field;
import java.util.List;
import java.util.Optional;

/**
 * A field's default as a JSON value, when it is a literal. The metadata encoding quotes literals
 * ({@code "'NEW'"}) and leaves functions bare ({@code "uuid"}, {@code "now"}); functions and composite
 * defaults have no JSON Schema {@code default} and are described in words instead.
 */
final class DefaultValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DefaultValues() {}

    static Optional<JsonNode> of(Field field) {
        if (field.kind().isComposite()) {
            return Optional.empty();
        }
        return field.defaultValue().flatMap(DefaultValues::literal);
    }

    /** The server function that fills the field ({@code uuid}, {@code now}), if that is its default. */
    static Optional<String> function(Field field) {
        return field.defaultValue().filter(String.class::isInstance).map(String.class::cast)
                .filter(v -> unquote(v).isEmpty());
    }

    private static Optional<JsonNode> literal(Object value) {
        if (value instanceof String text) {
            return unquote(text).map(NODES::textNode);
        }
        if (value instanceof Boolean flag) {
            return Optional.of(NODES.booleanNode(flag));
        }
        if (value instanceof Integer || value instanceof Long) {
            return Optional.of(NODES.numberNode(((Number) value).longValue()));
        }
        if (value instanceof Number number) {
            return Optional.of(NODES.numberNode(number.doubleValue()));
        }
        if (value instanceof List<?> items) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : items) {
                Optional<JsonNode> element = literal(item);
                if (element.isEmpty()) {
                    return Optional.empty();
                }
                array.add(element.get());
            }
            return Optional.of(array);
        }
        return Optional.empty();
    }

    private static Optional<String> unquote(String text) {
        return text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
                ? Optional.of(text.substring(1, text.length() - 1))
                : Optional.empty();
    }
}
