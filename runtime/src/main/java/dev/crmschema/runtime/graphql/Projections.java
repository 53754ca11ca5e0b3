package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Projection;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which record fields the query layer reads for a selection. Records are always read whole at depth 0
 * (relations are loaded by their own resolvers), except that search vectors, which the query layer
 * reads only when a projection names them, are read when the client selects one.
 */
final class Projections {
    private static final String NODE = "edges/node/";

    private Projections() {}

    /** For a field returning records (or a list of them). */
    static Projection records(ObjectType object, DataFetchingFieldSelectionSet selection) {
        return of(object, selection, "");
    }

    /** For a connection field: the records are its edges' nodes. */
    static Projection connection(ObjectType object, DataFetchingFieldSelectionSet selection) {
        return of(object, selection, NODE);
    }

    private static Projection of(ObjectType object, DataFetchingFieldSelectionSet selection, String prefix) {
        boolean selectsSearchVector = object.fields().stream()
                .anyMatch(f -> f.kind() == FieldKind.TS_VECTOR && selection.contains(prefix + f.name()));
        if (!selectsSearchVector) {
            return Projection.DEFAULT;
        }
        Set<String> every = new LinkedHashSet<>();
        object.fields().stream().map(Field::name).forEach(every::add);
        return new Projection(0, Optional.of(every));
    }
}
