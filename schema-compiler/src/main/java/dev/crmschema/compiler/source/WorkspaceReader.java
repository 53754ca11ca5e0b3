package dev.crmschema.compiler.source;

import dev.crmschema.compiler.diag.DiagnosticCode;
import dev.crmschema.compiler.diag.Diagnostics;
import dev.crmschema.compiler.diag.SourceLocation;
import dev.crmschema.compiler.syntax.FieldElement;
import dev.crmschema.compiler.syntax.IndexElement;
import dev.crmschema.compiler.syntax.Located;
import dev.crmschema.compiler.syntax.ObjectElement;
import dev.crmschema.compiler.syntax.OptionElement;
import dev.crmschema.compiler.syntax.RelationElement;
import dev.crmschema.compiler.syntax.WorkspaceElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a workspace's metadata files into syntax elements. The format is documented in
 * {@code schema-compiler/README.md}; its vocabulary is the metadata API's.
 */
public final class WorkspaceReader {
    private static final Set<String> FILE_KEYS = Set.of("workspace", "objects", "fields", "indexes");
    private static final Set<String> WORKSPACE_KEYS = Set.of("name", "displayName", "description", "standardObjects");
    private static final Set<String> OBJECT_KEYS = Set.of("nameSingular", "namePlural", "labelSingular", "labelPlural",
            "description", "icon", "isCustom", "isActive", "labelIdentifierField", "searchFields", "duplicateCriteria", "indexes", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("name", "label", "type", "description", "icon", "isNullable",
            "isUnique", "isCustom", "isSystem", "isActive", "defaultValue", "options", "settings", "relation");
    private static final Set<String> EXTENSION_FIELD_KEYS = union(FIELD_KEYS, Set.of("object"));
    private static final Set<String> INDEX_KEYS = Set.of("fields");
    private static final Set<String> EXTENSION_INDEX_KEYS = union(INDEX_KEYS, Set.of("object"));
    private static final Set<String> OPTION_KEYS = Set.of("id", "value", "label", "position", "color");
    private static final Set<String> RELATION_KEYS = Set.of("type", "targetObject", "inverseField", "onDelete");

    private final Diagnostics diagnostics;
    private final boolean customByDefault;

    private WorkspaceReader(Diagnostics diagnostics, boolean customByDefault) {
        this.diagnostics = diagnostics;
        this.customByDefault = customByDefault;
    }

    /** Reads a workspace folder's files. {@code workspace.yaml} must exist and name the workspace. */
    public static WorkspaceElement read(MetadataFiles files, Diagnostics diagnostics) {
        return new WorkspaceReader(diagnostics, true).readWorkspace(files);
    }

    /** Reads the built-in template of standard objects: same format, objects default to isCustom false. */
    public static WorkspaceElement readTemplate(MetadataFiles files, Diagnostics diagnostics) {
        return new WorkspaceReader(diagnostics, false).readWorkspace(files);
    }

    private WorkspaceElement readWorkspace(MetadataFiles files) {
        Located<String> name = new Located<>("workspace", new SourceLocation(MetadataFiles.WORKSPACE_FILE, "", 1, 1));
        Optional<String> displayName = Optional.empty();
        Optional<String> description = Optional.empty();
        boolean standardObjects = true;
        boolean sawHeader = false;
        List<ObjectElement> objects = new ArrayList<>();
        List<FieldElement> extensions = new ArrayList<>();
        List<IndexElement> indexExtensions = new ArrayList<>();

        for (Map.Entry<String, String> file : files.byPath().entrySet()) {
            Optional<SourceNode> root = SourceReader.read(file.getKey(), file.getValue(), diagnostics);
            if (root.isEmpty()) {
                continue;
            }
            Optional<MappingReader> top = MappingReader.of(root.get(), "a metadata file", FILE_KEYS, diagnostics);
            if (top.isEmpty()) {
                continue;
            }
            Optional<SourceNode> header = top.get().node("workspace");
            if (header.isPresent()) {
                if (!file.getKey().equals(MetadataFiles.WORKSPACE_FILE)) {
                    diagnostics.error(DiagnosticCode.UNKNOWN_PROPERTY, header.get().location(),
                            "the 'workspace' header belongs in " + MetadataFiles.WORKSPACE_FILE,
                            "move it to " + MetadataFiles.WORKSPACE_FILE + " at the workspace folder's root");
                } else {
                    Optional<MappingReader> w = MappingReader.of(header.get(), "the workspace header", WORKSPACE_KEYS, diagnostics);
                    if (w.isPresent()) {
                        sawHeader = true;
                        Optional<Located<String>> n = w.get().requiredString("name", "the workspace header");
                        if (n.isPresent()) {
                            name = n.get();
                        }
                        displayName = w.get().text("displayName");
                        description = w.get().text("description");
                        standardObjects = w.get().bool("standardObjects", true);
                    }
                }
            }
            for (SourceNode objectNode : top.get().list("objects")) {
                readObject(objectNode).ifPresent(objects::add);
            }
            for (SourceNode fieldNode : top.get().list("fields")) {
                readField(fieldNode, true).ifPresent(extensions::add);
            }
            for (SourceNode indexNode : top.get().list("indexes")) {
                readIndex(indexNode, true).ifPresent(indexExtensions::add);
            }
        }
        if (!sawHeader) {
            diagnostics.error(DiagnosticCode.NO_METADATA, new SourceLocation(MetadataFiles.WORKSPACE_FILE, "", 1, 1),
                    "no workspace header found: " + MetadataFiles.WORKSPACE_FILE + " must contain 'workspace: {name: ...}'",
                    "create " + MetadataFiles.WORKSPACE_FILE + " with 'workspace:' and a camelCase 'name'");
        }
        // Every list of the elements is unmodifiable: the standard template's elements are shared by every link.
        return new WorkspaceElement(name, displayName, description, standardObjects, List.copyOf(objects),
                List.copyOf(extensions), List.copyOf(indexExtensions), new SourceLocation(MetadataFiles.WORKSPACE_FILE, "", 1, 1));
    }

    private Optional<ObjectElement> readObject(SourceNode node) {
        Optional<MappingReader> maybe = MappingReader.of(node, "an object", OBJECT_KEYS, diagnostics);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        MappingReader o = maybe.get();
        Optional<Located<String>> singular = o.requiredString("nameSingular", "an object");
        Optional<Located<String>> plural = o.requiredString("namePlural", "an object");
        List<FieldElement> fields = new ArrayList<>();
        for (SourceNode fieldNode : o.list("fields")) {
            readField(fieldNode, false).ifPresent(fields::add);
        }
        List<IndexElement> indexes = new ArrayList<>();
        for (SourceNode indexNode : o.list("indexes")) {
            readIndex(indexNode, false).ifPresent(indexes::add);
        }
        List<List<Located<String>>> criteria = new ArrayList<>();
        for (SourceNode group : o.list("duplicateCriteria")) {
            if (group instanceof SourceNode.ListNode list) {
                List<Located<String>> names = new ArrayList<>();
                for (SourceNode item : list.items()) {
                    if (item instanceof SourceNode.ScalarNode s && s.value() instanceof String text) {
                        names.add(new Located<>(text, s.location()));
                    } else {
                        diagnostics.error(DiagnosticCode.WRONG_VALUE_TYPE, item.location(),
                                "duplicate criteria must list field names, found " + item.kindName());
                    }
                }
                criteria.add(List.copyOf(names));
            } else {
                diagnostics.error(DiagnosticCode.WRONG_VALUE_TYPE, group.location(),
                        "each duplicate criterion must be a list of field names, found " + group.kindName());
            }
        }
        if (singular.isEmpty() || plural.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ObjectElement(singular.get(), plural.get(),
                o.text("labelSingular"), o.text("labelPlural"), o.text("description"), o.text("icon"),
                o.bool("isCustom", customByDefault), o.bool("isActive", true),
                o.string("labelIdentifierField"), o.strings("searchFields"), List.copyOf(criteria),
                List.copyOf(indexes), List.copyOf(fields), o.location()));
    }

    private Optional<IndexElement> readIndex(SourceNode node, boolean extension) {
        String what = extension ? "an index added to an object" : "an index";
        Optional<MappingReader> maybe = MappingReader.of(node, what, extension ? EXTENSION_INDEX_KEYS : INDEX_KEYS, diagnostics);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        MappingReader i = maybe.get();
        Optional<Located<String>> object = extension ? i.requiredString("object", what) : Optional.empty();
        List<Located<String>> fields = i.strings("fields");
        boolean noneListed = i.node("fields").map(n -> n instanceof SourceNode.ListNode list && list.items().isEmpty()).orElse(true);
        if (noneListed) {
            diagnostics.error(DiagnosticCode.MISSING_PROPERTY, i.node("fields").map(SourceNode::location).orElse(i.location()),
                    what + " needs at least one field in 'fields'",
                    "list the fields it covers, in order, for example fields: [address.addressCity]");
        }
        if (fields.isEmpty() || (extension && object.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new IndexElement(object, fields, i.location()));
    }

    private Optional<FieldElement> readField(SourceNode node, boolean extension) {
        String what = extension ? "a field added to an object" : "a field";
        Optional<MappingReader> maybe = MappingReader.of(node, what, extension ? EXTENSION_FIELD_KEYS : FIELD_KEYS, diagnostics);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        MappingReader f = maybe.get();
        Optional<Located<String>> object = extension ? f.requiredString("object", what) : Optional.empty();
        Optional<Located<String>> name = f.requiredString("name", what);
        Optional<Located<String>> type = f.requiredString("type", what);

        List<OptionElement> options = new ArrayList<>();
        for (SourceNode optionNode : f.list("options")) {
            readOption(optionNode).ifPresent(options::add);
        }
        Map<String, Located<Object>> settings = new LinkedHashMap<>();
        f.node("settings").ifPresent(s -> {
            if (s instanceof SourceNode.MapNode map) {
                map.entries().forEach((k, v) -> settings.put(k, new Located<>(MappingReader.plain(v), v.location())));
            } else if (!(s instanceof SourceNode.ScalarNode sc && sc.value() == null)) {
                diagnostics.error(DiagnosticCode.WRONG_VALUE_TYPE, s.location(), "'settings' must be a mapping, found " + s.kindName());
            }
        });
        Optional<RelationElement> relation = f.node("relation").flatMap(this::readRelation);
        Optional<Located<Object>> defaultValue = f.node("defaultValue")
                .map(d -> new Located<>(MappingReader.plain(d), d.location()));

        if (name.isEmpty() || type.isEmpty() || (extension && object.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new FieldElement(object, name.get(), f.text("label"), type.get(), f.text("description"),
                f.text("icon"), f.bool("isNullable", true), f.bool("isUnique", false),
                f.bool("isCustom", customByDefault || extension), f.bool("isSystem", false),
                f.bool("isActive", true), defaultValue, List.copyOf(options), java.util.Collections.unmodifiableMap(settings), relation,
                f.location()));
    }

    private Optional<OptionElement> readOption(SourceNode node) {
        Optional<MappingReader> maybe = MappingReader.of(node, "an option", OPTION_KEYS, diagnostics);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        MappingReader o = maybe.get();
        Optional<Located<String>> value = o.requiredString("value", "an option");
        return value.map(v -> new OptionElement(v, o.text("label"), o.integer("position"), o.text("color"), o.location()));
    }

    private Optional<RelationElement> readRelation(SourceNode node) {
        Optional<MappingReader> maybe = MappingReader.of(node, "a relation", RELATION_KEYS, diagnostics);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        MappingReader r = maybe.get();
        Optional<Located<String>> type = r.requiredString("type", "a relation");
        Optional<Located<String>> target = r.requiredString("targetObject", "a relation");
        Optional<Located<String>> inverse = r.requiredString("inverseField", "a relation");
        if (type.isEmpty() || target.isEmpty() || inverse.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RelationElement(type.get(), target.get(), inverse.get(), r.string("onDelete"), r.location()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return java.util.Collections.unmodifiableSet(all);
    }
}
