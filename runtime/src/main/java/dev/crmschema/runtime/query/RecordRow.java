package dev.crmschema.runtime.query;

import dev.crmschema.compiler.model.Column;
import java.util.Map;
import java.util.UUID;

/**
 * One stored record as read from its table, before it is shaped into JSON: column name to the value
 * in its canonical Java type (see {@link ColumnValues}).
 */
record RecordRow(Map<String, Object> values) {

    Object get(Column column) {
        return values.get(column.name());
    }

    UUID id() {
        return (UUID) values.get("id");
    }
}
