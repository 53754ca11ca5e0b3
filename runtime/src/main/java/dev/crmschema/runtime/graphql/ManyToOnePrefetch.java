package dev.crmschema.runtime.graphql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.request.Projection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the MANY_TO_ONE records a list of records selects right after the list, and puts each in its
 * record under the relation field's name ({@code company} beside {@code companyId}; null when there is
 * none). Its resolver then has nothing to load, and the query strategy can complete a person and its
 * company in one go instead of a DataLoader round per relation field
 * ({@link dev.crmschema.runtime.api.graphql.GraphObject} describes the entry).
 *
 * <p>It is the statement the relation's DataLoader runs ({@code WHERE id = ANY(?)}, soft-deleted
 * records left out), selecting what every occurrence of the field selects (aliases included). If that
 * read fails, say because the caller's role may not read what one alias selects, the records stay as
 * they were: the resolvers load each occurrence on their own and report the error where it belongs.
 */
final class ManyToOnePrefetch {
    private ManyToOnePrefetch() {}

    /**
     * For each MANY_TO_ONE relation of {@code object} that {@code selection} (what each record selects)
     * names, and for theirs in turn.
     */
    static void attach(GraphqlCall call, ObjectType object, List<ObjectNode> records, SelectedFields selection) {
        if (records.isEmpty()) {
            return;
        }
        for (Field field : object.fields()) {
            if (field.isManyToOne() && selection.contains(field.name())) {
                attach(call, field, records, selection.under(field.name()));
            }
        }
    }

    private static void attach(GraphqlCall call, Field relation, List<ObjectNode> records, SelectedFields selection) {
        String joinColumn = relation.joinColumn().orElseThrow().name();
        Set<UUID> ids = new LinkedHashSet<>();
        for (ObjectNode record : records) {
            String id = record.path(joinColumn).textValue();
            if (id != null) {
                ids.add(UUID.fromString(id));
            }
        }
        Map<String, ObjectNode> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            ObjectType target = call.object(relation.relation().orElseThrow().targetObject());
            Projection projection = Projections.records(target, selection, call.access());
            try {
                call.store().findByIds(target, ids, projection).forEach(found -> byId.put(found.get("id").asText(), found));
            } catch (RuntimeException e) {
                return; // the resolvers read again, and report
            }
            attach(call, target, List.copyOf(byId.values()), selection); // their own relations in turn
        }
        for (ObjectNode record : records) {
            ObjectNode related = byId.get(record.path(joinColumn).textValue());
            // Records pointing at the same one share its node; each is turned into values of its own later.
            record.set(relation.name(), related == null ? JsonNodeFactory.instance.nullNode() : related);
        }
    }
}
