package dev.crmschema.compiler.emit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks example values against their schemas inside one OpenAPI document, for the JSON Schema keywords
 * the emitter writes. A keyword it does not know fails the check, so a new keyword cannot slip by unchecked.
 */
final class ExampleChecker {
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "readOnly", "default");
    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();
    private int examplesChecked;

    ExampleChecker(JsonNode document) {
        this.document = document;
    }

    /** Every example of every media type and parameter, checked; returns the problems found. */
    List<String> checkAll() {
        walk(document, "");
        return problems;
    }

    int examplesChecked() {
        return examplesChecked;
    }

    private void walk(JsonNode node, String at) {
        if (node.isObject()) {
            if (node.has("schema") && (node.has("examples") || node.has("example"))) {
                checkExamples(node, at);
            }
            node.properties().forEach(e -> walk(e.getValue(), at + "/" + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i);
            }
        }
    }

    private void checkExamples(JsonNode holder, String at) {
        JsonNode schema = holder.get("schema");
        if (holder.has("example")) {
            check(schema, holder.get("example"), at + "/example");
        }
        holder.path("examples").properties().forEach(e -> {
            JsonNode example = resolve(e.getValue());
            check(schema, example.get("value"), at + "/examples/" + e.getKey());
        });
    }

    private void check(JsonNode schema, JsonNode value, String at) {
        examplesChecked++;
        List<String> found = new ArrayList<>();
        validate(schema, value, at, found);
        problems.addAll(found);
    }

    private void validate(JsonNode schemaOrRef, JsonNode value, String at, List<String> out) {
        JsonNode schema = resolve(schemaOrRef);
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            JsonNode arg = keyword.getValue();
            switch (keyword.getKey()) {
                case "type" -> {
                    boolean ok = false;
                    Iterable<JsonNode> types = arg.isArray() ? arg : List.of(arg);
                    for (JsonNode type : types) {
                        ok |= hasType(value, type.asText());
                    }
                    if (!ok) {
                        out.add(at + ": " + value + " is not of type " + arg);
                    }
                }
                case "enum" -> {
                    boolean ok = false;
                    for (JsonNode allowed : arg) {
                        ok |= allowed.equals(value);
                    }
                    if (!ok) {
                        out.add(at + ": " + value + " is not one of " + arg);
                    }
                }
                case "properties" -> arg.properties().forEach(p -> {
                    if (value.isObject() && value.has(p.getKey())) {
                        validate(p.getValue(), value.get(p.getKey()), at + "/" + p.getKey(), out);
                    }
                });
                case "required" -> arg.forEach(r -> {
                    if (value.isObject() && !value.has(r.asText())) {
                        out.add(at + ": missing required " + r.asText());
                    }
                });
                case "additionalProperties" -> {
                    if (value.isObject() && !arg.asBoolean(true)) {
                        value.fieldNames().forEachRemaining(name -> {
                            if (!schema.path("properties").has(name)) {
                                out.add(at + ": unexpected property " + name);
                            }
                        });
                    }
                }
                case "items" -> {
                    if (value.isArray()) {
                        for (int i = 0; i < value.size(); i++) {
                            validate(arg, value.get(i), at + "/" + i, out);
                        }
                    }
                }
                case "oneOf" -> {
                    int matches = 0;
                    for (JsonNode option : arg) {
                        List<String> optionProblems = new ArrayList<>();
                        validate(option, value, at, optionProblems);
                        matches += optionProblems.isEmpty() ? 1 : 0;
                    }
                    if (matches != 1) {
                        out.add(at + ": " + matches + " oneOf branches match instead of one");
                    }
                }
                case "minItems" -> require(!value.isArray() || value.size() >= arg.asInt(), at, "too few items", out);
                case "maxItems" -> require(!value.isArray() || value.size() <= arg.asInt(), at, "too many items", out);
                case "minProperties" -> require(!value.isObject() || value.size() >= arg.asInt(), at, "too few properties", out);
                case "maxProperties" -> require(!value.isObject() || value.size() <= arg.asInt(), at, "too many properties", out);
                case "minLength" -> require(!value.isTextual() || value.asText().length() >= arg.asInt(), at, "too short", out);
                case "minimum" -> require(!value.isNumber() || value.asDouble() >= arg.asDouble(), at, "below minimum", out);
                case "maximum" -> require(!value.isNumber() || value.asDouble() <= arg.asDouble(), at, "above maximum", out);
                case "pattern" -> require(!value.isTextual() || Pattern.compile(arg.asText()).matcher(value.asText()).find(),
                        at, value + " does not match " + arg.asText(), out);
                case "format" -> require(!value.isTextual() || hasFormat(value.asText(), arg.asText()), at,
                        value + " is not a " + arg.asText(), out);
                default -> {
                    if (!ANNOTATIONS.contains(keyword.getKey())) {
                        out.add(at + ": the checker does not know keyword " + keyword.getKey());
                    }
                }
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
    }

    private static boolean hasFormat(String text, String format) {
        try {
            switch (format) {
                case "uuid" -> UUID.fromString(text);
                case "date-time" -> OffsetDateTime.parse(text);
                case "date" -> LocalDate.parse(text);
                case "int32", "int64", "double" -> { }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void require(boolean condition, String at, String problem, List<String> out) {
        if (!condition) {
            out.add(at + ": " + problem);
        }
    }
}
