package dev.crmschema.compiler.emit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Example values built from the field types, the same on every run: ids are name-based UUIDs, so the
 * {@code companyId} in a person example is the id of the company example.
 */
final class ExampleValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String DATE_TIME = "2025-03-14T09:30:00.000Z";
    static final String DATE = "2025-03-14";

    private ExampleValues() {}

    /** Id of the example record of an object. */
    static String recordId(String nameSingular) {
        return uuid("record/" + nameSingular);
    }

    /** Id of a second example record, for lists and duplicates. */
    static String otherRecordId(String nameSingular) {
        return uuid("record/" + nameSingular + "/2");
    }

    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A cursor as the server makes it: base64 of the order-by values and the id of a record. */
    static String cursor(String id) {
        String json = Json.object().put("id", id).toString();
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A whole record as read at depth 0: every field and join column, no relation objects. */
    static ObjectNode record(ObjectType object, String id) {
        ObjectNode record = Json.object();
        for (Field field : object.fields()) {
            if (field.isManyToOne()) {
                record.put(field.joinColumn().orElseThrow().name(), relatedId(field));
            } else if (field.name().equals("id")) {
                record.put("id", id);
            } else if (field.name().equals("deletedAt")) {
                // An example record is a live one.
                record.putNull("deletedAt");
            } else if (field.kind() != FieldKind.RELATION && field.kind() != FieldKind.TS_VECTOR) {
                record.set(field.name(), value(object, field, false));
            }
        }
        return record;
    }

    /** A create body: every writable field the workspace defines, relations through their join column. */
    static ObjectNode createBody(ObjectType object) {
        ObjectNode body = Json.object();
        for (Field field : object.fields()) {
            if (field.isSystem() || field.isServerManaged() || field.isOneToMany()) {
                continue;
            }
            if (field.isManyToOne()) {
                body.put(field.joinColumn().orElseThrow().name(), relatedId(field));
            } else {
                body.set(field.name(), value(object, field, true));
            }
        }
        return body;
    }

    /** An update body: the first two entries of the create body, as a partial update sends few keys. */
    static ObjectNode updateBody(ObjectType object) {
        ObjectNode body = Json.object();
        for (Map.Entry<String, JsonNode> entry : createBody(object).properties()) {
            if (body.size() == 2) {
                break;
            }
            body.set(entry.getKey(), entry.getValue());
        }
        if (body.isEmpty()) {
            body.put("position", 1);
        }
        return body;
    }

    /** The example value of one non-relation field. */
    static JsonNode value(ObjectType object, Field field, boolean forInput) {
        return switch (field.kind()) {
            case UUID -> NODES.textNode(uuid("value/" + object.nameSingular() + "/" + field.name()));
            case TEXT -> NODES.textNode("Sample " + field.label());
            case NUMBER -> "int".equals(field.settings().get("dataType")) || "bigint".equals(field.settings().get("dataType"))
                    ? NODES.numberNode(3) : NODES.numberNode(12.5);
            case NUMERIC -> NODES.numberNode(1250.75);
            case BOOLEAN -> NODES.booleanNode(true);
            case DATE_TIME -> NODES.textNode(DATE_TIME);
            case DATE -> NODES.textNode(DATE);
            case POSITION -> NODES.numberNode(1);
            case RAW_JSON -> Json.object().put("source", "import").put("score", 7);
            case ARRAY -> strings("first", "second");
            case SELECT, RATING -> NODES.textNode(preferredValue(field));
            case MULTI_SELECT -> strings(preferredValue(field));
            case CURRENCY -> Json.object().put("amountMicros", 1_500_000_000L).put("currencyCode", "EUR");
            case FULL_NAME -> Json.object().put("firstName", "Jane").put("lastName", "Doe");
            case EMAILS -> {
                ObjectNode emails = Json.object().put("primaryEmail", "jane.doe@example.com");
                emails.set("additionalEmails", strings("jane@example.org"));
                yield emails;
            }
            case PHONES -> {
                ObjectNode phones = Json.object().put("primaryPhoneNumber", "612345678")
                        .put("primaryPhoneCountryCode", "FR").put("primaryPhoneCallingCode", "+33");
                phones.putArray("additionalPhones").addObject()
                        .put("number", "198765432").put("countryCode", "FR").put("callingCode", "+33");
                yield phones;
            }
            case LINKS -> {
                ObjectNode links = Json.object().put("primaryLinkUrl", "https://example.com").put("primaryLinkLabel", "Website");
                links.putArray("secondaryLinks").addObject().put("url", "https://example.org/blog").put("label", "Blog");
                yield links;
            }
            case ADDRESS -> Json.object().put("addressStreet1", "12 Example Street").put("addressStreet2", "Building B")
                    .put("addressCity", "Paris").put("addressState", "Ile-de-France").put("addressCountry", "France")
                    .put("addressPostcode", "75001").put("addressLat", 48.8566).put("addressLng", 2.3522);
            case ACTOR -> forInput
                    ? Json.object().put("source", "API")
                    : actorRecord();
            case RICH_TEXT_V2 -> Json.object()
                    .put("blocknote", "[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]}]")
                    .put("markdown", "Hello");
            case RELATION, TS_VECTOR -> throw new IllegalArgumentException("no example value for " + field.kind());
        };
    }

    private static ObjectNode actorRecord() {
        ObjectNode actor = Json.object().put("source", "API").putNull("workspaceMemberId").put("name", "Integration key");
        actor.putObject("context");
        return actor;
    }

    /** The field's literal default when it has one (more telling than the first option), else its first value. */
    private static String preferredValue(Field field) {
        return DefaultValues.of(field)
                .map(d -> d.isArray() ? d.path(0).asText() : d.asText())
                .filter(v -> !v.isEmpty())
                .orElse(field.enumValues().get(0));
    }

    private static String relatedId(Field field) {
        return recordId(field.relation().orElseThrow().targetObject());
    }

    private static ArrayNode strings(String... values) {
        ArrayNode array = NODES.arrayNode();
        List.of(values).forEach(array::add);
        return array;
    }
}
