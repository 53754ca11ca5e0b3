package dev.crmschema.runtime.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.compiler.diag.DidYouMean;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.runtime.errors.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.JSONB;

/**
 * Reads a composite field's JSON object from a body into its sub-columns. Sub-fields may be given in
 * part; each one given is written, the others are left alone. ACTOR fields take only {@code source}:
 * the reference system sets {@code name}, {@code workspaceMemberId} and {@code context} itself.
 */
final class CompositeBodyReader {
    private static final String ACTOR_SOURCE = "source";
    private static final String PRIMARY_LINK_URL = "primaryLinkUrl";

    private CompositeBodyReader() {}

    /** The sub-fields a client may write. */
    static List<CompositeProperty> writable(Field field) {
        return field.kind().properties().stream()
                .filter(p -> field.kind() != FieldKind.ACTOR || p.name().equals(ACTOR_SOURCE))
                .toList();
    }

    static void read(Field field, JsonNode node, Map<Column, Object> values) {
        if (!node.isObject()) {
            throw JsonValueReader.invalid(field.name(), node, "expected an object with sub-fields " + names(field));
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            CompositeProperty property = property(field, entry.getKey());
            FieldPath path = FieldPath.of(field, property);
            values.put(path.column(), value(path, entry.getValue()));
        }
    }

    private static CompositeProperty property(Field field, String name) {
        Optional<CompositeProperty> property = field.kind().property(name);
        if (property.isEmpty()) {
            List<String> known = field.kind().properties().stream().map(CompositeProperty::name).toList();
            throw ApiException.badRequest("Field \"" + field.name() + "\" has no sub-field \"" + name + "\" (sub-fields: "
                    + names(field) + ")" + DidYouMean.hint(name, known).map(h -> ", " + h).orElse(""));
        }
        if (!writable(field).contains(property.get())) {
            throw ApiException.badRequest("Field \"" + field.name() + "." + name + "\" is set by the server: only \""
                    + field.name() + "." + ACTOR_SOURCE + "\" can be written");
        }
        return property.get();
    }

    private static Object value(FieldPath path, JsonNode node) {
        if (node.isNull()) {
            return null; // sub-columns are always nullable: a composite is empty when its parts are null
        }
        if (path.column().type() == ColumnType.JSONB) {
            return jsonList(path, node);
        }
        Object value = JsonValueReader.read(path, node);
        if (path.property().orElseThrow().name().equals(PRIMARY_LINK_URL) && value instanceof String url) {
            return withoutTrailingSlash(url);
        }
        return value;
    }

    /**
     * The list sub-fields (additionalEmails, additionalPhones, secondaryLinks) are JSON arrays: of
     * strings for e-mails, of objects for phones and links.
     */
    private static JSONB jsonList(FieldPath path, JsonNode node) {
        boolean ofStrings = path.field().kind() == FieldKind.EMAILS;
        String expected = ofStrings ? "expected an array of strings" : "expected an array of objects";
        if (!node.isArray()) {
            throw JsonValueReader.invalid(path, node, expected);
        }
        for (JsonNode element : node) {
            if (ofStrings ? !element.isTextual() : !element.isObject()) {
                throw JsonValueReader.invalid(path, node, expected);
            }
        }
        return JsonValueReader.json(path, node);
    }

    /** The reference system stores link URLs without a trailing slash (contract, section 1.6). */
    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String names(Field field) {
        return writable(field).stream().map(CompositeProperty::name).collect(Collectors.joining(", "));
    }
}
