package dev.crmschema.compiler.emit.graphql;

import static dev.crmschema.compiler.emit.graphql.Sdl.enumValue;
import static dev.crmschema.compiler.emit.graphql.Sdl.field;
import static dev.crmschema.compiler.emit.graphql.Sdl.named;
import static dev.crmschema.compiler.emit.graphql.Sdl.nonNull;

import graphql.language.EnumTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import java.util.List;

/** Types whose shape the reference contract fixes for every workspace (section 2.3). */
final class FixedTypes {
    private FixedTypes() {}

    static final String PAGE_INFO = "PageInfo";
    static final String ORDER_BY_DIRECTION = "OrderByDirection";
    static final String FILTER_IS = "FilterIs";
    static final String QUERY = "Query";
    static final String MUTATION = "Mutation";

    static ObjectTypeDefinition pageInfo() {
        return ObjectTypeDefinition.newObjectTypeDefinition().name(PAGE_INFO)
                .description(Sdl.description("Where a page of a connection starts and ends, and whether more records follow."))
                .fieldDefinition(field("startCursor", named(Scalar.CONNECTION_CURSOR.typeName())))
                .fieldDefinition(field("endCursor", named(Scalar.CONNECTION_CURSOR.typeName())))
                .fieldDefinition(field("hasNextPage", nonNull(Scalar.BOOLEAN)))
                .fieldDefinition(field("hasPreviousPage", nonNull(Scalar.BOOLEAN)))
                .build();
    }

    static EnumTypeDefinition orderByDirection() {
        return Sdl.enumType(ORDER_BY_DIRECTION, "Sort direction, and where empty values go.", List.of(
                enumValue("AscNullsFirst"), enumValue("AscNullsLast"), enumValue("DescNullsFirst"), enumValue("DescNullsLast")));
    }

    static EnumTypeDefinition filterIs() {
        return Sdl.enumType(FILTER_IS, "Tests a value for emptiness in filters (`is: NULL`).",
                List.of(enumValue("NULL"), enumValue("NOT_NULL")));
    }
}
