package dev.crmschema.compiler.emit.openapi;

import static dev.crmschema.compiler.emit.openapi.SchemaNodes.array;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.object;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.properties;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.require;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.schemaRef;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.string;
import static dev.crmschema.compiler.emit.openapi.SchemaNodes.type;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.support.Json;
import java.util.List;

/**
 * {@code GET /{plural}/groupBy} and {@code PATCH /{plural}/merge} of one object (reference contract,
 * sections 1.2, 1.3, 1.6 and 1.8).
 */
final class GroupByAndMergePaths {
    private GroupByAndMergePaths() {}

    static ObjectNode groupBy(ObjectType object) {
        ObjectNode operation = CorePaths.operation(object, Names.groupByOperation(object), "Group " + object.labelPlural(),
                "Groups the " + object.namePlural() + " matching `filter` by the fields of `group_by` and returns one entry "
                        + "per group: its `groupByDimensionValues` (as text, null for the group of empty values), its "
                        + "`totalCount`, the aggregates named in `aggregate`, and with `include_records_sample=true` its first "
                        + "`records`. Groups are ordered by their values, ascending, empty values last.");
        CorePaths.parameters(operation, CoreParameters.GROUP_BY, CoreParameters.AGGREGATE, CoreParameters.FILTER,
                CoreParameters.GROUP_LIMIT, CoreParameters.INCLUDE_RECORDS_SAMPLE, CoreParameters.ORDER_BY_FOR_RECORDS,
                CoreParameters.VIEW_ID, CoreParameters.DEPTH, CoreParameters.FIELDS);
        ObjectNode group = object();
        properties(group).set("groupByDimensionValues", array(SchemaNodes.nullable(type("string"))));
        properties(group).set("totalCount", type("integer"));
        properties(group).set("records", array(schemaRef(Names.recordSchema(object))));
        require(group, List.of("groupByDimensionValues", "totalCount"));
        group.set("additionalProperties", Json.object().put("description", "The requested aggregates, by name."));
        ObjectNode exampleGroup = Json.object();
        exampleGroup.putArray("groupByDimensionValues").add("API");
        exampleGroup.put("totalCount", 2);
        exampleGroup.put("countNotEmptyId", 2);
        CorePaths.success(operation, "200", "One entry per group.",
                new ResponseBodies.Body(array(group), JsonNodeFactory.instance.arrayNode().add(exampleGroup)), false);
        return operation;
    }

    static ObjectNode merge(ObjectType object) {
        String one = object.nameSingular();
        ObjectNode operation = CorePaths.operation(object, Names.mergeOperation(object), "Merge " + object.labelPlural(),
                "Merges 2 to " + RestContract.MAX_MERGE_RECORDS + " " + object.namePlural() + " into the one at "
                        + "`conflictPriorityIndex` of `ids`, in one transaction. That " + one + " keeps its id and its values "
                        + "and takes what it lacks from the others, in `ids` order: empty fields are filled, arrays and "
                        + "multi-selects are united, additional emails, phones and links are gathered, and a composite "
                        + "field is taken whole. Records of other objects that point at the merged " + object.namePlural()
                        + " are moved to it; the merged " + object.namePlural() + " are soft-deleted (404 afterwards). "
                        + "With `dryRun` the answer is a preview with a fresh id and nothing changes.");
        CorePaths.parameters(operation, CoreParameters.DEPTH, CoreParameters.FIELDS);
        ObjectNode body = object();
        properties(body).set("ids", array(string("uuid")).put("minItems", 2).put("maxItems", RestContract.MAX_MERGE_RECORDS));
        properties(body).set("conflictPriorityIndex", type("integer").put("minimum", 0)
                .put("description", "Position in `ids` of the record that is kept and wins conflicts."));
        properties(body).set("dryRun", type("boolean").put("default", false)
                .put("description", "When true, returns the merged record as it would be and changes nothing."));
        require(body, List.of("ids", "conflictPriorityIndex"));
        body.put("additionalProperties", false);
        ObjectNode example = Json.object();
        example.putArray("ids").add(ExampleValues.recordId(one)).add(ExampleValues.otherRecordId(one));
        example.put("conflictPriorityIndex", 0).put("dryRun", false);
        CorePaths.requestBody(operation, body, "The records to merge.", example);
        ObjectNode schema = object();
        ObjectNode data = object();
        properties(data).set(Names.mergeResponseKey(object), schemaRef(Names.recordSchema(object)));
        require(data, List.of(Names.mergeResponseKey(object)));
        properties(schema).set("data", data);
        require(schema, List.of("data"));
        ObjectNode exampleResponse = Json.object();
        exampleResponse.putObject("data").set(Names.mergeResponseKey(object), ExampleValues.record(object, ExampleValues.recordId(one)));
        CorePaths.success(operation, "200", "The merged " + one + ".", new ResponseBodies.Body(schema, exampleResponse), true);
        return operation;
    }
}
