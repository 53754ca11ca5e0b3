package dev.crmschema.compiler.emit.rest;

import static dev.crmschema.compiler.emit.rest.RouteParameter.AGGREGATE;
import static dev.crmschema.compiler.emit.rest.RouteParameter.BODY;
import static dev.crmschema.compiler.emit.rest.RouteParameter.DEPTH;
import static dev.crmschema.compiler.emit.rest.RouteParameter.ENDING_BEFORE;
import static dev.crmschema.compiler.emit.rest.RouteParameter.FIELDS;
import static dev.crmschema.compiler.emit.rest.RouteParameter.FILTER;
import static dev.crmschema.compiler.emit.rest.RouteParameter.GROUP_BY;
import static dev.crmschema.compiler.emit.rest.RouteParameter.ID;
import static dev.crmschema.compiler.emit.rest.RouteParameter.INCLUDE_RECORDS_SAMPLE;
import static dev.crmschema.compiler.emit.rest.RouteParameter.LIMIT;
import static dev.crmschema.compiler.emit.rest.RouteParameter.ORDER_BY;
import static dev.crmschema.compiler.emit.rest.RouteParameter.ORDER_BY_FOR_RECORDS;
import static dev.crmschema.compiler.emit.rest.RouteParameter.SOFT_DELETE;
import static dev.crmschema.compiler.emit.rest.RouteParameter.STARTING_AFTER;
import static dev.crmschema.compiler.emit.rest.RouteParameter.UPSERT;
import static dev.crmschema.compiler.emit.rest.RouteParameter.VIEW_ID;

import com.palantir.javapoet.ClassName;
import dev.crmschema.compiler.naming.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * One REST route of an object (reference contract, section 1.2) and the {@code RestEndpoint} method
 * it delegates to. The parameter list is the endpoint method's parameter list, in order.
 *
 * @param javaMethod name of the generated resource method
 * @param httpMethod JAX-RS method annotation
 * @param subPath path below {@code /rest/{plural}} (or {@code /rest/batch/{plural}}), empty for none
 * @param endpointMethod the {@code RestEndpoint} method called
 * @param summary Javadoc sentence; {@code $singular:L} and {@code $plural:L} stand for the object's labels
 */
record RestRoute(
        String javaMethod, ClassName httpMethod, String subPath, String endpointMethod, List<RouteParameter> parameters,
        String summary) {

    /** Routes of {@code /rest/{plural}}, PATCH routes followed by their PUT aliases. */
    static final List<RestRoute> RECORDS = withPutAliases(List.of(
            new RestRoute("findMany", ReferencedTypes.GET, "", "findMany",
                    List.of(FILTER, ORDER_BY, LIMIT, STARTING_AFTER, ENDING_BEFORE, DEPTH, FIELDS),
                    "Finds the $plural:L that match {@code filter}, ordered by {@code order_by} and paginated by cursor."),
            new RestRoute("findOne", ReferencedTypes.GET, "{id}", "findOne", List.of(ID, DEPTH, FIELDS),
                    "Finds one $singular:L by id."),
            new RestRoute("createOne", ReferencedTypes.POST, "", "createOne", List.of(UPSERT, DEPTH, FIELDS, BODY),
                    "Creates one $singular:L from the body; with {@code upsert=true} it updates the $singular:L "
                            + "that has the same id or unique value instead."),
            new RestRoute("updateOne", ReferencedTypes.PATCH, "{id}", "updateOne", List.of(ID, DEPTH, FIELDS, BODY),
                    "Updates one $singular:L by id with the fields in the body."),
            new RestRoute("updateMany", ReferencedTypes.PATCH, "", "updateMany", List.of(FILTER, DEPTH, FIELDS, BODY),
                    "Updates every $singular:L that matches {@code filter} with the fields in the body."),
            new RestRoute("deleteOne", ReferencedTypes.DELETE, "{id}", "deleteOne", List.of(ID, SOFT_DELETE),
                    "Deletes one $singular:L by id: destroys it, or soft-deletes it with {@code soft_delete=true}."),
            new RestRoute("deleteMany", ReferencedTypes.DELETE, "", "deleteMany", List.of(FILTER, SOFT_DELETE),
                    "Deletes every $singular:L that matches {@code filter}: destroys them, or soft-deletes them with "
                            + "{@code soft_delete=true}."),
            // JAX-RS prefers the template with more literal characters, so "restore" wins over "{id}".
            new RestRoute("restoreOne", ReferencedTypes.PATCH, "{id}/restore", "restoreOne", List.of(ID, DEPTH, FIELDS),
                    "Restores one soft-deleted $singular:L by id."),
            new RestRoute("restoreMany", ReferencedTypes.PATCH, "restore", "restoreMany", List.of(FILTER, DEPTH, FIELDS),
                    "Restores every soft-deleted $singular:L that matches {@code filter}."),
            new RestRoute("findDuplicates", ReferencedTypes.POST, "duplicates", "findDuplicates",
                    List.of(DEPTH, FIELDS, BODY),
                    "Finds $plural:L that duplicate the records in the body's {@code data}, or the records whose "
                            + "{@code ids} the body lists."),
            new RestRoute("groupBy", ReferencedTypes.GET, Names.GROUP_BY_SEGMENT, "groupBy",
                    List.of(FILTER, GROUP_BY, AGGREGATE, LIMIT, INCLUDE_RECORDS_SAMPLE, ORDER_BY_FOR_RECORDS, VIEW_ID, DEPTH,
                            FIELDS),
                    "Groups the $plural:L that match {@code filter} by the fields of {@code group_by}, with the "
                            + "{@code aggregate} values of each group and optionally a sample of its records."),
            new RestRoute("merge", ReferencedTypes.PATCH, Names.MERGE_SEGMENT, "merge", List.of(DEPTH, FIELDS, BODY),
                    "Merges the $plural:L whose {@code ids} the body lists into the one at "
                            + "{@code conflictPriorityIndex}; with {@code dryRun} it only previews the result.")));

    /** Routes of {@code /rest/batch/{plural}}. */
    static final List<RestRoute> BATCH = List.of(
            new RestRoute("createMany", ReferencedTypes.POST, "", "createMany", List.of(UPSERT, DEPTH, FIELDS, BODY),
                    "Creates the $plural:L in the body's array; with {@code upsert=true} it updates the $plural:L "
                            + "that have the same id or unique value instead."));

    boolean hasBody() {
        return parameters.contains(BODY);
    }

    /** PUT is an undocumented legacy alias of every PATCH route (reference contract, section 1.2). */
    private static List<RestRoute> withPutAliases(List<RestRoute> routes) {
        List<RestRoute> all = new ArrayList<>();
        for (RestRoute route : routes) {
            all.add(route);
            if (route.httpMethod().equals(ReferencedTypes.PATCH)) {
                all.add(new RestRoute(route.javaMethod() + "ViaPut", ReferencedTypes.PUT, route.subPath(),
                        route.endpointMethod(), route.parameters(), route.summary() + " PUT alias of the PATCH route."));
            }
        }
        return List.copyOf(all);
    }
}
