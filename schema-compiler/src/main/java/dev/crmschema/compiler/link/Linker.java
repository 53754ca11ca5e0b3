package dev.crmschema.compiler.link;

import dev.crmschema.compiler.diag.DiagnosticCode;
import dev.crmschema.compiler.diag.Diagnostics;
import dev.crmschema.compiler.diag.DidYouMean;
import dev.crmschema.compiler.model.Column;
import dev.crmschema.compiler.model.CompositeProperty;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.FieldKind;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.OnDelete;
import dev.crmschema.compiler.model.Relation;
import dev.crmschema.compiler.model.RelationType;
import dev.crmschema.compiler.model.SelectOption;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.naming.Names;
import dev.crmschema.compiler.syntax.FieldElement;
import dev.crmschema.compiler.syntax.IndexElement;
import dev.crmschema.compiler.syntax.Located;
import dev.crmschema.compiler.syntax.ObjectElement;
import dev.crmschema.compiler.syntax.OptionElement;
import dev.crmschema.compiler.syntax.RelationElement;
import dev.crmschema.compiler.syntax.WorkspaceElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns syntax elements into the linked {@link Workspace}: merges the standard template, adds system
 * fields, resolves types and relations, names every column, and validates it all. Every problem is
 * collected; the caller decides when to stop.
 */
public final class Linker {
    private final Diagnostics diagnostics;
    private final NameRules nameRules;

    public Linker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.nameRules = new NameRules(diagnostics);
    }

    /**
     * The two views of one linked workspace: {@code active} is what the API serves (inactive objects and
     * fields left out, and so are relation fields whose other side is inactive); {@code withInactive}
     * also has the inactive parts, which keep their tables and columns.
     */
    public record Models(Workspace active, Workspace withInactive) {}

    /**
     * Links {@code workspace}, merged over {@code template} when the workspace asks for standard objects.
     * Returns the active model, or empty when linking found errors (they are in the diagnostics).
     */
    public Optional<Workspace> link(WorkspaceElement workspace, Optional<WorkspaceElement> template) {
        return linkModels(workspace, template).map(Models::active);
    }

    /** Like {@link #link}, returning both the active model and the one with inactive parts. */
    public Optional<Models> linkModels(WorkspaceElement workspace, Optional<WorkspaceElement> template) {
        nameRules.checkWorkspaceName(workspace.name());

        // 1. Gather object definitions: template first, then the workspace's own.
        Map<String, ObjectDraft> drafts = new LinkedHashMap<>();
        List<ObjectElement> all = new ArrayList<>();
        if (workspace.standardObjects()) {
            template.ifPresent(t -> all.addAll(t.objects()));
        }
        all.addAll(workspace.objects());
        for (ObjectElement element : all) {
            String name = element.nameSingular().value();
            ObjectDraft existing = drafts.get(name);
            if (existing != null) {
                diagnostics.error(DiagnosticCode.DUPLICATE_OBJECT, element.nameSingular().location(),
                        "object '" + name + "' is defined twice (also at " + existing.element.location() + ")",
                        existing.element.isCustom() ? "rename one of them"
                                : "'" + name + "' is a standard object: add fields to it with a top-level 'fields:' entry using 'object: " + name + "'");
                continue;
            }
            drafts.put(name, new ObjectDraft(element));
        }

        // 2. Attach fields and indexes added to existing objects.
        for (FieldElement extension : workspace.fieldExtensions()) {
            Located<String> target = extension.object().orElseThrow();
            ObjectDraft draft = drafts.get(target.value());
            if (draft == null) {
                diagnostics.error(DiagnosticCode.UNKNOWN_OBJECT, target.location(),
                        "cannot add field '" + extension.name().value() + "' to unknown object '" + target.value() + "'",
                        DidYouMean.hint(target.value(), drafts.keySet()));
            } else {
                draft.extensions.add(extension);
            }
        }

        for (IndexElement extension : workspace.indexExtensions()) {
            Located<String> target = extension.object().orElseThrow();
            ObjectDraft draft = drafts.get(target.value());
            if (draft == null) {
                diagnostics.error(DiagnosticCode.UNKNOWN_OBJECT, target.location(),
                        "cannot add an index to unknown object '" + target.value() + "'", DidYouMean.hint(target.value(), drafts.keySet()));
            } else {
                draft.indexes.add(extension);
            }
        }

        // 3. Names of objects: identifiers, reserved words, plural rules, collisions.
        nameRules.checkObjects(drafts.values().stream().map(d -> d.element).toList());

        // 4. Fields: system fields plus declared ones, each resolved to a kind and columns.
        for (ObjectDraft draft : drafts.values()) {
            linkFields(draft);
        }

        // 5. Relations need every object's fields.
        for (ObjectDraft draft : drafts.values()) {
            for (FieldDraft field : draft.fields) {
                field.relationElement.ifPresent(r -> linkRelation(draft, field, r, drafts));
            }
        }
        for (ObjectDraft draft : drafts.values()) {
            draft.fields.forEach(f -> f.buildColumns(draft.tableName()));
            nameRules.checkColumns(draft.element, draft.tableName(), draft.fields.stream().map(FieldDraft::build).toList());
            checkObjectReferences(draft);
        }
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }

        // 6. Inactive parts keep their storage (and their names stay taken) but leave the API.
        for (ObjectDraft draft : drafts.values()) {
            draft.fields.forEach(f -> f.active = isActive(draft, f, drafts));
            if (draft.element.isActive()) {
                checkActiveReferences(draft);
            }
        }
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }

        List<ObjectType> withInactive = drafts.values().stream()
                .map(d -> d.build(f -> true))
                .sorted(Comparator.comparing(ObjectType::nameSingular))
                .toList();
        nameRules.checkGeneratedTypes(withInactive);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        List<ObjectType> active = drafts.values().stream()
                .filter(d -> d.element.isActive())
                .map(d -> d.build(f -> f.active))
                .sorted(Comparator.comparing(ObjectType::nameSingular))
                .toList();
        return Optional.of(new Models(workspace(workspace, active), workspace(workspace, withInactive)));
    }

    private static Workspace workspace(WorkspaceElement element, List<ObjectType> objects) {
        return new Workspace(element.name().value(), element.displayName().orElse(element.name().value()),
                element.description(), objects, element.location());
    }

    /** A field is served when it, its object and (for a relation) the other side are all active. */
    private static boolean isActive(ObjectDraft owner, FieldDraft field, Map<String, ObjectDraft> drafts) {
        if (!owner.element.isActive() || !field.element.isActive()) {
            return false;
        }
        if (field.relation == null) {
            return true;
        }
        ObjectDraft target = drafts.get(field.relation.targetObject());
        return target != null && target.element.isActive() && target.fields.stream()
                .anyMatch(f -> f.name().equals(field.relation.inverseField()) && f.element.isActive());
    }

    /** What an active object names explicitly must be served too: its label, search and duplicate fields. */
    private void checkActiveReferences(ObjectDraft draft) {
        ObjectElement element = draft.element;
        element.labelIdentifierField().ifPresent(l -> checkActive(draft, l, l.value(), "as its labelIdentifierField"));
        element.searchFields().forEach(s -> checkActive(draft, s, s.value(), "in its searchFields"));
        element.duplicateCriteria().forEach(group -> group.forEach(
                path -> checkActive(draft, path, path.value().split("\\.", 2)[0], "in its duplicateCriteria")));
    }

    private void checkActive(ObjectDraft draft, Located<String> reference, String fieldName, String where) {
        draft.fields.stream().filter(f -> f.name().equals(fieldName) && !f.active).findFirst().ifPresent(f ->
                diagnostics.error(DiagnosticCode.INACTIVE_REFERENCE, reference.location(),
                        "'" + draft.name() + "' uses inactive field '" + fieldName + "' " + where
                                + (f.element.isActive() ? " (the other side of its relation is inactive)" : ""),
                        "keep the field active, or stop using it " + where));
    }

    private void linkFields(ObjectDraft draft) {
        ObjectElement element = draft.element;
        List<FieldElement> declared = new ArrayList<>(element.fields());
        // Added fields may come from any file; sorting them keeps output independent of file order.
        draft.extensions.stream().sorted(Comparator.comparing(f -> f.name().value())).forEach(declared::add);

        List<FieldElement> ordered = new ArrayList<>();
        ordered.add(SystemFields.id());
        boolean declaresName = declared.stream().anyMatch(f -> f.name().value().equals("name"));
        if (element.isCustom() && !declaresName) {
            ordered.add(SystemFields.defaultName());
        }
        ordered.addAll(declared);
        ordered.addAll(SystemFields.trailing());

        Map<String, FieldElement> seen = new LinkedHashMap<>();
        for (FieldElement field : ordered) {
            String name = field.name().value();
            FieldElement previous = seen.putIfAbsent(name, field);
            if (previous != null) {
                boolean system = SystemFields.NAMES.contains(name);
                // Point at the user's own field, never at the built-in system field it clashes with.
                FieldElement culprit = field.isSystem() && !previous.isSystem() ? previous : field;
                diagnostics.error(DiagnosticCode.DUPLICATE_FIELD, culprit.name().location(),
                        "field '" + name + "' is defined twice on object '" + element.nameSingular().value() + "'"
                                + (system ? " ('" + name + "' is a system field every object has)" : " (also at " + previous.location() + ")"),
                        "rename one of them");
                continue;
            }
            nameRules.checkFieldName(field.name(), element.nameSingular().value());
            resolveField(draft, field).ifPresent(draft.fields::add);
        }
    }

    private Optional<FieldDraft> resolveField(ObjectDraft draft, FieldElement element) {
        Located<String> type = element.type();
        Optional<FieldKind> kind = FieldKind.parse(type.value());
        if (kind.isEmpty()) {
            if (FieldKind.NOT_SUPPORTED_YET.contains(type.value())) {
                diagnostics.error(DiagnosticCode.UNSUPPORTED_FIELD_TYPE, type.location(),
                        "field type '" + type.value() + "' is not supported yet",
                        "supported types: " + supportedTypes());
            } else if (FieldKind.REPLACED_LEGACY_TYPES.containsKey(type.value())) {
                diagnostics.error(DiagnosticCode.UNSUPPORTED_FIELD_TYPE, type.location(),
                        "field type '" + type.value() + "' was removed from the reference system",
                        "use '" + FieldKind.REPLACED_LEGACY_TYPES.get(type.value()) + "' instead");
            } else {
                diagnostics.error(DiagnosticCode.UNKNOWN_FIELD_TYPE, type.location(),
                        "unknown field type '" + type.value() + "'",
                        DidYouMean.hint(type.value(), Arrays.stream(FieldKind.values()).map(Enum::name).toList())
                                .orElse("supported types: " + supportedTypes()));
            }
            return Optional.empty();
        }
        FieldDraft field = new FieldDraft(element, kind.get());
        new FieldRules(diagnostics).check(draft.element.nameSingular().value(), element, kind.get());
        field.options = options(element, kind.get());
        field.defaultValue = element.defaultValue().map(Located::value).map(Linker::canonical);
        field.settings = canonicalSettings(element.settings());
        if (kind.get() == FieldKind.RELATION) {
            if (element.relation().isEmpty()) {
                diagnostics.error(DiagnosticCode.INVALID_RELATION, element.type().location(),
                        "RELATION field '" + element.name().value() + "' needs a 'relation:' block",
                        "add relation: {type: MANY_TO_ONE, targetObject: <object>, inverseField: <field on the target>}");
            }
            field.relationElement = element.relation();
        } else if (element.relation().isPresent()) {
            diagnostics.error(DiagnosticCode.INVALID_RELATION, element.relation().get().location(),
                    "only RELATION fields may have a 'relation:' block, '" + element.name().value() + "' is " + kind.get(),
                    "set 'type: RELATION' or remove the block");
        }
        return Optional.of(field);
    }

    private List<SelectOption> options(FieldElement element, FieldKind kind) {
        List<SelectOption> options = new ArrayList<>();
        int index = 0;
        for (OptionElement option : element.options()) {
            String value = option.value().value();
            options.add(new SelectOption(value, option.label().orElse(value), option.position().orElse(index),
                    option.color().orElse("gray")));
            index++;
        }
        return options.stream().sorted(Comparator.comparingInt(SelectOption::position)).toList();
    }

    private void linkRelation(ObjectDraft owner, FieldDraft field, RelationElement element, Map<String, ObjectDraft> drafts) {
        Optional<RelationType> type = parseEnum(RelationType.class, element.type(), "relation type");
        Optional<OnDelete> onDelete = element.onDelete().flatMap(d -> parseEnum(OnDelete.class, d, "onDelete action"));
        ObjectDraft target = drafts.get(element.targetObject().value());
        if (target == null) {
            diagnostics.error(DiagnosticCode.UNKNOWN_RELATION_TARGET, element.targetObject().location(),
                    "relation '" + owner.name() + "." + field.name() + "' targets unknown object '" + element.targetObject().value() + "'",
                    DidYouMean.hint(element.targetObject().value(), drafts.keySet())
                            .orElse("targetObject takes an object's nameSingular"));
        }
        if (type.isEmpty()) {
            return;
        }
        if (type.get() == RelationType.ONE_TO_MANY && element.onDelete().isPresent()) {
            diagnostics.error(DiagnosticCode.INVALID_RELATION, element.onDelete().get().location(),
                    "onDelete belongs on the MANY_TO_ONE side of a relation, not on ONE_TO_MANY '" + field.name() + "'",
                    "move it to the inverse field '" + element.inverseField().value() + "'");
        }
        OnDelete action = type.get() == RelationType.MANY_TO_ONE ? onDelete.orElse(OnDelete.SET_NULL) : null;
        if (action == OnDelete.SET_NULL && !field.element.isNullable()) {
            diagnostics.error(DiagnosticCode.INVALID_RELATION, field.element.location(),
                    "relation '" + owner.name() + "." + field.name() + "' is not nullable but its onDelete is SET_NULL",
                    "make it nullable or use onDelete: CASCADE or RESTRICT");
        }
        field.relation = new Relation(type.get(), element.targetObject().value(), element.inverseField().value(),
                Optional.ofNullable(action));
        if (target == null) {
            return;
        }
        String inverseName = element.inverseField().value();
        Optional<FieldDraft> inverse = target.fields.stream().filter(f -> f.name().equals(inverseName)).findFirst();
        if (inverse.isEmpty()) {
            diagnostics.error(DiagnosticCode.MISSING_INVERSE, element.inverseField().location(),
                    "relation '" + owner.name() + "." + field.name() + "' names inverse field '" + inverseName
                            + "', which object '" + target.name() + "' does not have",
                    DidYouMean.hint(inverseName, target.fields.stream().map(FieldDraft::name).toList())
                            .orElse("add to '" + target.name() + "': {name: " + inverseName + ", type: RELATION, relation: {type: "
                                    + type.get().inverse() + ", targetObject: " + owner.name() + ", inverseField: " + field.name() + "}}"));
            return;
        }
        FieldDraft other = inverse.get();
        Optional<RelationElement> back = other.relationElement;
        if (other.kind != FieldKind.RELATION || back.isEmpty()) {
            diagnostics.error(DiagnosticCode.MISMATCHED_INVERSE, element.inverseField().location(),
                    "inverse field '" + target.name() + "." + inverseName + "' of '" + owner.name() + "." + field.name() + "' is not a RELATION",
                    "point inverseField at a RELATION field of '" + target.name() + "'");
            return;
        }
        RelationElement b = back.get();
        boolean pointsBack = b.targetObject().value().equals(owner.name()) && b.inverseField().value().equals(field.name());
        if (!pointsBack) {
            diagnostics.error(DiagnosticCode.MISMATCHED_INVERSE, element.inverseField().location(),
                    "inverse field '" + target.name() + "." + inverseName + "' points to '" + b.targetObject().value() + "."
                            + b.inverseField().value() + "', not back to '" + owner.name() + "." + field.name() + "'",
                    "set its targetObject to '" + owner.name() + "' and its inverseField to '" + field.name() + "'");
            return;
        }
        Optional<RelationType> backType = RelationType.valueOfOptional(b.type().value());
        if (backType.isPresent() && backType.get() != type.get().inverse()) {
            diagnostics.error(DiagnosticCode.MISMATCHED_INVERSE, element.type().location(),
                    "relation '" + owner.name() + "." + field.name() + "' is " + type.get() + " and so is its inverse '"
                            + target.name() + "." + inverseName + "'",
                    "one side must be MANY_TO_ONE (it stores the join column), the other ONE_TO_MANY");
        }
    }

    private void checkObjectReferences(ObjectDraft draft) {
        ObjectElement element = draft.element;
        List<String> names = draft.fields.stream().map(FieldDraft::name).toList();
        element.labelIdentifierField().ifPresent(l -> {
            if (!names.contains(l.value())) {
                diagnostics.error(DiagnosticCode.MISSING_PROPERTY, l.location(),
                        "labelIdentifierField '" + l.value() + "' is not a field of '" + draft.name() + "'",
                        DidYouMean.hint(l.value(), names));
            }
        });
        for (Located<String> search : element.searchFields()) {
            Optional<FieldDraft> field = draft.fields.stream().filter(f -> f.name().equals(search.value())).findFirst();
            if (field.isEmpty()) {
                diagnostics.error(DiagnosticCode.MISSING_PROPERTY, search.location(),
                        "search field '" + search.value() + "' is not a field of '" + draft.name() + "'",
                        DidYouMean.hint(search.value(), names));
            } else if (!SearchVector.searchable(field.get().kind)) {
                diagnostics.error(DiagnosticCode.INVALID_SETTING, search.location(),
                        "search field '" + search.value() + "' is " + field.get().kind + ", which cannot be searched as text",
                        "search fields must be TEXT, FULL_NAME, EMAILS, PHONES or LINKS");
            }
        }
        for (List<Located<String>> group : element.duplicateCriteria()) {
            for (Located<String> path : group) {
                String fieldName = path.value().split("\\.", 2)[0];
                if (!names.contains(fieldName)) {
                    diagnostics.error(DiagnosticCode.MISSING_PROPERTY, path.location(),
                            "duplicate criterion '" + path.value() + "' is not a field of '" + draft.name() + "'",
                            DidYouMean.hint(fieldName, names));
                }
            }
        }
        checkIndexes(draft);
    }

    /** Each index names fields with columns, sub-fields of composites, no path twice, and no other index's paths. */
    private void checkIndexes(ObjectDraft draft) {
        List<String> names = draft.fields.stream().map(FieldDraft::name).toList();
        Map<List<String>, IndexElement> seen = new HashMap<>();
        for (IndexElement index : draft.indexes) {
            List<String> paths = index.fields().stream().map(Located::value).toList();
            IndexElement earlier = seen.putIfAbsent(paths, index);
            if (earlier != null) {
                diagnostics.error(DiagnosticCode.INVALID_INDEX, index.location(),
                        "'" + draft.name() + "' has the index " + paths + " twice (also at " + earlier.location() + ")", "remove one of them");
            }
            Set<String> inIndex = new HashSet<>();
            for (Located<String> path : index.fields()) {
                if (!inIndex.add(path.value())) {
                    diagnostics.error(DiagnosticCode.INVALID_INDEX, path.location(),
                            "an index of '" + draft.name() + "' names '" + path.value() + "' twice", "name each field once");
                    continue;
                }
                String[] parts = path.value().split("\\.", 2);
                Optional<FieldDraft> field = draft.fields.stream().filter(f -> f.name().equals(parts[0])).findFirst();
                if (field.isEmpty()) {
                    diagnostics.error(DiagnosticCode.INVALID_INDEX, path.location(),
                            "index field '" + path.value() + "' is not a field of '" + draft.name() + "'", DidYouMean.hint(parts[0], names));
                } else {
                    checkIndexPath(draft, field.get(), path, parts.length == 2 ? Optional.of(parts[1]) : Optional.empty());
                }
            }
        }
    }

    private void checkIndexPath(ObjectDraft draft, FieldDraft field, Located<String> path, Optional<String> subField) {
        String where = "'" + draft.name() + "." + field.name() + "'";
        if (field.columns.isEmpty()) {
            diagnostics.error(DiagnosticCode.INVALID_INDEX, path.location(), where + " is a ONE_TO_MANY relation and has no column to index",
                    "index its inverse, the MANY_TO_ONE field that holds the join column");
        } else if (field.kind == FieldKind.TS_VECTOR) {
            diagnostics.error(DiagnosticCode.INVALID_INDEX, path.location(), where + " is a search vector and has a GIN index already",
                    "remove it from the index");
        } else if (field.kind.isComposite()) {
            List<String> properties = field.kind.properties().stream().map(CompositeProperty::name).toList();
            if (subField.isEmpty()) {
                diagnostics.error(DiagnosticCode.INVALID_INDEX, path.location(), where + " is " + field.kind + ": index one of its sub-fields",
                        "for example '" + field.name() + "." + properties.get(0) + "'");
            } else if (!properties.contains(subField.get())) {
                diagnostics.error(DiagnosticCode.INVALID_INDEX, path.location(),
                        "'" + subField.get() + "' is not a sub-field of " + where + " (" + field.kind + ")",
                        DidYouMean.hint(subField.get(), properties).orElse("sub-fields: " + String.join(", ", properties)));
            }
        } else if (subField.isPresent()) {
            diagnostics.error(DiagnosticCode.INVALID_INDEX, path.location(), where + " is " + field.kind + " and has no sub-fields",
                    "index '" + field.name() + "'");
        }
    }

    private <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, Located<String> value, String what) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.value())) {
                return Optional.of(constant);
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        diagnostics.error(DiagnosticCode.INVALID_RELATION, value.location(),
                "unknown " + what + " '" + value.value() + "'",
                DidYouMean.hint(value.value(), allowed).orElse("allowed: " + String.join(", ", allowed)));
        return Optional.empty();
    }

    private static String supportedTypes() {
        return Arrays.stream(FieldKind.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Maps become sorted, so defaults and settings render the same bytes whatever their input order. */
    @SuppressWarnings("unchecked")
    static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> sorted.put(k, canonical(v)));
            return java.util.Collections.unmodifiableMap(sorted);
        } else if (value instanceof List<?> list) {
            return java.util.Collections.unmodifiableList(list.stream().map(Linker::canonical).collect(Collectors.toList()));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> canonicalSettings(Map<String, Located<Object>> settings) {
        Map<String, Object> plain = new TreeMap<>();
        settings.forEach((k, v) -> plain.put(k, v.value()));
        return (Map<String, Object>) canonical(plain);
    }

    /** Mutable working state of one object while linking. */
    private static final class ObjectDraft {
        final ObjectElement element;
        final List<FieldElement> extensions = new ArrayList<>();
        final List<FieldDraft> fields = new ArrayList<>();

        final List<IndexElement> indexes = new ArrayList<>();

        ObjectDraft(ObjectElement element) {
            this.element = element;
            indexes.addAll(element.indexes());
        }

        String name() {
            return element.nameSingular().value();
        }

        String tableName() {
            return Names.table(name(), element.isCustom());
        }

        ObjectType build(Predicate<FieldDraft> included) {
            List<Field> built = fields.stream().filter(included).map(FieldDraft::build).toList();
            String labelIdentifier = element.labelIdentifierField().map(Located::value)
                    .orElse(built.stream().anyMatch(f -> f.name().equals("name")) ? "name" : "id");
            List<String> search = element.searchFields().isEmpty()
                    ? SearchVector.defaultFields(built, labelIdentifier)
                    : element.searchFields().stream().map(Located::value).toList();
            return new ObjectType(name(), element.namePlural().value(),
                    element.labelSingular().orElse(Names.pascal(name())),
                    element.labelPlural().orElse(Names.pascal(element.namePlural().value())),
                    element.description(), element.icon(), element.isCustom(), tableName(), labelIdentifier, search,
                    element.duplicateCriteria().stream().map(g -> g.stream().map(Located::value).toList()).toList(),
                    // Sorted: indexes added from other files must not depend on the order files are read in.
                    indexes.stream().map(i -> i.fields().stream().map(Located::value).toList())
                            .sorted(Comparator.comparing(paths -> String.join(",", paths))).toList(),
                    built, element.location());
        }
    }

    /** Mutable working state of one field while linking. */
    private static final class FieldDraft {
        final FieldElement element;
        final FieldKind kind;
        List<SelectOption> options = List.of();
        Optional<Object> defaultValue = Optional.empty();
        Map<String, Object> settings = Map.of();
        Optional<RelationElement> relationElement = Optional.empty();
        Relation relation;
        List<Column> columns = List.of();
        boolean active = true;

        FieldDraft(FieldElement element, FieldKind kind) {
            this.element = element;
            this.kind = kind;
        }

        String name() {
            return element.name().value();
        }

        void buildColumns(String table) {
            columns = ColumnLayout.columns(table, name(), kind, element.isNullable(), settings, Optional.ofNullable(relation));
        }

        Field build() {
            return new Field(name(), element.label().orElse(Names.pascal(name())), element.description(), element.icon(),
                    kind, element.isNullable(), element.isUnique(), element.isCustom(), element.isSystem(), defaultValue,
                    options, settings, Optional.ofNullable(relation), columns, element.location());
        }
    }
}
