package dev.crmschema.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;

/**
 * The REST operations of one object, as the runtime implements them; generated resource classes
 * ({@code XResource}, {@code XBatchResource}) call nothing else. Each generated method is a one-line
 * call to the method of the same route (reference contract, sections 1.2, 1.3 and 1.6).
 *
 * <p>What generated code relies on, and what an implementation must therefore accept:
 * <ul>
 *   <li>An instance serves exactly one object of one workspace; the runtime passes it to
 *       {@link GeneratedWorkspace#restResource} and the resource keeps it for its lifetime.</li>
 *   <li>Every query and path parameter arrives as the raw, URL-decoded string, or {@code null} when the
 *       request does not carry it. Nothing is parsed or validated before this call, so the
 *       implementation answers bad values (such as {@code limit=aaa} or {@code depth=2}) with the
 *       contract's 400 messages.</li>
 *   <li>{@code body} is the request entity parsed by Jackson, or {@code null} when the request has no
 *       entity. Malformed JSON never gets here: JAX-RS rejects it first.</li>
 *   <li>The returned {@link Response} goes to the client unchanged (status, headers and entity).</li>
 * </ul>
 * Parameter names follow the query parameters: {@code orderBy} is {@code order_by},
 * {@code startingAfter} is {@code starting_after}, {@code endingBefore} is {@code ending_before},
 * {@code softDelete} is {@code soft_delete}, {@code groupBy} is {@code group_by},
 * {@code includeRecordsSample} is {@code include_records_sample} and {@code orderByForRecords} is
 * {@code order_by_for_records}.
 */
public interface RestEndpoint {
    /** {@code GET /rest/{plural}}: find many. */
    Response findMany(String filter, String orderBy, String limit, String startingAfter, String endingBefore,
            String depth, String fields);

    /** {@code GET /rest/{plural}/{id}}: find one; {@code id} is not checked to be a UUID. */
    Response findOne(String id, String depth, String fields);

    /** {@code POST /rest/{plural}}: create one, or upsert with {@code upsert=true}. */
    Response createOne(String upsert, String depth, String fields, JsonNode body);

    /** {@code POST /rest/batch/{plural}}: create many; {@code body} should be an array. */
    Response createMany(String upsert, String depth, String fields, JsonNode body);

    /** {@code PATCH} (or {@code PUT}) {@code /rest/{plural}/{id}}: update one. */
    Response updateOne(String id, String depth, String fields, JsonNode body);

    /** {@code PATCH} (or {@code PUT}) {@code /rest/{plural}?filter=…}: update many. */
    Response updateMany(String filter, String depth, String fields, JsonNode body);

    /** {@code DELETE /rest/{plural}/{id}}: destroy one, or soft-delete it with {@code soft_delete=true}. */
    Response deleteOne(String id, String softDelete);

    /** {@code DELETE /rest/{plural}?filter=…}: destroy many, or soft-delete them with {@code soft_delete=true}. */
    Response deleteMany(String filter, String softDelete);

    /** {@code PATCH} (or {@code PUT}) {@code /rest/{plural}/{id}/restore}: restore one soft-deleted record. */
    Response restoreOne(String id, String depth, String fields);

    /** {@code PATCH} (or {@code PUT}) {@code /rest/{plural}/restore?filter=…}: restore many. */
    Response restoreMany(String filter, String depth, String fields);

    /** {@code POST /rest/{plural}/duplicates}: find duplicates of {@code body.data} or {@code body.ids}. */
    Response findDuplicates(String depth, String fields, JsonNode body);

    /**
     * {@code GET /rest/{plural}/groupBy}: groups the records that match {@code filter} by the JSON array
     * {@code group_by}, with the aggregates the JSON array {@code aggregate} names, at most {@code limit}
     * groups, and each group's first records when {@code include_records_sample=true} (ordered by
     * {@code order_by_for_records}, shaped by {@code depth} and {@code fields}). {@code viewId} is
     * {@code view_id}.
     */
    Response groupBy(String filter, String groupBy, String aggregate, String limit, String includeRecordsSample,
            String orderByForRecords, String viewId, String depth, String fields);

    /**
     * {@code PATCH} (or {@code PUT}) {@code /rest/{plural}/merge}: merges the records of {@code body.ids} into
     * the one at {@code body.conflictPriorityIndex}; {@code body.dryRun} only previews.
     */
    Response merge(String depth, String fields, JsonNode body);
}
