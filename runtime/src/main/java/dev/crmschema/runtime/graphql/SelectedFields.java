package dev.crmschema.runtime.graphql;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields a resolver's field selects, read from the operation's syntax tree: fragments followed,
 * {@code @skip} and {@code @include} applied. graphql-java's {@code env.getSelectionSet()} builds a normalized
 * copy of the whole operation on first use, about a fifth of a by-id query's time; resolvers only need
 * the names. Type conditions are not checked: every field here returns one object type, and validation
 * has refused fragments that cannot apply to it.
 */
final class SelectedFields {
    private final List<Field> fields;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;

    private SelectedFields(List<Field> fields, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.fields = fields;
        this.fragments = fragments;
        this.variables = variables;
    }

    /** What the field being resolved selects (all its occurrences in the query merged). */
    static SelectedFields of(DataFetchingEnvironment env) {
        return new SelectedFields(env.getMergedField().getFields(), env.getFragmentsByName(), env.getVariables()).under(null);
    }

    /** Names of the selected fields in selection order; a field selected twice (under two aliases) is named twice. */
    List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        fields.forEach(field -> names.add(field.getName()));
        return names;
    }

    boolean contains(String name) {
        return fields.stream().anyMatch(field -> field.getName().equals(name));
    }

    /** Whether any selected field of this name is given arguments. */
    boolean hasArguments(String name) {
        return fields.stream().anyMatch(field -> field.getName().equals(name) && !field.getArguments().isEmpty());
    }

    /** What the selected fields of this name select, merged; with {@code null}, what every selected field selects. */
    SelectedFields under(String name) {
        List<Field> children = new ArrayList<>();
        for (Field field : fields) {
            if (name == null || field.getName().equals(name)) {
                collect(field.getSelectionSet(), children);
            }
        }
        return new SelectedFields(children, fragments, variables);
    }

    private void collect(SelectionSet selectionSet, List<Field> into) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof DirectivesContainer<?> container && !included(container)) {
                continue;
            }
            if (selection instanceof Field field) {
                into.add(field);
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), into);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), into);
            }
        }
    }

    private boolean included(DirectivesContainer<?> node) {
        for (Directive directive : node.getDirectives()) {
            if (directive.getName().equals("skip") && condition(directive)) {
                return false;
            }
            if (directive.getName().equals("include") && !condition(directive)) {
                return false;
            }
        }
        return true;
    }

    /** The directive's {@code if:}, a literal or a variable (validation made it a non-null Boolean). */
    private boolean condition(Directive directive) {
        Value<?> value = directive.getArgument("if").getValue();
        if (value instanceof VariableReference variable) {
            return Boolean.TRUE.equals(variables.get(variable.getName()));
        }
        return ((BooleanValue) value).isValue();
    }
}
