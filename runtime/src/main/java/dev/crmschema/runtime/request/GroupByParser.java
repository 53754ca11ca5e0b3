package dev.crmschema.runtime.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.time.ZoneId;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads group-by dimensions (reference contract, sections 1.3 and 2.2) from the REST {@code group_by}
 * parameter, a JSON array such as {@code [{"stage":true},{"closeDate":{"granularity":"DAY_OF_THE_WEEK"}}]},
 * or from the same structure as a GraphQL {@code groupBy} input. Each entry names a field with
 * {@code true}; a composite field names one sub-field ({@code {"address":{"addressCity":true}}}); a date
 * or timestamp may carry a {@code granularity} and a {@code timeZone} (IANA name, UTC when absent);
 * without a granularity it groups by its exact value.
 * MANY_TO_ONE relations group by their join column ({@code {"companyId":true}}).
 */
public final class GroupByParser {
    /** Most dimensions one request may group by. */
    public static final int MAX_DIMENSIONS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE = "INVALID_GROUP_BY_QUERY_PARAM";
    private static final String EXAMPLE = "eg: group_by=[{\"stage\":true},{\"closeDate\":{\"granularity\":\"DAY\"}}]";
    private static final String GRANULARITY = "granularity";
    private static final String TIME_ZONE = "timeZone";
    private static final ZoneId UTC = ZoneId.of("UTC");

    private GroupByParser() {}

    /** The REST parameter: required, a non-empty JSON array. */
    public static List<GroupDimension> parseParameter(ObjectType object, String raw) {
        if (raw == null || raw.isBlank()) {
            throw refuse("'group_by' parameter is required. " + EXAMPLE);
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw refuse("'group_by' parameter invalid: it is not JSON. " + EXAMPLE);
        }
        return parse(object, parsed, "'group_by' parameter invalid: ");
    }

    /** A JSON array of dimension objects; {@code prefix} starts every refusal. */
    public static List<GroupDimension> parse(ObjectType object, JsonNode items, String prefix) {
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw refuse(prefix + "expected a non-empty array of fields to group by. " + EXAMPLE);
        }
        List<GroupDimension> dimensions = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject() || item.isEmpty()) {
                throw refuse(prefix + "each item must be an object naming a field, got " + item + ". " + EXAMPLE);
            }
            for (Map.Entry<String, JsonNode> entry : item.properties()) {
                if (!entry.getValue().isNull()) {
                    dimensions.add(dimension(object, entry.getKey(), entry.getValue(), prefix));
                }
            }
        }
        if (dimensions.isEmpty()) {
            throw refuse(prefix + "expected at least one field to group by. " + EXAMPLE);
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw refuse(prefix + "at most " + MAX_DIMENSIONS + " fields can be grouped by, got " + dimensions.size());
        }
        for (int i = 0; i < dimensions.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (dimensions.get(i).equals(dimensions.get(j))) {
                    throw refuse(prefix + "'" + dimensions.get(i).path().display() + "' is grouped by twice");
                }
            }
        }
        return List.copyOf(dimensions);
    }

    private static GroupDimension dimension(ObjectType object, String name, JsonNode value, String prefix) {
        boolean composite = object.field(name).map(f -> f.kind().isComposite()).orElse(false);
        if (composite) {
            if (!value.isObject() || value.size() != 1) {
                throw refuse(prefix + "'" + name + "' is composite: name one of its sub-fields, eg: {\"" + name
                        + "\":{\"<sub-field>\":true}}");
            }
            Map.Entry<String, JsonNode> sub = value.properties().iterator().next();
            return dimension(object, name + "." + sub.getKey(), sub.getValue(), prefix);
        }
        FieldPath path = FieldPathResolver.resolve(object, name, prefix);
        FieldKind kind = path.kind();
        if (kind == FieldKind.RAW_JSON || kind == FieldKind.ARRAY || kind == FieldKind.MULTI_SELECT) {
            throw refuse(prefix + "'" + path.display() + "' of type " + kind + " cannot be grouped by");
        }
        if (value.isBoolean() && value.booleanValue()) {
            return new GroupDimension(path, Optional.empty(), UTC);
        }
        if (!value.isObject()) {
            throw refuse(prefix + "'" + path.display() + "' must be true, or an object with a granularity for dates");
        }
        if (kind != FieldKind.DATE && kind != FieldKind.DATE_TIME) {
            throw refuse(prefix + "'" + path.display() + "' is not a date: only dates take a granularity");
        }
        for (Iterator<String> keys = value.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!key.equals(GRANULARITY) && !key.equals(TIME_ZONE)) {
                throw refuse(prefix + "'" + path.display() + "' takes only 'granularity' and 'timeZone', got '" + key + "'");
            }
        }
        JsonNode granularity = value.get(GRANULARITY);
        if (granularity == null || granularity.isNull()) {
            // A date without a granularity groups by its exact value.
            return new GroupDimension(path, Optional.empty(), timeZone(value.get(TIME_ZONE), prefix));
        }
        if (!granularity.isTextual() || DateGranularity.parse(granularity.asText()).isEmpty()) {
            throw refuse(prefix + "granularity of '" + path.display() + "' must be one of " + DateGranularity.allowed());
        }
        return new GroupDimension(path, DateGranularity.parse(granularity.asText()), timeZone(value.get(TIME_ZONE), prefix));
    }

    /** An IANA zone name PostgreSQL knows too; offsets such as +02:00 are refused, as their meaning differs there. */
    private static ZoneId timeZone(JsonNode value, String prefix) {
        if (value == null || value.isNull()) {
            return UTC;
        }
        String name = value.isTextual() ? value.asText() : value.toString();
        if (!value.isTextual() || !ZoneId.getAvailableZoneIds().contains(name)) {
            throw ApiException.badRequest(prefix + "time zone '" + name + "' is invalid: use an IANA name such as Europe/Paris",
                    "INVALID_TIMEZONE");
        }
        return ZoneId.of(name);
    }

    private static ApiException refuse(String message) {
        return ApiException.badRequest(message, CODE);
    }
}
