package dev.crmschema.runtime.query;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One group of a group-by: its dimension values as text (null for the group of empty values), its
 * record count, its aggregates by API name, and the sample of its records when one was asked for.
 */
public record RecordGroup(List<String> dimensionValues, int totalCount, Map<String, Object> aggregates,
        Optional<RecordPage> records) {
    public RecordGroup {
        dimensionValues = Collections.unmodifiableList(new java.util.ArrayList<>(dimensionValues));
        aggregates = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aggregates));
    }
}
