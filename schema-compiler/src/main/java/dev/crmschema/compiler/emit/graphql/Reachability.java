package dev.crmschema.compiler.emit.graphql;

import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps only the types the root operations can reach. The fixed types (scalars, filters, composites)
 * are built for every workspace and pruned here, so a schema declares exactly what it uses, and
 * graphql-java-tools (which drops unreachable types) serves the same schema the file shows. A type
 * defined twice, or used but not defined, is a bug in the builders and fails the emitter.
 */
final class Reachability {
    /** The scalars every GraphQL schema has; a schema uses them without defining them. */
    static final Set<String> BUILT_IN_SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID");

    private Reachability() {}

    static List<TypeDefinition<?>> prune(List<TypeDefinition<?>> definitions, List<String> roots) {
        Map<String, TypeDefinition<?>> byName = new LinkedHashMap<>();
        for (TypeDefinition<?> definition : definitions) {
            if (byName.put(definition.getName(), definition) != null) {
                throw new IllegalStateException("GraphQL type defined twice: " + definition.getName());
            }
        }
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            TypeDefinition<?> definition = byName.get(name);
            if (definition == null && !BUILT_IN_SCALARS.contains(name)) {
                throw new IllegalStateException("GraphQL type used but not defined: " + name);
            }
            if (definition == null || !reached.add(name)) {
                continue;
            }
            if (definition instanceof ObjectTypeDefinition object) {
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    pending.push(Sdl.innerName(field.getType()));
                    field.getInputValueDefinitions().forEach(argument -> pending.push(Sdl.innerName(argument.getType())));
                }
            } else if (definition instanceof InputObjectTypeDefinition input) {
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    pending.push(Sdl.innerName(field.getType()));
                }
            }
        }
        return definitions.stream().filter(d -> reached.contains(d.getName())).toList();
    }
}
