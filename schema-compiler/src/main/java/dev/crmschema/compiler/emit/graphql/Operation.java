package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.list;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import graphql.language.Type;

/**
 * The root fields generated per object (reference contract, section 2.2). {@link #supportMethod()} is the method of the runtime's {@code GraphqlResolverSupport}
 * that a generated resolver calls for it, with the field's arguments in schema order.
 */
enum Operation {
    FIND_MANY(true, "findMany"),
    FIND_ONE(true, "findOne"),
    FIND_DUPLICATES(true, "findDuplicates"),
    GROUP_BY(true, "groupBy"),
    CREATE_ONE(false, "createOne"),
    CREATE_MANY(false, "createMany"),
    UPDATE_ONE(false, "updateOne"),
    UPDATE_MANY(false, "updateMany"),
    DELETE_ONE(false, "deleteOne"),
    DELETE_MANY(false, "deleteMany"),
    DESTROY_ONE(false, "destroyOne"),
    DESTROY_MANY(false, "destroyMany"),
    RESTORE_ONE(false, "restoreOne"),
    RESTORE_MANY(false, "restoreMany"),
    MERGE_MANY(false, "mergeMany");

    private final boolean isQuery;
    private final String supportMethod;

    Operation(boolean isQuery, String supportMethod) {
        this.isQuery = isQuery;
        this.supportMethod = supportMethod;
    }

    boolean isQuery() {
        return isQuery;
    }

    String supportMethod() {
        return supportMethod;
    }

    String rootField(ObjectType object) {
        return switch (this) {
            case FIND_MANY -> Names.findMany(object);
            case FIND_ONE -> Names.findOne(object);
            case FIND_DUPLICATES -> Names.duplicates(object);
            case CREATE_ONE -> Names.createOne(object);
            case CREATE_MANY -> Names.createMany(object);
            case UPDATE_ONE -> Names.updateOne(object);
            case UPDATE_MANY -> Names.updateMany(object);
            case DELETE_ONE -> Names.deleteOne(object);
            case DELETE_MANY -> Names.deleteMany(object);
            case DESTROY_ONE -> Names.destroyOne(object);
            case DESTROY_MANY -> Names.destroyMany(object);
            case RESTORE_ONE -> Names.restoreOne(object);
            case RESTORE_MANY -> Names.restoreMany(object);
            case GROUP_BY -> Names.groupBy(object);
            case MERGE_MANY -> Names.mergeMany(object);
        };
    }

    Type<?> returnType(ObjectType object) {
        return switch (this) {
            case FIND_MANY -> named(Names.connectionType(object));
            case FIND_DUPLICATES -> list(Names.connectionType(object));
            case GROUP_BY -> list(Names.groupByConnectionType(object));
            case FIND_ONE, CREATE_ONE, UPDATE_ONE, DELETE_ONE, DESTROY_ONE, RESTORE_ONE, MERGE_MANY -> named(Names.type(object));
            case CREATE_MANY, UPDATE_MANY, DELETE_MANY, DESTROY_MANY, RESTORE_MANY -> list(Names.type(object));
        };
    }

    String describe(ObjectType object) {
        String one = object.labelSingular();
        String many = object.labelPlural();
        return switch (this) {
            case FIND_MANY -> "A page of " + many + ", filtered and ordered.";
            case FIND_ONE -> "The first " + one + " that matches the filter.";
            case FIND_DUPLICATES -> "For each given id or record, the " + many + " that look like duplicates of it.";
            case CREATE_ONE -> "Creates one " + one + "; with upsert, updates the one with the same id or unique value instead.";
            case CREATE_MANY -> "Creates " + many + " in one batch; with upsert, updates those that already exist.";
            case UPDATE_ONE -> "Updates the " + one + " with this id.";
            case UPDATE_MANY -> "Updates every " + one + " that matches the filter.";
            case DELETE_ONE -> "Soft-deletes the " + one + " with this id (sets deletedAt).";
            case DELETE_MANY -> "Soft-deletes every " + one + " that matches the filter.";
            case DESTROY_ONE -> "Deletes the " + one + " with this id for good.";
            case DESTROY_MANY -> "Deletes every " + one + " that matches the filter for good.";
            case RESTORE_ONE -> "Restores the soft-deleted " + one + " with this id.";
            case RESTORE_MANY -> "Restores every soft-deleted " + one + " that matches the filter.";
            case GROUP_BY -> "Groups the " + many + " that match the filter, with each group's aggregates and first records.";
            case MERGE_MANY -> "Merges " + many + " into the one at conflictPriorityIndex, which keeps its id and takes what it "
                    + "lacks from the others; the others are soft-deleted. With dryRun, only previews the result.";
        };
    }
}
