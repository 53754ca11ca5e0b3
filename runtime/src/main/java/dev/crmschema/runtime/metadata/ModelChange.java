package dev.crmschema.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.emit.sql.ModelRenames;
import dev.crmschema.runtime.metadata.MetadataIds.Key;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One metadata change being put together: the edited files, the ids to store afterwards, what was
 * renamed (so the schema migration keeps data), and how to answer once the change is applied.
 */
public final class ModelChange {
    private final WorkspaceMetadata current;
    private final WorkspaceSource source;
    private final Map<Key, UUID> ids;
    private final Map<String, String> objectRenames = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> fieldRenames = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> optionRenames = new LinkedHashMap<>();
    private Function<WorkspaceMetadata, JsonNode> answer = next -> null;
    private Consumer<SchemaCompiler.Result> verification = linked -> {};
    private int status = 200;

    public ModelChange(WorkspaceMetadata current, WorkspaceSource source) {
        this.current = current;
        this.source = source;
        this.ids = new LinkedHashMap<>(current.ids().stored());
    }

    public WorkspaceMetadata current() {
        return current;
    }

    public WorkspaceSource source() {
        return source;
    }

    /** The ids to store once the change is applied. */
    public Map<Key, UUID> ids() {
        return ids;
    }

    public ModelRenames renames() {
        return new ModelRenames(objectRenames, fieldRenames, optionRenames);
    }

    public void answer(int status, Function<WorkspaceMetadata, JsonNode> answer) {
        this.status = status;
        this.answer = answer;
    }

    /** A check of the linked result beyond the compiler's own (an import may not drop active parts). */
    public void verifyWith(Consumer<SchemaCompiler.Result> check) {
        this.verification = check;
    }

    void verify(SchemaCompiler.Result linked) {
        verification.accept(linked);
    }

    public int status() {
        return status;
    }

    public JsonNode answer(WorkspaceMetadata next) {
        return answer.apply(next);
    }

    /** A new object keeps the id derived from its name unless something else has that id. */
    public void claimObjectId(String name) {
        claim(Key.object(name), nextIds().derivedObject(name));
    }

    public void claimFieldId(String object, String field) {
        claim(new Key(object, field), nextIds().derivedField(object, field));
    }

    public void renameObject(String from, String to) {
        UUID id = current.ids().object(from);
        Map<Key, UUID> moved = new LinkedHashMap<>();
        ids.entrySet().removeIf(e -> {
            if (e.getKey().object().equals(from)) {
                moved.put(new Key(to, e.getKey().field()), e.getValue());
                return true;
            }
            return false;
        });
        ids.putAll(moved);
        ids.put(Key.object(to), id);
        objectRenames.put(from, to);
    }

    /** Renames a field of {@code object} (by the object's name after this change). */
    public void renameField(String object, String previousObjectName, String from, String to) {
        UUID id = current.ids().field(previousObjectName, from);
        ids.remove(new Key(object, from));
        ids.put(new Key(object, to), id);
        fieldRenames.computeIfAbsent(object, o -> new LinkedHashMap<>()).put(from, to);
    }

    public void renameOptions(String object, String field, Map<String, String> renames) {
        if (!renames.isEmpty()) {
            optionRenames.put(object + "." + field, Map.copyOf(renames));
        }
    }

    public void forgetObject(String name) {
        ids.keySet().removeIf(key -> key.object().equals(name));
    }

    public void forgetField(String object, String field) {
        ids.remove(new Key(object, field));
    }

    private void claim(Key key, UUID derived) {
        boolean taken = ids.containsValue(derived) || current.ids().stored().containsValue(derived)
                || current.object(derived).isPresent() || current.field(derived).isPresent();
        if (taken) {
            ids.put(key, UUID.randomUUID());
        }
    }

    private MetadataIds nextIds() {
        return new MetadataIds(current.workspaceId(), ids);
    }
}
