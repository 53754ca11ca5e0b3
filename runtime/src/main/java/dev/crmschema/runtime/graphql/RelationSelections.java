package dev.crmschema.runtime.graphql;

import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a query may select a relation field. Relation fields load in batches through DataLoaders
 * ({@link RelationLoaders}), and for a request that has a DataLoader registry graphql-java counts every
 * field it fetches, under locks, to know when a level is complete and its loaders can be dispatched.
 * Queries that select no relation field run without one: a 20-company list query then took about a
 * quarter less server CPU in an A/B run.
 *
 * <p>Conservative by design, since a wrong "no" would fail the relation fields: any field below the
 * root named like a relation field of any object counts, and so does every field of a fragment
 * definition, wherever the fragment is used.
 */
final class RelationSelections {
    private final Set<String> relationFields = new HashSet<>();

    RelationSelections(Collection<ObjectType> objects) {
        for (ObjectType object : objects) {
            for (Field field : object.fields()) {
                if (field.relation().isPresent()) {
                    relationFields.add(field.name());
                }
            }
        }
    }

    boolean mayLoad(Document document) {
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
                    // A root field itself is not a relation: root fields read through the store directly.
                    boolean selects = selection instanceof graphql.language.Field root
                            ? selects(root.getSelectionSet())
                            : selects(selection);
                    if (selects) {
                        return true;
                    }
                }
            } else if (definition instanceof FragmentDefinition fragment && selects(fragment.getSelectionSet())) {
                return true;
            }
        }
        return false;
    }

    private boolean selects(SelectionSet selections) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selects(selection)) {
                return true;
            }
        }
        return false;
    }

    private boolean selects(Selection<?> selection) {
        if (selection instanceof graphql.language.Field field) {
            return relationFields.contains(field.getName()) || selects(field.getSelectionSet());
        }
        if (selection instanceof InlineFragment fragment) {
            return selects(fragment.getSelectionSet());
        }
        return false; // a fragment spread: its definition is checked on its own
    }
}
