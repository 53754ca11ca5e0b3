package dev.crmschema.runtime.metadata;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.diag.CompilationException;
import dev.crmschema.compiler.model.Field;
import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a workspace's metadata as the metadata API shows it: every object and field, inactive
 * ones included, with ids. Immutable; built from the stored files and ids.
 */
public final class WorkspaceMetadata {
    /** A field together with the object it belongs to. */
    public record OwnedField(ObjectType object, Field field) {}

    private final UUID workspaceId;
    private final long version;
    private final MetadataFiles files;
    private final Workspace active;
    private final Workspace all;
    private final MetadataIds ids;
    private final MetadataTimes times;
    private final Map<UUID, ObjectType> objectsById;
    private final Map<UUID, OwnedField> fieldsById;
    private final Map<String, Boolean> declaredFieldActivity;

    private WorkspaceMetadata(UUID workspaceId, long version, MetadataFiles files, Workspace active, Workspace all, MetadataIds ids,
            MetadataTimes times) {
        this.workspaceId = workspaceId;
        this.version = version;
        this.files = files;
        this.active = active;
        this.all = all;
        this.ids = ids;
        this.times = times;
        this.objectsById = new LinkedHashMap<>();
        this.fieldsById = new LinkedHashMap<>();
        this.declaredFieldActivity = new LinkedHashMap<>();
        for (ObjectType object : all.objects()) {
            objectsById.put(ids.object(object.nameSingular()), object);
            for (Field field : object.fields()) {
                fieldsById.put(ids.field(object.nameSingular(), field.name()), new OwnedField(object, field));
            }
        }
        WorkspaceSource source = WorkspaceSource.of(files);
        for (ObjectType object : all.objects()) {
            source.fields(object.nameSingular()).forEach(f -> declaredFieldActivity.put(
                    object.nameSingular() + "." + f.name(), f.node().path("isActive").asBoolean(true)));
        }
    }

    private WorkspaceMetadata(WorkspaceMetadata metadata, MetadataTimes times) {
        this.workspaceId = metadata.workspaceId;
        this.version = metadata.version;
        this.files = metadata.files;
        this.active = metadata.active;
        this.all = metadata.all;
        this.ids = metadata.ids;
        this.times = times;
        this.objectsById = metadata.objectsById;
        this.fieldsById = metadata.fieldsById;
        this.declaredFieldActivity = metadata.declaredFieldActivity;
    }

    /** Links stored files that are known to be valid (every stored version was validated when written). */
    public static WorkspaceMetadata of(UUID workspaceId, long version, MetadataFiles files, MetadataIds ids, MetadataTimes times) {
        SchemaCompiler.Result result = SchemaCompiler.check(files);
        if (!result.succeeded()) {
            throw new CompilationException(result.diagnostics());
        }
        return of(workspaceId, version, files, result, ids, times);
    }

    public static WorkspaceMetadata of(UUID workspaceId, long version, MetadataFiles files, SchemaCompiler.Result linked, MetadataIds ids,
            MetadataTimes times) {
        return new WorkspaceMetadata(workspaceId, version, files, linked.workspace().orElseThrow(),
                linked.withInactive().orElseThrow(), ids, times);
    }

    /** The same metadata with other times (a change's, once it knows what it changed). */
    WorkspaceMetadata withTimes(MetadataTimes other) {
        return new WorkspaceMetadata(this, other);
    }

    public UUID workspaceId() {
        return workspaceId;
    }

    public long version() {
        return version;
    }

    public MetadataFiles files() {
        return files;
    }

    /** The model the API serves. */
    public Workspace active() {
        return active;
    }

    /** The model with inactive objects and fields, which keep their storage. */
    public Workspace all() {
        return all;
    }

    public MetadataIds ids() {
        return ids;
    }

    public MetadataTimes times() {
        return times;
    }

    public UUID id(ObjectType object) {
        return ids.object(object.nameSingular());
    }

    public UUID id(ObjectType object, Field field) {
        return ids.field(object.nameSingular(), field.name());
    }

    public boolean isActive(ObjectType object) {
        return active.object(object.nameSingular()).isPresent();
    }

    /**
     * A field of an active object is active when the API serves it (a relation whose other side is
     * inactive is not); a field of an inactive object reports its own flag.
     */
    public boolean isActive(ObjectType object, Field field) {
        return active.object(object.nameSingular())
                .map(served -> served.field(field.name()).isPresent())
                .orElseGet(() -> declaredFieldActivity.getOrDefault(object.nameSingular() + "." + field.name(), true));
    }

    /** An object by id (any case), or by its singular or plural name. */
    public Optional<ObjectType> object(String idOrName) {
        Optional<UUID> id = parseId(idOrName);
        if (id.isPresent()) {
            return Optional.ofNullable(objectsById.get(id.get()));
        }
        return all.object(idOrName).or(() -> all.objectByPlural(idOrName));
    }

    public Optional<ObjectType> object(UUID id) {
        return Optional.ofNullable(objectsById.get(id));
    }

    public Optional<OwnedField> field(UUID id) {
        return Optional.ofNullable(fieldsById.get(id));
    }

    public Map<UUID, OwnedField> fieldsById() {
        return fieldsById;
    }

    static Optional<UUID> parseId(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text.toLowerCase(Locale.ROOT)) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
