package dev.crmschema.runtime.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ColumnType;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Projection;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
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
 * projection names them. A record is made as a JSON tree ({@link #shape}), as plain values ({@link #values})
 * or written straight to a response ({@link #write}); all three agree.
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
                slots.add(Slot.of(field, true, named ? join : null));
            } else if (projection.includes(field.name())) {
                slots.add(Slot.of(field, false, null));
            }
        }
        return new Layout(List.copyOf(slots));
    }

    /** The fields {@link #shape} writes, in order; see {@link #layout}. */
    static final class Layout {
        private final List<Slot> slots;
        /** The last rows' columns this layout was resolved against; rows of one statement share theirs. */
        private volatile Positions positions;

        private Layout(List<Slot> slots) {
            this.slots = slots;
        }

        List<Slot> slots() {
            return slots;
        }

        /**
         * Where each slot's columns are in rows read with {@code columns}: per slot, the position of its join
         * column or of each of its field's columns, -1 for a column not read. Resolved once per statement's
         * rows rather than looked up by name for every value of every record.
         */
        int[][] positionsIn(RecordRow.Columns columns) {
            Positions known = positions;
            if (known == null || known.columns != columns) {
                int[][] bySlot = new int[slots.size()][];
                for (int i = 0; i < bySlot.length; i++) {
                    Slot slot = slots.get(i);
                    List<Column> read = slot.join() != null ? List.of(slot.join()) : slot.relation() ? List.of() : slot.field().columns();
                    bySlot[i] = read.stream().mapToInt(c -> columns.position(c.name())).toArray();
                }
                known = new Positions(columns, bySlot);
                positions = known;
            }
            return known.bySlot;
        }

        private record Positions(RecordRow.Columns columns, int[][] bySlot) {}
    }

    /**
     * One field of a layout. A relation writes its join column when {@code join} is set (a MANY_TO_ONE
     * relation the projection names, by itself or by its join column) and its expansion when there is one.
     * The names {@link #write} writes are encoded once per layout, not once per record, so writing one is
     * a copy of its bytes.
     */
    private record Slot(Field field, boolean relation, Column join, SerializedString name, SerializedString joinName,
            List<SerializedString> propertyNames, List<ColumnType> types) {
        static Slot of(Field field, boolean relation, Column join) {
            List<SerializedString> propertyNames = new ArrayList<>();
            for (CompositeProperty property : field.kind().isComposite() ? field.kind().properties() : List.<CompositeProperty>of()) {
                propertyNames.add(new SerializedString(property.name()));
            }
            SerializedString joinName = join == null ? null : new SerializedString(join.name());
            List<ColumnType> types = (join != null ? List.of(join) : field.columns()).stream().map(Column::type).toList();
            return new Slot(field, relation, join, new SerializedString(field.name()), joinName, List.copyOf(propertyNames), types);
        }
    }

    /** A relation of one record expanded at depth 1: the related records, shaped at depth 0 with {@code layout}. */
    sealed interface Related {
        /** A MANY_TO_ONE relation's record; {@code row} is null when the record points to none. */
        record One(Layout layout, RecordRow row) implements Related {}

        /** A ONE_TO_MANY relation's records. */
        record Many(Layout layout, List<RecordRow> rows) implements Related {}
    }

    /**
     * @param layout {@link #layout} of the record's object and the projection it is read with
     * @param related the expanded relations of this record, by relation field name; relations absent here
     *     are not expanded
     */
    static ObjectNode shape(Layout layout, RecordRow row, Map<String, Related> related) {
        ObjectNode node = NODES.objectNode();
        for (Slot slot : layout.slots()) {
            Field field = slot.field();
            if (slot.relation()) {
                if (slot.join() != null) {
                    node.set(slot.join().name(), value(slot.join(), row));
                }
                Related expanded = related.get(field.name());
                if (expanded != null) {
                    node.set(field.name(), tree(expanded));
                }
            } else if (row.has(field.columns().get(0))) {
                node.set(field.name(), field.kind().isComposite() ? composite(field, row) : value(field.columns().get(0), row));
            }
        }
        return node;
    }

    private static JsonNode tree(Related related) {
        if (related instanceof Related.One one) {
            return one.row() == null ? NODES.nullNode() : shape(one.layout(), one.row(), Map.of());
        }
        Related.Many many = (Related.Many) related;
        ArrayNode array = NODES.arrayNode(many.rows().size());
        many.rows().forEach(row -> array.add(shape(many.layout(), row, Map.of())));
        return array;
    }

    /** Writes the record {@link #shape} makes, byte for byte, without building it first. */
    static void write(JsonGenerator out, Layout layout, RecordRow row, Map<String, Related> related) throws IOException {
        out.writeStartObject();
        List<Slot> slots = layout.slots();
        int[][] positions = layout.positionsIn(row.columns());
        for (int s = 0; s < slots.size(); s++) {
            Slot slot = slots.get(s);
            int[] at = positions[s];
            if (slot.relation()) {
                if (slot.join() != null) {
                    out.writeFieldName(slot.joinName());
                    write(out, slot.types().get(0), row.value(at[0]));
                }
                Related expanded = related.get(slot.field().name());
                if (expanded != null) {
                    out.writeFieldName(slot.name());
                    write(out, expanded);
                }
            } else if (at[0] >= 0) {
                out.writeFieldName(slot.name());
                if (slot.field().kind().isComposite()) {
                    out.writeStartObject();
                    for (int i = 0; i < slot.propertyNames().size(); i++) {
                        out.writeFieldName(slot.propertyNames().get(i));
                        write(out, slot.types().get(i), row.value(at[i]));
                    }
                    out.writeEndObject();
                } else {
                    write(out, slot.types().get(0), row.value(at[0]));
                }
            }
        }
        out.writeEndObject();
    }

    private static void write(JsonGenerator out, Related related) throws IOException {
        if (related instanceof Related.One one) {
            if (one.row() == null) {
                out.writeNull();
            } else {
                write(out, one.layout(), one.row(), Map.of());
            }
            return;
        }
        Related.Many many = (Related.Many) related;
        out.writeStartArray(many.rows(), many.rows().size());
        for (RecordRow row : many.rows()) {
            write(out, many.layout(), row, Map.of());
        }
        out.writeEndArray();
    }

    /** {@link #value}, written: {@code value} is of {@code type}'s canonical Java type. */
    private static void write(JsonGenerator out, ColumnType type, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        switch (type) {
            case UUID -> out.writeString(((UUID) value).toString());
            case TEXT, ENUM, TSVECTOR -> out.writeString((String) value);
            case DOUBLE -> out.writeNumber((Double) value);
            case INTEGER -> out.writeNumber((Integer) value);
            case BIGINT -> out.writeNumber((Long) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case TIMESTAMPTZ -> out.writeString(timestamp((OffsetDateTime) value));
            case DATE -> out.writeString(((LocalDate) value).toString());
            case NUMERIC -> writeDecimal(out, (BigDecimal) value);
            case JSONB -> writeJson(out, (JSONB) value);
            case TEXT_ARRAY, ENUM_ARRAY -> {
                String[] values = (String[]) value;
                out.writeArray(values, 0, values.length);
            }
        }
    }

    /**
     * The record {@link #shape} makes of a row without expanded relations, in the plain form of
     * {@link PlainValues}: equal to {@code PlainValues.of(shape(layout, row, Map.of()))}, without the JSON
     * tree in between.
     */
    static Map<String, Object> values(Layout layout, RecordRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Slot> slots = layout.slots();
        int[][] positions = layout.positionsIn(row.columns());
        for (int s = 0; s < slots.size(); s++) {
            Slot slot = slots.get(s);
            int[] at = positions[s];
            if (slot.relation()) {
                if (slot.join() != null) {
                    values.put(slot.join().name(), plain(slot.types().get(0), row.value(at[0])));
                }
            } else if (at[0] >= 0) {
                values.put(slot.field().name(), slot.field().kind().isComposite() ? compositeValues(slot, at, row)
                        : plain(slot.types().get(0), row.value(at[0])));
            }
        }
        return values;
    }

    private static Map<String, Object> compositeValues(Slot slot, int[] at, RecordRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<CompositeProperty> properties = slot.field().kind().properties();
        for (int i = 0; i < properties.size(); i++) {
            values.put(properties.get(i).name(), plain(slot.types().get(i), row.value(at[i])));
        }
        return values;
    }

    /** {@link #value} in plain form: what {@link PlainValues} makes of the JSON value. */
    private static Object plain(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
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
        Number number = plainNumber(value);
        if (number instanceof Long whole) {
            return NODES.numberNode(whole);
        }
        return number instanceof BigInteger big ? NODES.numberNode(big) : NODES.numberNode((BigDecimal) number);
    }

    private static void writeDecimal(JsonGenerator out, BigDecimal value) throws IOException {
        Number number = plainNumber(value);
        if (number instanceof Long whole) {
            out.writeNumber(whole);
        } else if (number instanceof BigInteger big) {
            out.writeNumber(big);
        } else {
            out.writeNumber((BigDecimal) number);
        }
    }

    /** The value as a long or BigInteger when it is whole, else as a BigDecimal without trailing zeros. */
    private static Number plainNumber(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() > 0) {
            return plain;
        }
        plain = plain.setScale(0);
        return plain.precision() <= 18 ? (Number) plain.longValueExact() : plain.toBigIntegerExact();
    }

    /** The tree {@link #json} makes, written token by token as it is read: the same bytes, without the tree. */
    private static void writeJson(JsonGenerator out, JSONB value) throws IOException {
        try (JsonParser json = JSON.createParser(value.data())) {
            json.nextToken();
            out.copyCurrentStructure(json);
        }
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
