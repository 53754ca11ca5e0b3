package dev.crmschema.compiler.emit.sql;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a model change renamed, which a comparison of two models cannot tell from a drop plus an add:
 * objects (old singular name to new), fields (per object, by its new name: old field name to new) and
 * SELECT / MULTI_SELECT option values (per {@code object.field}, new names: old value to new).
 */
public record ModelRenames(
        Map<String, String> objects, Map<String, Map<String, String>> fields, Map<String, Map<String, String>> options) {

    public static final ModelRenames NONE = new ModelRenames(Map.of(), Map.of(), Map.of());

    public ModelRenames {
        objects = Map.copyOf(objects);
        fields = Map.copyOf(fields);
        options = Map.copyOf(options);
    }

    public static ModelRenames object(String from, String to) {
        return new ModelRenames(Map.of(from, to), Map.of(), Map.of());
    }

    public static ModelRenames field(String object, String from, String to) {
        return new ModelRenames(Map.of(), Map.of(object, Map.of(from, to)), Map.of());
    }

    public static ModelRenames options(String object, String field, Map<String, String> fromTo) {
        return new ModelRenames(Map.of(), Map.of(), Map.of(object + "." + field, fromTo));
    }

    /** The name object {@code newName} had before the change; empty when it is new (its name was renamed away). */
    public Optional<String> previousObjectName(String newName) {
        return previous(objects, newName);
    }

    /** The name field {@code newField} of object {@code newObject} had before the change, as above. */
    public Optional<String> previousFieldName(String newObject, String newField) {
        return previous(fields.getOrDefault(newObject, Map.of()), newField);
    }

    /** Old option value to new, for a field named by its new names. */
    public Map<String, String> optionRenames(String newObject, String newField) {
        return new TreeMap<>(options.getOrDefault(newObject + "." + newField, Map.of()));
    }

    private static Optional<String> previous(Map<String, String> renames, String newName) {
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            if (rename.getValue().equals(newName)) {
                return Optional.of(rename.getKey());
            }
        }
        return renames.containsKey(newName) ? Optional.empty() : Optional.of(newName);
    }
}
