package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.request.Projection;
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
    static Projection records(ObjectType object, SelectedFields selection, Access access) {
        return of(object, selection.names(), access);
    }

    /** For a connection field: the records are its edges' nodes. */
    static Projection connection(ObjectType object, SelectedFields selection, Access access) {
        return of(object, selection.under("edges").under("node").names(), access);
    }

    private static Projection of(ObjectType object, List<String> fields, Access access) {
        Set<String> names = new LinkedHashSet<>();
        for (String field : fields) {
            if (!field.startsWith("__")) {
                names.add(field);
            }
        }
        return new Projection(0, Optional.of(names), access.on(object).readsEverything() ? Set.of() : names);
    }
}
