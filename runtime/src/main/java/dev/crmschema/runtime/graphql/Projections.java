package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.request.Projection;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which record fields the query layer shapes for a selection: the selected ones, as REST's
 * {@code fields=} names them, at depth 0 (relations are loaded by their own resolvers; a selected
 * MANY_TO_ONE relation brings its join column along, and {@code id} is always there). Shaping and
 * converting only what the client asked for is most of a narrow query's cost saved. Search vectors are
 * read only when selected. When the caller's role cannot read some of the object's fields, the record
 * store refuses a selection of an unreadable field as it refuses REST's {@code fields=}.
 */
final class Projections {
    private Projections() {}

    /** For a field returning records (or a list of them). */
    static Projection records(ObjectType object, DataFetchingFieldSelectionSet selection, Access access) {
        return of(object, selection.getImmediateFields(), access);
    }

    /** For a connection field: the records are its edges' nodes. */
    static Projection connection(ObjectType object, DataFetchingFieldSelectionSet selection, Access access) {
        return of(object, nodeFields(selection), access);
    }

    /**
     * The fields selected on a connection's {@code edges { node { ... } } }, walked directly: the
     * selection set's glob lookups compile a pattern per call, which cost more than the read itself.
     */
    private static List<SelectedField> nodeFields(DataFetchingFieldSelectionSet connection) {
        List<SelectedField> fields = new ArrayList<>();
        for (SelectedField edges : connection.getImmediateFields()) {
            if (edges.getName().equals("edges")) {
                for (SelectedField node : edges.getSelectionSet().getImmediateFields()) {
                    if (node.getName().equals("node")) {
                        fields.addAll(node.getSelectionSet().getImmediateFields());
                    }
                }
            }
        }
        return fields;
    }

    private static Projection of(ObjectType object, List<SelectedField> fields, Access access) {
        Set<String> names = new LinkedHashSet<>();
        for (SelectedField field : fields) {
            if (!field.getName().startsWith("__")) {
                names.add(field.getName());
            }
        }
        return new Projection(0, Optional.of(names), access.on(object).readsEverything() ? Set.of() : names);
    }
}
