package dev.crmschema.runtime.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A checked merge (reference contract, sections 1.6 and 2.2): two to {@value #MAX_RECORDS} distinct record
 * ids, the index of the record that wins conflicts and keeps its id, and whether to only preview.
 */
public record MergeRequest(List<UUID> ids, int conflictPriorityIndex, boolean dryRun) {
    /** {@code MUTATION_MAX_MERGE_RECORDS} of the reference system. */
    public static final int MAX_RECORDS = 9;

    private static final String CODE = "INVALID_QUERY_INPUT";

    public MergeRequest {
        ids = List.copyOf(ids);
    }

    public UUID priorityId() {
        return ids.get(conflictPriorityIndex);
    }

    /** The ids merged into the priority record, in request order. */
    public List<UUID> mergedAwayIds() {
        List<UUID> others = new ArrayList<>(ids);
        others.remove(conflictPriorityIndex);
        return List.copyOf(others);
    }

    /** The REST body {@code {"ids":[...],"conflictPriorityIndex":0,"dryRun":false}}, or the GraphQL arguments as JSON. */
    public static MergeRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw refuse("The merge body must be an object: {\"ids\":[\"<uuid>\",\"<uuid>\"],\"conflictPriorityIndex\":0}");
        }
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray()) {
            throw refuse("\"ids\" must be an array of record ids");
        }
        if (ids.size() < 2 || ids.size() > MAX_RECORDS) {
            throw refuse("\"ids\" must hold between 2 and " + MAX_RECORDS + " record ids, got " + ids.size());
        }
        LinkedHashSet<UUID> parsed = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            UUID value = uuid(id);
            if (!parsed.add(value)) {
                throw refuse("\"ids\" lists '" + value + "' more than once");
            }
        }
        JsonNode index = body.get("conflictPriorityIndex");
        if (index == null || !index.canConvertToInt() || !index.isIntegralNumber()) {
            throw refuse("\"conflictPriorityIndex\" must be an integer, the position in \"ids\" of the record to keep");
        }
        if (index.intValue() < 0 || index.intValue() >= ids.size()) {
            throw refuse("\"conflictPriorityIndex\" must be between 0 and " + (ids.size() - 1) + ", got " + index.intValue());
        }
        JsonNode dryRun = body.get("dryRun");
        if (dryRun != null && !dryRun.isNull() && !dryRun.isBoolean()) {
            throw refuse("\"dryRun\" must be true or false");
        }
        return new MergeRequest(new ArrayList<>(parsed), index.intValue(), dryRun != null && dryRun.asBoolean(false));
    }

    private static UUID uuid(JsonNode id) {
        String text = id.isTextual() ? id.asText() : id.toString();
        try {
            UUID value = UUID.fromString(text);
            if (id.isTextual() && value.toString().equalsIgnoreCase(text)) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the contract's message
        }
        throw refuse("'" + text + "' is not a valid UUID");
    }

    private static ApiException refuse(String message) {
        return ApiException.badRequest(message, CODE);
    }
}
