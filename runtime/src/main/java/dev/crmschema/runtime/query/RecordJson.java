package dev.crmschema.runtime.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Projection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.JSONB;

/**
 * Shapes a stored record into the contract's JSON record (reference contract, sections 1.7, 1.8 and 4):
 * keys in field order, composites as nested objects, MANY_TO_ONE relations as their join column
 * ({@code companyId}) plus, when expanded, the related object ({@code company}), ONE_TO_MANY relations
 * only when expanded. Search vectors appear only when they were read, which happens only when the
 * projection names them.
 */
final class RecordJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    // The contract's timestamp form: UTC, milliseconds, "Z" (2025-01-01T00:00:00.000Z).
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private RecordJson() {}

    /**
     * What {@link #shape} writes for each record of {@code object} under {@code projection}: the fields in
     * order, those the projection leaves out already dropped. Worked out once per list of records, not
     * per record: the projection's lookups per field and record were 4 % of a nested GraphQL read.
     */
    static Layout layout(ObjectType object, Projection projection) {
        List<Slot> slots = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.relation().isPresent()) {
                Column join = field.isManyToOne() ? field.joinColumn().orElseThrow() : null;
                boolean named = join != null && (projection.includes(field.name()) || projection.includes(join.name()));
                slots.add(new Slot(field, true, named ? join : null));
            } else if (projection.includes(field.name())) {
                slots.add(new Slot(field, false, null));
            }
        }
        return new Layout(List.copyOf(slots));
    }

    /** The fields {@link #shape} writes, in order; see {@link #layout}. */
    record Layout(List<Slot> slots) {}

    /**
     * One field of a layout. A relation writes its join column when {@code join} is set (a MANY_TO_ONE
     * relation the projection names, by itself or by its join column) and its expansion when there is one.
     */
    private record Slot(Field field, boolean relation, Column join) {}

    /**
     * @param layout {@link #layout} of the record's object and the projection it is read with
     * @param related the expanded relations of this record, by relation field name: an object or null
     *     node for MANY_TO_ONE, an array for ONE_TO_MANY; relations absent here are not expanded
     */
    static ObjectNode shape(Layout layout, RecordRow row, Map<String, JsonNode> related) {
        ObjectNode node = NODES.objectNode();
        for (Slot slot : layout.slots()) {
            Field field = slot.field();
            if (slot.relation()) {
                if (slot.join() != null) {
                    node.set(slot.join().name(), value(slot.join(), row));
                }
                JsonNode expanded = related.get(field.name());
                if (expanded != null) {
                    node.set(field.name(), expanded);
                }
            } else if (row.has(field.columns().get(0))) {
                node.set(field.name(), field.kind().isComposite() ? composite(field, row) : value(field.columns().get(0), row));
            }
        }
        return node;
    }

    /**
     * The record {@link #shape} makes of a row without expanded relations, in the plain form of
     * {@link PlainValues}: equal to {@code PlainValues.of(shape(layout, row, Map.of()))}, without the JSON
     * tree in between.
     */
    static Map<String, Object> values(Layout layout, RecordRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Slot slot : layout.slots()) {
            Field field = slot.field();
            if (slot.relation()) {
                if (slot.join() != null) {
                    values.put(slot.join().name(), plain(slot.join(), row));
                }
            } else if (row.has(field.columns().get(0))) {
                values.put(field.name(), field.kind().isComposite() ? compositeValues(field, row) : plain(field.columns().get(0), row));
            }
        }
        return values;
    }

    private static Map<String, Object> compositeValues(Field field, RecordRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<CompositeProperty> properties = field.kind().properties();
        for (int i = 0; i < properties.size(); i++) {
            values.put(properties.get(i).name(), plain(field.columns().get(i), row));
        }
        return values;
    }

    /** {@link #value} in plain form: what {@link PlainValues} makes of the JSON value. */
    private static Object plain(Column column, RecordRow row) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        return switch (column.type()) {
            case UUID -> ((UUID) value).toString();
            case TEXT, ENUM, TSVECTOR, INTEGER, BIGINT, BOOLEAN -> value;
            case DOUBLE -> BigDecimal.valueOf((Double) value);
            case NUMERIC -> PlainValues.value(decimal((BigDecimal) value));
            case TIMESTAMPTZ -> timestamp((OffsetDateTime) value);
            case DATE -> ((LocalDate) value).toString();
            case JSONB -> PlainValues.value(json((JSONB) value));
            case TEXT_ARRAY, ENUM_ARRAY -> new ArrayList<>(Arrays.asList((String[]) value));
        };
    }

    private static ObjectNode composite(Field field, RecordRow row) {
        ObjectNode node = NODES.objectNode();
        List<CompositeProperty> properties = field.kind().properties();
        for (int i = 0; i < properties.size(); i++) {
            node.set(properties.get(i).name(), value(field.columns().get(i), row));
        }
        return node;
    }

    private static JsonNode value(Column column, RecordRow row) {
        Object value = row.get(column);
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (column.type()) {
            case UUID -> NODES.textNode(((UUID) value).toString());
            case TEXT, ENUM, TSVECTOR -> NODES.textNode((String) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case INTEGER -> NODES.numberNode((Integer) value);
            case BIGINT -> NODES.numberNode((Long) value);
            case NUMERIC -> decimal((BigDecimal) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case TIMESTAMPTZ -> NODES.textNode(timestamp((OffsetDateTime) value));
            case DATE -> NODES.textNode(((LocalDate) value).toString());
            case JSONB -> json((JSONB) value);
            case TEXT_ARRAY, ENUM_ARRAY -> strings((String[]) value);
        };
    }

    /** A timestamp in the contract's form; aggregates (minCreatedAt) use it too. */
    static String timestamp(OffsetDateTime value) {
        OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return TIMESTAMP.format(utc);
        }
        // Written by hand: the pattern formatter cost a fifth of shaping a record with timestamps.
        StringBuilder text = new StringBuilder(24);
        pad(text, utc.getYear(), 4).append('-');
        pad(text, utc.getMonthValue(), 2).append('-');
        pad(text, utc.getDayOfMonth(), 2).append('T');
        pad(text, utc.getHour(), 2).append(':');
        pad(text, utc.getMinute(), 2).append(':');
        pad(text, utc.getSecond(), 2).append('.');
        return pad(text, utc.getNano() / 1_000_000, 3).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int digits) {
        for (int limit = 10; digits > 1; digits--, limit *= 10) {
            if (value < limit) {
                text.append('0');
            }
        }
        return text.append(value);
    }

    /** Whole numbers (currency micros) as JSON integers, others as plain decimals, never in E notation. */
    private static JsonNode decimal(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() <= 0) {
            plain = plain.setScale(0);
            if (plain.precision() <= 18) {
                return NODES.numberNode(plain.longValueExact());
            }
            return NODES.numberNode(plain.toBigIntegerExact());
        }
        return NODES.numberNode(plain);
    }

    private static JsonNode json(JSONB value) {
        try {
            return JSON.readTree(value.data());
        } catch (JsonProcessingException e) {
            // PostgreSQL only stores valid JSON, so this is a broken invariant, not bad input.
            throw new IllegalStateException("jsonb value is not JSON", e);
        }
    }

    private static ArrayNode strings(String[] values) {
        ArrayNode array = NODES.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
