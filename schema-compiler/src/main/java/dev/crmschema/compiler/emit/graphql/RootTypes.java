package dev.crmschema.compiler.emit.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import java.util.ArrayList;
import java.util.List;

/** {@code Query} and {@code Mutation}: every operation of every object, object by object. */
final class RootTypes {
    private RootTypes() {}

    static ObjectTypeDefinition query(Workspace workspace) {
        return root(workspace, FixedTypes.QUERY, true, "Reads records of the workspace.");
    }

    static ObjectTypeDefinition mutation(Workspace workspace) {
        return root(workspace, FixedTypes.MUTATION, false, "Changes records of the workspace.");
    }

    private static ObjectTypeDefinition root(Workspace workspace, String name, boolean queries, String description) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (ObjectType object : workspace.objects()) {
            for (Operation operation : Operation.values()) {
                if (operation.isQuery() == queries) {
                    fields.add(Sdl.field(operation.rootField(object), operation.returnType(object), operation.describe(object),
                            Arguments.of(operation, object)));
                }
            }
        }
        return ObjectTypeDefinition.newObjectTypeDefinition().name(name).description(Sdl.description(description))
                .fieldDefinitions(fields).build();
    }
}
