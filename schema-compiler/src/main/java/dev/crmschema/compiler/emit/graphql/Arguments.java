package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.input;
import static dev.crmschema.compiler.emit.graphql.Sdl.list;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;
import static dev.crmschema.compiler.emit.graphql.Sdl.nonNull;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.naming.Names;
import graphql.language.InputValueDefinition;
import java.util.List;

/** Arguments of the root fields and relation connections (reference contract, section 2.2). */
final class Arguments {
    private Arguments() {}

    /** findMany, and every ONE_TO_MANY connection field: filter, order and page. */
    static List<InputValueDefinition> findMany(ObjectType object) {
        return List.of(
                input("filter", named(Names.filterInputType(object))),
                input("orderBy", list(Names.orderByInputType(object))),
                input("first", named(Scalar.INT)),
                input("last", named(Scalar.INT)),
                input("offset", named(Scalar.INT)),
                input("before", named(Scalar.STRING)),
                input("after", named(Scalar.STRING)));
    }

    static List<InputValueDefinition> of(Operation operation, ObjectType object) {
        InputValueDefinition id = input("id", nonNull(Scalar.UUID.typeName()));
        InputValueDefinition requiredFilter = input("filter", nonNull(Names.filterInputType(object)));
        InputValueDefinition upsert = input("upsert", named(Scalar.BOOLEAN));
        return switch (operation) {
            case FIND_MANY -> findMany(object);
            case FIND_ONE -> List.of(requiredFilter);
            case FIND_DUPLICATES -> List.of(input("ids", list(Scalar.UUID.typeName())),
                    input("data", list(Names.createInputType(object))));
            case CREATE_ONE -> List.of(input("data", nonNull(Names.createInputType(object))), upsert);
            case CREATE_MANY -> List.of(input("data", nonNull(list(nonNull(Names.createInputType(object))))), upsert);
            case UPDATE_ONE -> List.of(id, input("data", nonNull(Names.updateInputType(object))));
            case UPDATE_MANY -> List.of(input("data", nonNull(Names.updateInputType(object))), requiredFilter);
            case DELETE_ONE, DESTROY_ONE, RESTORE_ONE -> List.of(id);
            case DELETE_MANY, DESTROY_MANY, RESTORE_MANY -> List.of(requiredFilter);
            case GROUP_BY -> List.of(
                    input("groupBy", nonNull(list(nonNull(Names.groupByInputType(object))))),
                    input("filter", named(Names.filterInputType(object))),
                    input("orderBy", list(Names.orderByWithGroupByInputType(object))),
                    input("orderByForRecords", list(Names.orderByInputType(object))),
                    input("viewId", named(Scalar.UUID.typeName())),
                    input("limit", named(Scalar.INT)));
            case MERGE_MANY -> List.of(
                    input("ids", nonNull(list(nonNull(Scalar.UUID.typeName())))),
                    input("conflictPriorityIndex", nonNull(Scalar.INT)),
                    input("dryRun", named(Scalar.BOOLEAN)));
        };
    }
}
