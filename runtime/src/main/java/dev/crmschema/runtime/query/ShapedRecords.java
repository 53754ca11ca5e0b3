package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A list's records, shaped when asked for and in the form asked for: the contract's JSON records (REST)
 * or the plain values of the GraphQL support API. Rows read without expanded relations are shaped
 * straight into either form; building the JSON records first and converting them was a tenth of a
 * nested GraphQL query's CPU. Once the JSON records exist (say, because a role's unreadable fields were
 * removed from them), the plain values are taken from them, so both forms always agree.
 */
final class ShapedRecords {
    private final RecordJson.Layout layout;
    private final List<RecordRow> rows;
    private List<ObjectNode> json;

    private ShapedRecords(RecordJson.Layout layout, List<RecordRow> rows, List<ObjectNode> json) {
        this.layout = layout;
        this.rows = rows;
        this.json = json;
    }

    /** Records shaped already. */
    static ShapedRecords of(List<ObjectNode> json) {
        return new ShapedRecords(null, List.of(), List.copyOf(json));
    }

    /** Rows to shape with {@code layout} when asked; their relations are not expanded. */
    static ShapedRecords of(RecordJson.Layout layout, List<RecordRow> rows) {
        return new ShapedRecords(layout, List.copyOf(rows), null);
    }

    int size() {
        return json != null ? json.size() : rows.size();
    }

    List<ObjectNode> json() {
        if (json == null) {
            List<ObjectNode> shaped = new ArrayList<>(rows.size());
            rows.forEach(row -> shaped.add(RecordJson.shape(layout, row, Map.of())));
            json = List.copyOf(shaped);
        }
        return json;
    }

    List<Map<String, Object>> values() {
        if (json != null) {
            return PlainValues.of(json);
        }
        List<Map<String, Object>> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(RecordJson.values(layout, row)));
        return values;
    }
}
