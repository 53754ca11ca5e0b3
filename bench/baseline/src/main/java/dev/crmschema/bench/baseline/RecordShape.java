package dev.crmschema.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON shape of one object's records, written out by hand: which columns are selected, in which
 * order, and how each becomes a property (scalars, composites as nested objects, relation slots that
 * only depth=1 fills). Produces the same bytes as the real server's records.
 */
final class RecordShape {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    /** How one column's value becomes JSON. */
    enum Kind { UUID, TEXT, INT, DOUBLE, NUMERIC, BOOLEAN, TIMESTAMP, JSONB }

    private record Column(String name, Kind kind) {}

    /** One property: a scalar (one column, no sub-names), a composite, or a relation slot (no columns). */
    private record Property(String name, List<Column> columns, List<String> subNames, boolean relation) {}

    private final List<Property> properties = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();

    RecordShape scalar(String name, Kind kind) {
        Column column = new Column(name, kind);
        columns.add(column);
        properties.add(new Property(name, List.of(column), List.of(), false));
        return this;
    }

    /** A composite field: columns named field + Sub, properties named sub. */
    RecordShape composite(String name, Object... subsAndKinds) {
        List<Column> parts = new ArrayList<>();
        List<String> subNames = new ArrayList<>();
        for (int i = 0; i < subsAndKinds.length; i += 2) {
            String sub = (String) subsAndKinds[i];
            Column column = new Column(name + Character.toUpperCase(sub.charAt(0)) + sub.substring(1), (Kind) subsAndKinds[i + 1]);
            parts.add(column);
            subNames.add(sub);
        }
        columns.addAll(parts);
        properties.add(new Property(name, parts, subNames, false));
        return this;
    }

    RecordShape links(String name) {
        return composite(name, "primaryLinkUrl", Kind.TEXT, "primaryLinkLabel", Kind.TEXT, "secondaryLinks", Kind.JSONB);
    }

    RecordShape actor(String name) {
        return composite(name, "source", Kind.TEXT, "workspaceMemberId", Kind.UUID, "name", Kind.TEXT, "context", Kind.JSONB);
    }

    /** The system fields every record ends with. */
    RecordShape system() {
        return scalar("createdAt", Kind.TIMESTAMP).scalar("updatedAt", Kind.TIMESTAMP).scalar("deletedAt", Kind.TIMESTAMP)
                .scalar("position", Kind.DOUBLE).actor("createdBy").actor("updatedBy");
    }

    /** Where an expanded relation goes in the record, when depth=1 expands it. */
    RecordShape relation(String name) {
        properties.add(new Property(name, List.of(), List.of(), true));
        return this;
    }

    /** The quoted select list, optionally qualified by a table alias. */
    String selectList(String alias) {
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            names.add(alias == null ? quote(column.name()) : quote(alias) + "." + quote(column.name()));
        }
        return String.join(", ", names);
    }

    int columnCount() {
        return columns.size();
    }

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    /** The record at the result set's current row; {@code related} fills relation slots by name. */
    ObjectNode read(ResultSet row, Map<String, JsonNode> related) throws SQLException {
        ObjectNode node = NODES.objectNode();
        int index = 1;
        for (Property property : properties) {
            if (property.relation()) {
                JsonNode expanded = related.get(property.name());
                if (expanded != null) {
                    node.set(property.name(), expanded);
                }
            } else if (property.subNames().isEmpty()) {
                node.set(property.name(), value(row, index++, property.columns().get(0).kind()));
            } else {
                ObjectNode composite = node.putObject(property.name());
                for (int i = 0; i < property.subNames().size(); i++) {
                    composite.set(property.subNames().get(i), value(row, index++, property.columns().get(i).kind()));
                }
            }
        }
        return node;
    }

    private static JsonNode value(ResultSet row, int index, Kind kind) throws SQLException {
        Object value = switch (kind) {
            case TIMESTAMP -> row.getObject(index, OffsetDateTime.class);
            case TEXT, JSONB -> row.getString(index);
            default -> row.getObject(index);
        };
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (kind) {
            case UUID -> NODES.textNode(((UUID) value).toString());
            case TEXT -> NODES.textNode((String) value);
            case INT -> NODES.numberNode((Integer) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case NUMERIC -> decimal((BigDecimal) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case TIMESTAMP -> NODES.textNode(TIMESTAMP.format(((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC)));
            case JSONB -> json((String) value);
        };
    }

    /** Whole numbers (currency micros) as JSON integers, others as plain decimals. */
    private static JsonNode decimal(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() <= 0) {
            plain = plain.setScale(0);
            return plain.precision() <= 18 ? NODES.numberNode(plain.longValueExact()) : NODES.numberNode(plain.toBigIntegerExact());
        }
        return NODES.numberNode(plain);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
