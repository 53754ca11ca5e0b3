package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.MergeRequest;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordWrite;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The record operations of one workspace, over its PostgreSQL schema: what REST and GraphQL both call
 * once they have parsed a request. Each method is all or nothing (one transaction, or one statement)
 * and returns records already shaped as the contract's JSON (reference contract, sections 1.5 to 1.9
 * and 4).
 *
 * <p>Shared rules: reads and bulk updates skip soft-deleted records unless the filter names
 * {@code deletedAt}; {@code depth=1} expands relations with one query per relation; bulk operations
 * touch at most {@value #MAX_RECORDS_PER_MUTATION} records and otherwise change nothing. Database
 * errors a client can cause become 400 {@link ApiException}s with safe messages (a unique violation is
 * "A duplicate entry was detected"); a missing record is 404 "Record not found".
 */
public final class RecordStore {
    /** Most records one bulk update, delete, destroy, restore or upsert may touch. */
    public static final int MAX_RECORDS_PER_MUTATION = 200;

    /** Largest page a list read returns; larger limits are clamped, as the contract clamps REST limits. */
    public static final int MAX_PAGE_SIZE = 200;

    /** Most records of one ONE_TO_MANY relation expanded per parent record. */
    public static final int MAX_RELATED_RECORDS = 60;

    private final DSLContext dsl;
    private final String schema;
    private final Function<String, ObjectType> objects;
    private final RecordPermissions permissions;
    private final RecordCounts counts;

    /**
     * @param schema the workspace's PostgreSQL schema
     * @param objects finds an object of the workspace by its singular name (relation targets)
     */
    public RecordStore(DSLContext dsl, String schema, Function<String, ObjectType> objects) {
        this(dsl, schema, objects, Access.FULL);
    }

    /** A store for a caller whose role grants {@code access}; every operation is checked against it first. */
    public RecordStore(DSLContext dsl, String schema, Function<String, ObjectType> objects, Access access) {
        this(dsl, schema, objects, access, RecordCounts.NONE);
    }

    /**
     * A store whose lists take their {@code totalCount}s from {@code counts}, the server's counts; {@code dsl} must
     * not be a transaction's, since a count kept from inside one could outlive a rollback.
     */
    public RecordStore(DSLContext dsl, String schema, Function<String, ObjectType> objects, Access access, RecordCounts counts) {
        this.dsl = dsl;
        this.schema = schema;
        this.objects = objects;
        this.permissions = new RecordPermissions(access, objects);
        this.counts = counts;
    }

    public static RecordStore of(DSLContext dsl, String schema, Workspace workspace) {
        return new RecordStore(dsl, schema, workspace::require);
    }

    public static RecordStore of(DSLContext dsl, String schema, Workspace workspace, Access access) {
        return new RecordStore(dsl, schema, workspace::require, access);
    }

    public static RecordStore of(DSLContext dsl, String schema, Workspace workspace, Access access, RecordCounts counts) {
        return new RecordStore(dsl, schema, workspace::require, access, counts);
    }

    /**
     * A page of records: filter, order, keyset page (limit clamped to {@value #MAX_PAGE_SIZE}), total
     * count and per-record cursor values. {@code hasPreviousPage} after a {@code starting_after} cursor
     * (and {@code hasNextPage} before an {@code ending_before} one) reports whether records really exist
     * on that side, checked with one extra EXISTS query.
     */
    public RecordPage findMany(FindManyRequest request) {
        permissions.read(request);
        return permissions.shapePage(request.object(),
                withoutTransaction(request.object(), tx -> new RecordReads(tx, schema, objects, counts).findMany(request)));
    }

    /** A live record by id; 404 when absent or soft-deleted. */
    public ObjectNode findOne(ObjectType object, UUID id, Projection projection) {
        permissions.read(object, Optional.empty(), projection);
        return permissions.shapeOne(object,
                withoutTransaction(object, tx -> new RecordReads(tx, schema, objects).findOne(object, id, projection)));
    }

    /**
     * Inserts the records in one statement; database defaults fill what the input leaves out, and
     * {@code actor} fills the missing {@code createdBy} sub-fields.
     */
    public List<ObjectNode> createMany(ObjectType object, List<RecordWrite> records, Actor actor, Projection projection) {
        permissions.write(object, records, Optional.empty(), projection);
        // One INSERT, atomic by itself: all or nothing without a transaction (see withoutTransaction).
        return permissions.shapeAll(object,
                withoutTransaction(object, tx -> new RecordWrites(tx, schema, objects).create(object, records, actor, projection)));
    }

    /**
     * Creates or updates each record, matched on id and on every unique field; 400
     * {@code UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT} when one input matches several records.
     */
    public List<ObjectNode> upsertMany(ObjectType object, List<RecordWrite> records, Actor actor, Projection projection) {
        permissions.write(object, records, Optional.empty(), projection);
        return permissions.shapeAll(object,
                inTransaction(object, tx -> new RecordWrites(tx, schema, objects).upsert(object, records, actor, projection)));
    }

    /** Sets the given columns and {@code updatedAt}; 404 when absent or soft-deleted. */
    public ObjectNode updateOne(ObjectType object, UUID id, RecordWrite values, Projection projection) {
        permissions.write(object, List.of(values), Optional.empty(), projection);
        return permissions.shapeOne(object,
                inTransaction(object, tx -> new RecordWrites(tx, schema, objects).updateOne(object, id, values, projection)));
    }

    /** Updates every matching record; 400 "Cannot update more than 200 records at once" beyond the limit. */
    public List<ObjectNode> updateMany(ObjectType object, Filter filter, RecordWrite values, Projection projection) {
        permissions.write(object, List.of(values), Optional.of(filter), projection);
        return permissions.shapeAll(object,
                inTransaction(object, tx -> new RecordWrites(tx, schema, objects).updateMany(object, filter, values, projection)));
    }

    /** Soft delete: sets {@code deletedAt}; 404 when absent or already deleted. */
    public ObjectNode deleteOne(ObjectType object, UUID id, Projection projection) {
        permissions.softDelete(object, Optional.empty(), projection);
        return permissions.shapeOne(object,
                inTransaction(object, tx -> new RecordWrites(tx, schema, objects).deleteOne(object, id, projection)));
    }

    /** Soft-deletes the matching live records; 400 beyond the limit. */
    public List<ObjectNode> deleteMany(ObjectType object, Filter filter, Projection projection) {
        permissions.softDelete(object, Optional.of(filter), projection);
        return permissions.shapeAll(object,
                inTransaction(object, tx -> new RecordWrites(tx, schema, objects).deleteMany(object, filter, projection)));
    }

    /** Hard delete, soft-deleted records included; 404 when absent. */
    public ObjectNode destroyOne(ObjectType object, UUID id, Projection projection) {
        permissions.destroy(object, Optional.empty(), projection);
        return permissions.shapeOne(object,
                inTransaction(object, tx -> new RecordWrites(tx, schema, objects).destroyOne(object, id, projection)));
    }

    /**
     * Hard-deletes the matching records, soft-deleted ones included; 400 "Cannot destroy more than 200
     * records at once" beyond the limit.
     */
    public List<ObjectNode> destroyMany(ObjectType object, Filter filter, Projection projection) {
        permissions.destroy(object, Optional.of(filter), projection);
        return permissions.shapeAll(object,
                inTransaction(object, tx -> new RecordWrites(tx, schema, objects).destroyMany(object, filter, projection)));
    }

    /** Clears {@code deletedAt}; 404 when the record does not exist. */
    public ObjectNode restoreOne(ObjectType object, UUID id, Projection projection) {
        permissions.softDelete(object, Optional.empty(), projection);
        return permissions.shapeOne(object,
                inTransaction(object, tx -> new RecordWrites(tx, schema, objects).restoreOne(object, id, projection)));
    }

    /** Restores the matching soft-deleted records; 400 beyond the limit. */
    public List<ObjectNode> restoreMany(ObjectType object, Filter filter, Projection projection) {
        permissions.softDelete(object, Optional.of(filter), projection);
        return permissions.shapeAll(object,
                inTransaction(object, tx -> new RecordWrites(tx, schema, objects).restoreMany(object, filter, projection)));
    }

    /** Duplicates of each input record (its values as a partial record), one page per input. */
    public List<RecordPage> findDuplicates(ObjectType object, List<RecordWrite> records, Projection projection) {
        permissions.readByValues(object, records, projection);
        List<RecordPage> pages = withoutTransaction(object, tx -> new Duplicates(tx, schema, object, objects)
                .ofValues(records.stream().map(RecordWrite::values).toList(), projection));
        pages.forEach(page -> permissions.shapePage(object, page));
        return pages;
    }

    /** Duplicates of each stored record, one page per id, never containing the record itself. */
    public List<RecordPage> findDuplicatesOfIds(ObjectType object, List<UUID> ids, Projection projection) {
        permissions.read(object, Optional.empty(), projection);
        List<RecordPage> pages = withoutTransaction(object, tx -> new Duplicates(tx, schema, object, objects).ofIds(ids, projection));
        pages.forEach(page -> permissions.shapePage(object, page));
        return pages;
    }

    /**
     * Live records by id, in no particular order, as the GraphQL support API's values ({@link PlainValues});
     * absent and soft-deleted ids are left out.
     */
    public List<Map<String, Object>> findByIds(ObjectType object, Collection<UUID> ids, Projection projection) {
        permissions.read(object, Optional.empty(), projection);
        ShapedRecords records = withoutTransaction(object, tx -> new RecordReads(tx, schema, objects).findByIds(object, ids, projection));
        return permissions.shapeValues(object, records);
    }

    /**
     * One page of related records per parent of a ONE_TO_MANY relation, all in one statement: the
     * request's filter, order and page apply to each parent's records ({@code joinColumn} is the
     * request object's column that points at the parent). Every parent id gets a page, empty or not.
     */
    public Map<UUID, RecordPage> findRelatedPages(FindManyRequest children, Column joinColumn, Collection<UUID> parentIds) {
        permissions.read(children);
        Map<UUID, RecordPage> pages = withoutTransaction(children.object(),
                tx -> new RelatedPages(tx, schema, objects).find(children, joinColumn, parentIds));
        pages.values().forEach(page -> permissions.shapePage(children.object(), page));
        return pages;
    }

    /** Aggregates over every record the filter matches (soft-delete rule applies), in one statement. */
    public Map<Aggregate, Object> aggregate(ObjectType object, Optional<Filter> filter, List<Aggregate> aggregates) {
        permissions.read(object, filter, Projection.DEFAULT);
        permissions.read(object, aggregates.stream().map(Aggregate::field).toList());
        return withoutTransaction(object, tx -> new RecordAggregates(tx, schema).over(object, filter, aggregates));
    }

    /** Per parent id, aggregates over its related records that match the filter, in one statement. */
    public Map<UUID, Map<Aggregate, Object>> aggregateRelated(ObjectType object, Column joinColumn, Collection<UUID> parentIds,
            Optional<Filter> filter, List<Aggregate> aggregates) {
        permissions.read(object, filter, Projection.DEFAULT);
        permissions.read(object, aggregates.stream().map(Aggregate::field).toList());
        return withoutTransaction(object,
                tx -> new RecordAggregates(tx, schema).perParent(object, joinColumn, parentIds, filter, aggregates));
    }

    /**
     * Groups the matching records (soft-delete rule applies) in one statement, with a second one for the
     * records of each group when the request asks for a sample.
     */
    public List<RecordGroup> groupBy(GroupByRequest request) {
        permissions.groupBy(request);
        List<RecordGroup> groups = withoutTransaction(request.object(), tx -> new RecordGroups(tx, schema, objects).find(request));
        groups.forEach(group -> group.records().ifPresent(page -> permissions.shapePage(request.object(), page)));
        return groups;
    }

    /**
     * Merges records into the priority one (see {@link RecordMerge} and {@link MergedValues} for the rules),
     * in one transaction. A dry run does all of it, reads the result, and rolls back: the preview carries a
     * fresh id, as the reference system's does, and nothing changes.
     */
    public ObjectNode merge(ObjectType object, MergeRequest request, Projection projection) {
        permissions.merge(object, projection);
        if (!request.dryRun()) {
            return inTransaction(object, tx -> new RecordMerge(tx, schema, objects).merge(object, request, projection));
        }
        try {
            inTransaction(object, tx -> {
                throw new DryRunResult(new RecordMerge(tx, schema, objects).merge(object, request, projection));
            });
        } catch (DryRunResult result) {
            ObjectNode preview = result.record;
            preview.put("id", UUID.randomUUID().toString());
            return preview;
        }
        throw new IllegalStateException("a dry run always rolls back");
    }

    /** Carries a dry run's result out of its transaction, which rolls it back. */
    private static final class DryRunResult extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ObjectNode record;

        DryRunResult(ObjectNode record) {
            super(null, null, false, false);
            this.record = record;
        }
    }

    /**
     * Runs work that reads, or writes with a single statement, without a transaction: at PostgreSQL's
     * default isolation (read committed) a transaction gives its statements no common snapshot anyway,
     * a single statement is atomic by itself, and leaving the transaction out saves the BEGIN and
     * COMMIT round trips and jOOQ's transaction bookkeeping. Each statement borrows a pooled connection
     * of its own.
     */
    private <T> T withoutTransaction(ObjectType object, Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (DataAccessException e) {
            throw SqlErrors.translate(e, object);
        }
    }

    private <T> T inTransaction(ObjectType object, Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (DataAccessException e) {
            throw SqlErrors.translate(e, object);
        }
    }
}
