package dev.crmschema.runtime.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A list's records, shaped when asked for and in the form asked for: the contract's JSON records as trees
 * (to edit, say, because a role's unreadable fields are removed from them), written straight to a response
 * as a JSON array (REST), or the plain values of the GraphQL support API. Rows are shaped straight into
 * whichever form is asked for: converting trees to plain values was a tenth of a nested GraphQL query's
 * CPU, and building trees only to serialize them was a third of what a REST list allocated. Once the trees
 * exist, the other forms are taken from them, so every form always agrees with the trees.
 */
final class ShapedRecords implements JsonSerializable {
    private final RecordJson.Layout layout;
    private final List<RecordRow> rows;
    // One map per row at depth 1, null at depth 0.
    private final List<Map<String, RecordJson.Related>> related;
    private List<ObjectNode> json;

    private ShapedRecords(RecordJson.Layout layout, List<RecordRow> rows, List<Map<String, RecordJson.Related>> related,
            List<ObjectNode> json) {
        this.layout = layout;
        this.rows = rows;
        this.related = related;
        this.json = json;
    }

    /** Records shaped already. */
    static ShapedRecords of(List<ObjectNode> json) {
        return new ShapedRecords(null, List.of(), null, List.copyOf(json));
    }

    /** Rows to shape with {@code layout} when asked; their relations are not expanded. */
    static ShapedRecords of(RecordJson.Layout layout, List<RecordRow> rows) {
        return new ShapedRecords(layout, List.copyOf(rows), null, null);
    }

    /** Rows to shape with {@code layout} when asked, with their expanded relations (one map per row). */
    static ShapedRecords of(RecordJson.Layout layout, List<RecordRow> rows, List<Map<String, RecordJson.Related>> related) {
        if (related.size() != rows.size()) {
            throw new IllegalArgumentException("one map of related records per row");
        }
        return new ShapedRecords(layout, List.copyOf(rows), List.copyOf(related), null);
    }

    int size() {
        return json != null ? json.size() : rows.size();
    }

    List<ObjectNode> json() {
        if (json == null) {
            List<ObjectNode> shaped = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                shaped.add(RecordJson.shape(layout, rows.get(i), related(i)));
            }
            json = List.copyOf(shaped);
        }
        return json;
    }

    List<Map<String, Object>> values() {
        if (json != null || related != null) {
            return PlainValues.of(json());
        }
        List<Map<String, Object>> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(RecordJson.values(layout, row)));
        return values;
    }

    /** Writes the records as a JSON array. */
    @Override
    public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeStartArray(this, size());
        if (json != null) {
            for (ObjectNode record : json) {
                record.serialize(out, serializers);
            }
        } else {
            for (int i = 0; i < rows.size(); i++) {
                RecordJson.write(out, layout, rows.get(i), related(i));
            }
        }
        out.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer types) throws IOException {
        // Records carry no type ids.
        serialize(out, serializers);
    }

    private Map<String, RecordJson.Related> related(int row) {
        return related == null ? Map.of() : related.get(row);
    }
}
