package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.crmschema.compiler.source.MetadataFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A workspace's metadata files (the compiler's format) as trees that metadata changes edit. Files nobody
 * touched keep their exact text; a touched file is written back from its tree, so it loses its comments
 * and layout but keeps its meaning. Objects the API creates go to {@code api/objects/<name>.yaml}, fields
 * it adds to objects that no file defines (standard objects) to {@code api/fields/<object>.yaml}.
 */
public final class WorkspaceSource {
    /** An object definition and the file it is in. */
    public record ObjectEntry(String path, ObjectNode node) {
        public String name() {
            return node.path("nameSingular").asText();
        }
    }

    /** A field definition, the list that holds it and its file. */
    public record FieldEntry(String path, ArrayNode list, ObjectNode node) {
        public String name() {
            return node.path("name").asText();
        }
    }

    /** An index definition, the list that holds it and its file. */
    private record IndexEntry(String path, ArrayNode list, ObjectNode node) {
        boolean covers(String field) {
            for (JsonNode path : node.path("fields")) {
                if (path.asText().equals(field) || path.asText().startsWith(field + ".")) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, String> texts;
    private final Map<String, ObjectNode> trees = new TreeMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    private WorkspaceSource(MetadataFiles files) {
        this.texts = new TreeMap<>(files.byPath());
        files.byPath().forEach((path, text) -> trees.put(path, parse(path, text)));
    }

    /** A workspace's files; edits expect files the compiler accepted (every file a mapping of the format's shape). */
    public static WorkspaceSource of(MetadataFiles files) {
        return new WorkspaceSource(files);
    }

    /** The files as they are now: untouched ones verbatim, changed ones rendered from their trees. */
    public MetadataFiles files() {
        Map<String, String> files = new TreeMap<>();
        trees.forEach((path, tree) -> files.put(path, changed.contains(path) ? render(path, tree) : texts.get(path)));
        return new MetadataFiles(files);
    }

    public List<ObjectEntry> objects() {
        List<ObjectEntry> objects = new ArrayList<>();
        trees.forEach((path, tree) -> tree.path("objects").forEach(o -> objects.add(new ObjectEntry(path, (ObjectNode) o))));
        return objects;
    }

    public Optional<ObjectEntry> object(String name) {
        return objects().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Fields declared for {@code object}: inside its definition, and added to it from any file. */
    public List<FieldEntry> fields(String object) {
        return declared(object, "fields", FieldEntry::new);
    }

    /** One item of a list under {@code key}, with that list and its file. */
    private interface Entry<T> {
        T of(String path, ArrayNode list, ObjectNode node);
    }

    /**
     * The items under {@code key} that belong to {@code object}: those in its own definition, then those of
     * top-level lists (in any file) that name it with {@code object:}.
     */
    private <T> List<T> declared(String object, String key, Entry<T> entry) {
        List<T> items = new ArrayList<>();
        object(object).ifPresent(o -> {
            if (o.node().path(key) instanceof ArrayNode list) {
                list.forEach(item -> items.add(entry.of(o.path(), list, (ObjectNode) item)));
            }
        });
        trees.forEach((path, tree) -> {
            if (tree.path(key) instanceof ArrayNode list) {
                list.forEach(item -> {
                    if (item.path("object").asText().equals(object)) {
                        items.add(entry.of(path, list, (ObjectNode) item));
                    }
                });
            }
        });
        return items;
    }

    public Optional<FieldEntry> field(String object, String field) {
        return fields(object).stream().filter(f -> f.name().equals(field)).findFirst();
    }

    public void addObject(ObjectNode definition) {
        String path = freePath("api/objects/" + definition.path("nameSingular").asText());
        ObjectNode tree = NODES.objectNode();
        tree.putArray("objects").add(definition);
        trees.put(path, tree);
        changed.add(path);
    }

    /** Adds a field to an object: into its definition when a file defines it, else as an added field. */
    public void addField(String object, ObjectNode definition) {
        Optional<ObjectEntry> owner = object(object);
        if (owner.isPresent()) {
            owner.get().node().withArray("fields").add(definition);
            changed.add(owner.get().path());
            return;
        }
        String path = "api/fields/" + object + ".yaml";
        ObjectNode tree = trees.computeIfAbsent(path, p -> NODES.objectNode());
        ObjectNode added = NODES.objectNode().put("object", object);
        added.setAll(definition);
        tree.withArray("fields").add(added);
        changed.add(path);
    }

    /** Removes an object; the indexes other files add to it go too (its own go with its definition). */
    public void removeObject(ObjectEntry entry) {
        for (IndexEntry index : indexes(entry.name())) {
            if (index.list() != entry.node().get("indexes")) {
                remove(index.path(), index.list(), index.node());
            }
        }
        ArrayNode list = (ArrayNode) trees.get(entry.path()).get("objects");
        remove(entry.path(), list, entry.node());
    }

    /** Removes a field, and every index that covers it: an index goes with any of its columns, as in PostgreSQL. */
    public void removeField(FieldEntry entry) {
        String owner = entry.node().has("object") ? entry.node().path("object").asText()
                : objects().stream().filter(o -> o.node().get("fields") == entry.list()).map(ObjectEntry::name).findFirst().orElse("");
        for (IndexEntry index : indexes(owner)) {
            if (index.covers(entry.name())) {
                remove(index.path(), index.list(), index.node());
            }
        }
        remove(entry.path(), entry.list(), entry.node());
    }

    /** Marks a node's file as changed after an edit in place. */
    public void touched(String path) {
        changed.add(path);
    }

    /** Renames an object and every reference to it: relation targets and fields added to it. */
    public void renameObject(String from, String to) {
        ObjectEntry entry = object(from).orElseThrow();
        entry.node().put("nameSingular", to);
        changed.add(entry.path());
        trees.forEach((path, tree) -> visitFields(tree, field -> {
            boolean touched = false;
            if (field.path("object").asText().equals(from)) {
                field.put("object", to);
                touched = true;
            }
            if (field.path("relation") instanceof ObjectNode relation && relation.path("targetObject").asText().equals(from)) {
                relation.put("targetObject", to);
                touched = true;
            }
            if (touched) {
                changed.add(path);
            }
        }));
        for (IndexEntry index : indexes(from)) {
            if (index.node().has("object")) {
                index.node().put("object", to);
                changed.add(index.path());
            }
        }
        String apiPath = "api/objects/" + from + ".yaml";
        if (entry.path().equals(apiPath) && trees.get(apiPath).path("objects").size() == 1) {
            String moved = freePath("api/objects/" + to);
            trees.put(moved, trees.remove(apiPath));
            changed.add(moved);
        }
    }

    /**
     * Renames a field and every reference to it: the inverse field's relation, and the object's label
     * identifier, search fields, duplicate criteria and indexes.
     */
    public void renameField(String object, String from, String to) {
        for (IndexEntry index : indexes(object)) {
            if (index.covers(from)) {
                renamePaths((ArrayNode) index.node().get("fields"), from, to);
                changed.add(index.path());
            }
        }
        FieldEntry entry = field(object, from).orElseThrow();
        entry.node().put("name", to);
        changed.add(entry.path());
        trees.forEach((path, tree) -> visitFields(tree, field -> {
            if (field.path("relation") instanceof ObjectNode relation && relation.path("targetObject").asText().equals(object)
                    && relation.path("inverseField").asText().equals(from)) {
                relation.put("inverseField", to);
                changed.add(path);
            }
        }));
        object(object).ifPresent(owner -> {
            ObjectNode node = owner.node();
            if (node.path("labelIdentifierField").asText().equals(from)) {
                node.put("labelIdentifierField", to);
            }
            if (node.path("searchFields") instanceof ArrayNode search) {
                for (int i = 0; i < search.size(); i++) {
                    if (search.get(i).asText().equals(from)) {
                        search.set(i, TextNode.valueOf(to));
                    }
                }
            }
            node.path("duplicateCriteria").forEach(group -> renamePaths((ArrayNode) group, from, to));
            changed.add(owner.path());
        });
    }

    /** Field paths ({@code name} or {@code name.subField}) that start with field {@code from} start with {@code to} instead. */
    private static void renamePaths(ArrayNode paths, String from, String to) {
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i).asText();
            if (path.equals(from) || path.startsWith(from + ".")) {
                paths.set(i, TextNode.valueOf(to + path.substring(from.length())));
            }
        }
    }

    /** Indexes of {@code object}: inside its definition, and added to it from any file. */
    private List<IndexEntry> indexes(String object) {
        return declared(object, "indexes", IndexEntry::new);
    }

    private void remove(String path, ArrayNode list, JsonNode node) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == node) {
                list.remove(i);
                break;
            }
        }
        ObjectNode tree = trees.get(path);
        boolean empty = tree.path("objects").isEmpty() && tree.path("fields").isEmpty() && tree.path("indexes").isEmpty()
                && !tree.has("workspace");
        if (empty) {
            trees.remove(path);
        }
        changed.add(path);
    }

    private static void visitFields(ObjectNode tree, Consumer<ObjectNode> visitor) {
        tree.path("fields").forEach(f -> visitor.accept((ObjectNode) f));
        tree.path("objects").forEach(o -> o.path("fields").forEach(f -> visitor.accept((ObjectNode) f)));
    }

    private String freePath(String stem) {
        String path = stem + ".yaml";
        for (int n = 2; trees.containsKey(path) || texts.containsKey(path); n++) {
            path = stem + "-" + n + ".yaml";
        }
        return path;
    }

    /** A file that does not parse becomes an empty tree; it keeps its text, and the compiler reports it. */
    private static ObjectNode parse(String path, String text) {
        try {
            JsonNode tree = (path.endsWith(".json") ? JSON : YAML).readTree(text);
            return tree instanceof ObjectNode object ? object : NODES.objectNode();
        } catch (JsonProcessingException e) {
            return NODES.objectNode();
        }
    }

    private static String render(String path, ObjectNode tree) {
        try {
            return (path.endsWith(".json") ? JSON : YAML).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render metadata file " + path, e);
        }
    }
}
