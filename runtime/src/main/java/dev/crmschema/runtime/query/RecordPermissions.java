package dev.crmschema.runtime.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.permissions.Access.ObjectRights;
import dev.crmschema.runtime.request.Filter;
import dev.crmschema.runtime.request.FindManyRequest;
import dev.crmschema.runtime.request.OrderItem;
import dev.crmschema.runtime.request.Projection;
import dev.crmschema.runtime.request.RecordWrite;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The caller's role applied to record operations, in the one layer REST and GraphQL share: every
 * {@link RecordStore} operation checks here before it touches the database, so a refused operation
 * changes nothing, and shapes what it returns here. Refusals are the contract's 403 "User does not have
 * permission". A field the role cannot read is refused when a request names it (in {@code fields},
 * filters, order or duplicate criteria) and left out of every returned record, nested ones included.
 */
final class RecordPermissions {
    private final Access access;
    private final Function<String, ObjectType> objects;

    RecordPermissions(Access access, Function<String, ObjectType> objects) {
        this.access = access;
        this.objects = objects;
    }

    void read(FindManyRequest request) {
        read(request.object(), request.filter(), request.projection());
        ObjectRights rights = access.on(request.object());
        for (OrderItem item : request.order()) {
            requireReadable(rights, item.path().field().name());
        }
    }

    void read(ObjectType object, Optional<Filter> filter, Projection projection) {
        ObjectRights rights = readable(object);
        filter.ifPresent(f -> requireReadable(rights, f));
        requireReadable(rights, projection);
    }

    void read(ObjectType object, Collection<Field> fields) {
        ObjectRights rights = readable(object);
        fields.forEach(field -> requireReadable(rights, field.name()));
    }

    /** Duplicate criteria are values to compare with, so each field they name must be readable. */
    void readByValues(ObjectType object, List<RecordWrite> records, Projection projection) {
        read(object, Optional.empty(), projection);
        ObjectRights rights = access.on(object);
        records.forEach(record -> record.values().keySet().forEach(column -> requireReadable(rights, fieldOf(object, column).name())));
    }

    /** Creating and updating both need the update permission, and each written field must be updatable. */
    void write(ObjectType object, Collection<RecordWrite> records, Optional<Filter> filter, Projection projection) {
        ObjectRights rights = access.on(object);
        if (!rights.update()) {
            throw Access.denied();
        }
        for (RecordWrite record : records) {
            for (Column column : record.values().keySet()) {
                if (!rights.canUpdate(fieldOf(object, column).name())) {
                    throw Access.denied();
                }
            }
        }
        filter.ifPresent(f -> requireReadable(rights, f));
        requireReadable(rights, projection);
    }

    /** Soft delete and restore. */
    void softDelete(ObjectType object, Optional<Filter> filter, Projection projection) {
        ObjectRights rights = access.on(object);
        if (!rights.softDelete()) {
            throw Access.denied();
        }
        filter.ifPresent(f -> requireReadable(rights, f));
        requireReadable(rights, projection);
    }

    void destroy(ObjectType object, Optional<Filter> filter, Projection projection) {
        ObjectRights rights = access.on(object);
        if (!rights.destroy()) {
            throw Access.denied();
        }
        filter.ifPresent(f -> requireReadable(rights, f));
        requireReadable(rights, projection);
    }

    /** Grouping reads the grouped, filtered, aggregated and ordered fields, and the sampled records. */
    void groupBy(GroupByRequest request) {
        ObjectType object = request.object();
        read(object, request.filter(), request.projection());
        ObjectRights rights = access.on(object);
        request.dimensions().forEach(dimension -> requireReadable(rights, dimension.path().field().name()));
        request.aggregates().values().forEach(aggregate -> requireReadable(rights, aggregate.field().name()));
        request.recordOrder().forEach(item -> requireReadable(rights, item.path().field().name()));
    }

    /**
     * Merging may write any field of the kept record, soft-deletes the others, and points the rows of other
     * objects that referred to them at the kept record: each of those needs its own permission.
     */
    void merge(ObjectType object, Projection projection) {
        ObjectRights rights = access.on(object);
        if (!rights.update() || !rights.softDelete() || !rights.notUpdatable().isEmpty() || !rights.unreadable().isEmpty()) {
            throw Access.denied();
        }
        requireReadable(rights, projection);
        for (Field field : object.fields()) {
            if (field.isOneToMany()) {
                ObjectType target = objects.apply(field.relation().orElseThrow().targetObject());
                ObjectRights targetRights = access.on(target);
                if (!targetRights.update() || !targetRights.canUpdate(field.relation().orElseThrow().inverseField())) {
                    throw Access.denied();
                }
            }
        }
    }

    /** Leaves out of the records (and their expanded relations) every field the role cannot read. */
    List<ObjectNode> shapeAll(ObjectType object, List<ObjectNode> records) {
        if (access.readsEverything()) {
            return records;
        }
        records.forEach(record -> shapeOne(object, record));
        return records;
    }

    ObjectNode shapeOne(ObjectType object, ObjectNode record) {
        if (record == null || access.readsEverything()) {
            return record;
        }
        ObjectRights rights = access.on(object);
        if (!rights.read()) {
            record.retain("id");
            return record;
        }
        record.remove(rights.unreadable());
        for (Field field : object.fields()) {
            JsonNode related = field.relation().isPresent() ? record.get(field.name()) : null;
            if (related != null && related.isContainerNode()) {
                ObjectType target = objects.apply(field.relation().get().targetObject());
                if (related.isObject()) {
                    shapeOne(target, (ObjectNode) related);
                } else {
                    related.forEach(child -> shapeOne(target, (ObjectNode) child));
                }
            }
        }
        return record;
    }

    /** The records' values, without the fields the role cannot read. */
    List<Map<String, Object>> shapeValues(ObjectType object, ShapedRecords records) {
        if (!access.readsEverything()) {
            shapeAll(object, records.json());
        }
        return records.values();
    }

    RecordPage shapePage(ObjectType object, RecordPage page) {
        // Asked only when needed: asking shapes the page's records as JSON, which a GraphQL read never needs.
        if (!access.readsEverything()) {
            shapeAll(object, page.records());
        }
        return page;
    }

    private ObjectRights readable(ObjectType object) {
        ObjectRights rights = access.on(object);
        if (!rights.read()) {
            throw Access.denied();
        }
        return rights;
    }

    private static void requireReadable(ObjectRights rights, Filter filter) {
        if (filter instanceof Filter.And and) {
            and.items().forEach(item -> requireReadable(rights, item));
        } else if (filter instanceof Filter.Or or) {
            or.items().forEach(item -> requireReadable(rights, item));
        } else if (filter instanceof Filter.Not not) {
            requireReadable(rights, not.item());
        } else {
            requireReadable(rights, ((Filter.Condition) filter).path().field().name());
        }
    }

    private static void requireReadable(ObjectRights rights, Projection projection) {
        projection.fields().ifPresent(fields -> fields.forEach(field -> requireReadable(rights, field)));
        projection.selected().forEach(field -> requireReadable(rights, field));
    }

    private static void requireReadable(ObjectRights rights, String field) {
        if (!rights.canRead(field)) {
            throw Access.denied();
        }
    }

    private static Field fieldOf(ObjectType object, Column column) {
        for (Field field : object.fields()) {
            if (field.columns().contains(column)) {
                return field;
            }
        }
        throw new IllegalStateException("column " + column.name() + " belongs to no field of " + object.nameSingular());
    }
}
