package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.api.graphql.FindManyArgs;
import dev.crmschema.runtime.api.graphql.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the relations a list of records selects right after the list, and puts each record's in its
 * values under the relation field's name: {@code company}'s record beside {@code companyId} (null when
 * there is none), {@code people}'s page. Their resolvers then have nothing to load, and the query
 * strategy can complete a company with its people in one go instead of a DataLoader round per relation
 * field ({@link dev.crmschema.runtime.api.graphql.GraphObject} describes the entries).
 *
 * <p>Each relation costs the statement its DataLoader would run, for the whole list: {@code WHERE id =
 * ANY(?)} for a MANY_TO_ONE relation, selecting what every occurrence of the field selects (aliases
 * included); {@link RelationLoaders#pages} for a ONE_TO_MANY connection, but only when no occurrence has
 * arguments (else each alias has a page of its own, which its resolver loads). The records read have
 * their own relations read along in turn. If a read fails, say because the caller's role may not read
 * what one alias selects, the records stay without that entry: the resolvers load each occurrence on
 * their own and report the error where it belongs.
 */
final class RelationsReadAlong {
    private RelationsReadAlong() {}

    /** {@code records} are records of {@code object}; {@code selection} is what each of them selects. */
    static void attach(GraphqlCall call, ObjectType object, List<Map<String, Object>> records, SelectedFields selection) {
        if (records.isEmpty()) {
            return;
        }
        for (Field field : object.fields()) {
            if (field.relation().isEmpty() || !selection.contains(field.name())) {
                continue;
            }
            if (field.isManyToOne()) {
                manyToOne(call, field, records, selection.under(field.name()));
            } else if (!selection.hasArguments(field.name())) {
                oneToMany(call, field, records, selection.under(field.name()));
            }
        }
    }

    private static void manyToOne(GraphqlCall call, Field relation, List<Map<String, Object>> records, SelectedFields selection) {
        String joinColumn = relation.joinColumn().orElseThrow().name();
        List<UUID> targetIds = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            Object id = record.get(joinColumn);
            targetIds.add(id == null ? null : UUID.fromString(id.toString()));
        }
        Set<UUID> ids = new LinkedHashSet<>(targetIds);
        ids.remove(null);
        Map<UUID, Map<String, Object>> byId = Map.of();
        if (!ids.isEmpty()) {
            try {
                byId = RelationLoaders.targets(call, relation, ids, selection);
            } catch (RuntimeException e) {
                return; // the resolvers read again, and report
            }
            attach(call, call.object(relation.relation().orElseThrow().targetObject()), List.copyOf(byId.values()), selection);
        }
        for (int i = 0; i < records.size(); i++) {
            // Records pointing at the same one share its values, which nothing changes from here on.
            records.get(i).put(relation.name(), targetIds.get(i) == null ? null : byId.get(targetIds.get(i)));
        }
    }

    private static void oneToMany(GraphqlCall call, Field relation, List<Map<String, Object>> records, SelectedFields connection) {
        List<UUID> parentIds = new ArrayList<>(records.size());
        records.forEach(record -> parentIds.add(UUID.fromString(record.get("id").toString())));
        List<Page> pages;
        try {
            pages = RelationLoaders.pages(call, RelationLoaders.connection(call, relation, FindManyArgs.NONE, connection), parentIds);
        } catch (RuntimeException e) {
            return; // the resolvers read again, and report
        }
        for (int i = 0; i < records.size(); i++) {
            records.get(i).put(relation.name(), pages.get(i));
        }
    }
}
