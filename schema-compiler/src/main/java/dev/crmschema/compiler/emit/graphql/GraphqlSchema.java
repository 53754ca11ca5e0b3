package dev.crmschema.compiler.emit.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import graphql.language.Document;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a workspace's core GraphQL schema as graphql-java's syntax tree (reference contract,
 * section 2). The SDL emitter prints it; the resolver emitter derives its Java classes from it, so the
 * two always agree.
 */
final class GraphqlSchema {
    private GraphqlSchema() {}

    static Document build(Workspace workspace) {
        List<TypeDefinition<?>> types = new ArrayList<>();
        types.add(RootTypes.query(workspace));
        types.add(RootTypes.mutation(workspace));
        for (ObjectType object : workspace.objects()) {
            types.addAll(ObjectTypes.of(workspace, object));
            types.addAll(ObjectInputs.of(workspace, object));
            types.addAll(GroupByTypes.of(object));
        }
        types.addAll(GroupByTypes.shared());
        types.addAll(CompositeTypes.all());
        types.add(FixedTypes.pageInfo());
        types.add(FixedTypes.orderByDirection());
        types.add(FixedTypes.filterIs());
        for (ScalarFilter filter : ScalarFilter.values()) {
            types.add(filter.definition());
        }
        for (Scalar scalar : Scalar.values()) {
            types.add(scalar.definition());
        }
        Document.Builder document = Document.newDocument().definition(schema());
        Reachability.prune(types, List.of(FixedTypes.QUERY, FixedTypes.MUTATION)).forEach(document::definition);
        return document.build();
    }

    /**
     * Says nothing of the workspace's name or description: the schema depends on the model only, so the
     * runtime builds it once for every workspace with that model and none sees another's name.
     */
    private static SchemaDefinition schema() {
        return SchemaDefinition.newSchemaDefinition()
                .description(Sdl.description("Core API of the workspace: the records of its objects."))
                .operationTypeDefinition(new OperationTypeDefinition("query", new TypeName(FixedTypes.QUERY)))
                .operationTypeDefinition(new OperationTypeDefinition("mutation", new TypeName(FixedTypes.MUTATION)))
                .build();
    }
}
