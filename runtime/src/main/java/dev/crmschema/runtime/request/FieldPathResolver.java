package dev.crmschema.runtime.request;

import dev.crmschema.compiler.diag.DidYouMean;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves a path written in a filter or an ordering ({@code city}, {@code name.firstName},
 * {@code companyId}) to the one column it names. Relation names, ONE_TO_MANY relations, whole composite
 * fields and search vectors name no single comparable column, so they are refused with a hint.
 */
public final class FieldPathResolver {
    private FieldPathResolver() {}

    /**
     * @param prefix the start of every refusal, naming the parameter and item being parsed (for example
     *     {@code 'filter' invalid for 'x[eq]:1', })
     */
    public static FieldPath resolve(ObjectType object, String path, String prefix) {
        String[] parts = path.split("\\.", -1);
        String head = parts[0];
        Optional<Field> named = object.field(head);
        if (named.isEmpty()) {
            Optional<Field> joined = relationByJoinColumn(object, head);
            if (joined.isEmpty()) {
                throw refuse(prefix, "field '" + head + "' does not exist in '" + object.nameSingular() + "' object"
                        + DidYouMean.hint(head, usableNames(object)).map(h -> ", " + h).orElse(""));
            }
            if (parts.length > 1) {
                throw refuse(prefix, "join column '" + head + "' of '" + object.nameSingular() + "' has no sub-fields");
            }
            return FieldPath.of(joined.get());
        }
        Field field = named.get();
        if (field.isOneToMany()) {
            throw refuse(prefix, "field '" + head + "' of '" + object.nameSingular()
                    + "' is a ONE_TO_MANY relation: it cannot be used to filter or order");
        }
        if (field.isManyToOne()) {
            String join = field.joinColumn().map(Column::name).orElseThrow();
            throw refuse(prefix, parts.length == 1
                    ? "field '" + head + "' of '" + object.nameSingular() + "' is a relation: use its join column '" + join + "'"
                    : "cannot filter or order through the relation '" + head + "': only its join column '" + join
                            + "' can be used");
        }
        if (field.kind() == FieldKind.TS_VECTOR) {
            throw refuse(prefix, "field '" + head + "' of type TS_VECTOR cannot be used to filter or order");
        }
        if (!field.kind().isComposite()) {
            if (parts.length > 1) {
                throw refuse(prefix, "field '" + head + "' of '" + object.nameSingular() + "' has no sub-fields");
            }
            return FieldPath.of(field);
        }
        if (parts.length == 1) {
            throw refuse(prefix, "field '" + head + "' of '" + object.nameSingular()
                    + "' is composite: use one of its sub-fields " + subFieldList(field));
        }
        String sub = path.substring(head.length() + 1);
        Optional<CompositeProperty> property = field.kind().property(sub);
        if (property.isEmpty()) {
            List<String> names = field.kind().properties().stream().map(CompositeProperty::name).toList();
            throw refuse(prefix, "field '" + head + "' of '" + object.nameSingular() + "' has no sub-field '" + sub
                    + "' (sub-fields: " + subFieldList(field) + ")"
                    + DidYouMean.hint(sub, names).map(h -> ", " + h).orElse(""));
        }
        return FieldPath.of(field, property.get());
    }

    private static Optional<Field> relationByJoinColumn(ObjectType object, String name) {
        return object.fields().stream()
                .filter(f -> f.joinColumn().map(c -> c.name().equals(name)).orElse(false))
                .findFirst();
    }

    /** Names that resolve to a column: suggestions for a misspelt field. */
    private static List<String> usableNames(ObjectType object) {
        List<String> names = new ArrayList<>();
        for (Field field : object.fields()) {
            if (field.isManyToOne()) {
                names.add(field.joinColumn().orElseThrow().name());
            } else if (!field.isOneToMany() && field.kind() != FieldKind.TS_VECTOR) {
                names.add(field.name());
            }
        }
        return names;
    }

    private static String subFieldList(Field field) {
        return field.kind().properties().stream()
                .map(p -> field.name() + "." + p.name())
                .collect(Collectors.joining(", "));
    }

    private static ApiException refuse(String prefix, String reason) {
        return ApiException.badRequest(prefix + reason);
    }
}
