package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A metadata request body: a JSON object whose properties are checked against the input's schema
 * before anything else looks at them. Messages follow the reference server's validation wording.
 */
final class Body {
    private final ObjectNode node;

    private Body(ObjectNode node) {
        this.node = node;
    }

    /** The body, refusing anything but a JSON object with only {@code allowed} properties. */
    static Body of(JsonNode body, Set<String> allowed) {
        if (!(body instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("property " + unknown.get(0) + " should not exist");
        }
        return new Body(object);
    }

    boolean has(String name) {
        return node.has(name);
    }

    JsonNode get(String name) {
        return node.get(name);
    }

    /** A required, non-empty string. */
    String requiredText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(name + " should not be empty");
        }
        return nonEmptyText(name);
    }

    /** A non-empty string when present. */
    Optional<String> text(String name) {
        JsonNode value = node.get(name);
        return value == null ? Optional.empty() : Optional.of(nonEmptyText(name));
    }

    /** A string or null when present: {@code Optional.of(Optional.empty())} means "set to null". */
    Optional<Optional<String>> nullableText(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(name + " must be a string");
        }
        return Optional.of(Optional.of(value.asText()));
    }

    Optional<Boolean> bool(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(name + " must be a boolean value");
        }
        return Optional.of(value.asBoolean());
    }

    Optional<UUID> uuid(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(WorkspaceMetadata.parseId(value.asText())
                .orElseThrow(() -> ApiException.badRequest(name + " must be a UUID")));
    }

    UUID requiredUuid(String name) {
        return uuid(name).orElseThrow(() -> ApiException.badRequest(name + " should not be empty"));
    }

    private String nonEmptyText(String name) {
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw ApiException.badRequest(name + " must be a string");
        }
        if (value.asText().isBlank()) {
            throw ApiException.badRequest(name + " should not be empty");
        }
        return value.asText();
    }
}
