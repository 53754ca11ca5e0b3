package dev.crmschema.runtime.workspace;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.diag.CompilationException;
import dev.crmschema.compiler.emit.ModelHash;
import dev.crmschema.compiler.emit.sql.DdlWriter;
import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.core.AppliedDdl;
import dev.crmschema.runtime.core.RecordChanges;
import dev.crmschema.runtime.core.WorkspaceChanges;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.core.WorkspaceStore;
import dev.crmschema.runtime.graphql.GraphqlConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates workspaces and loads them into the registry. Creation validates the metadata with the
 * compiler, then stores it and creates the workspace's schema in one transaction, so a failure leaves
 * nothing behind.
 */
public final class WorkspaceService {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceService.class);
    /** The first key of the advisory locks that serialize migrations of one schema (the second is the schema's hash). */
    private static final int SCHEMA_LOCK_CLASS = 0x43524d;

    private final DSLContext dsl;
    private final WorkspaceStore store;
    private final ModelClasses classes;
    private final SharedModels models;
    private final WorkspaceRegistry registry;

    /** For commands that create workspaces but serve none: snapshots get the default GraphQL limits. */
    public WorkspaceService(DSLContext dsl, ModelClasses classes, WorkspaceRegistry registry) {
        this(dsl, classes, registry, new GraphqlConfiguration());
    }

    public WorkspaceService(DSLContext dsl, ModelClasses classes, WorkspaceRegistry registry, GraphqlConfiguration graphqlLimits) {
        this.dsl = dsl;
        this.store = new WorkspaceStore(dsl);
        this.classes = classes;
        this.models = new SharedModels(classes, graphqlLimits);
        this.registry = registry;
    }

    public WorkspaceStore store() {
        return store;
    }

    /**
     * Creates a workspace from metadata files; throws {@link CompilationException} with every
     * diagnostic when they are invalid, or {@link IllegalArgumentException} when the name is taken.
     */
    public WorkspaceRecord create(MetadataFiles files) {
        SchemaCompiler.Result linked = link(files);
        Workspace model = linked.workspace().orElseThrow();
        if (store.byName(model.name()).isPresent()) {
            throw new IllegalArgumentException("a workspace named '" + model.name() + "' already exists");
        }
        UUID id = UUID.randomUUID();
        WorkspaceRecord record = new WorkspaceRecord(id, model.name(), model.displayName(),
                WorkspaceStore.schemaNameFor(id), ModelHash.of(model), null);
        dsl.transaction(tx -> {
            WorkspaceStore.insert(tx.dsl(), record, files);
            migrateSchema(tx.dsl(), linked.withInactive().orElseThrow(), record.schemaName());
            WorkspaceChanges.notify(tx.dsl(), id, record.metadataVersion());
        });
        LOG.info("Created workspace '{}' in schema {}", model.name(), record.schemaName());
        return store.byName(model.name()).orElseThrow();
    }

    /**
     * Loads every stored workspace into the registry, bringing each schema up to date first. Every
     * workspace's precompiled classes are adopted before any model is compiled, so a model with
     * precompiled classes is never compiled again for a workspace of another name. Only workspaces whose
     * name has precompiled classes are linked ahead; the others are linked as they load, so a thousand
     * linked models are never in memory at once.
     */
    public int loadAll() {
        List<WorkspaceRecord> all = store.list();
        Map<UUID, SchemaCompiler.Result> linked = new LinkedHashMap<>();
        for (WorkspaceRecord record : all) {
            if (classes.hasPrecompiled(record.name())) {
                SchemaCompiler.Result result = link(store.files(record.id()));
                linked.put(record.id(), result);
                Workspace model = result.workspace().orElseThrow();
                classes.adoptPrecompiled(model, ModelHash.of(model));
            }
        }
        for (WorkspaceRecord record : all) {
            SchemaCompiler.Result result = linked.remove(record.id());
            load(record, result != null ? result : link(store.files(record.id())));
        }
        return all.size();
    }

    public WorkspaceSnapshot load(WorkspaceRecord record) {
        return load(record, link(store.files(record.id())));
    }

    private WorkspaceSnapshot load(WorkspaceRecord record, SchemaCompiler.Result linked) {
        long started = System.nanoTime();
        Workspace model = linked.workspace().orElseThrow();
        dsl.transaction(tx -> migrateSchema(tx.dsl(), linked.withInactive().orElseThrow(), record.schemaName()));
        WorkspaceSnapshot snapshot = prepare(record, model);
        registry.put(snapshot);
        LOG.info("Loaded workspace '{}' ({} objects) in {} ms", record.name(), model.objects().size(),
                (System.nanoTime() - started) / 1_000_000);
        return snapshot;
    }

    /**
     * Builds the snapshot that serves {@code model} without touching the database or the registry: a
     * metadata change prepares the next snapshot before it commits, then swaps it in. Classes, documents
     * and GraphQL schema are built only for a model no other snapshot has; otherwise they are shared.
     */
    public WorkspaceSnapshot prepare(WorkspaceRecord record, Workspace model) {
        SharedModel shared = models.of(model, ModelHash.of(model));
        return new WorkspaceSnapshot(record, shared.serving(model), shared);
    }

    /** The models built so far and still served (see {@link SharedModels}). */
    public SharedModels models() {
        return models;
    }

    public WorkspaceRegistry registry() {
        return registry;
    }

    public Optional<WorkspaceSnapshot> snapshot(UUID workspaceId) {
        return registry.get(workspaceId);
    }

    private static SchemaCompiler.Result link(MetadataFiles files) {
        SchemaCompiler.Result result = SchemaCompiler.check(files);
        if (!result.succeeded()) {
            throw new CompilationException(result.diagnostics());
        }
        return result;
    }

    /**
     * Idempotent: every statement is "if not exists", so it also brings an older schema up to date. The
     * model includes inactive objects and fields: they keep their storage. Every table gets the trigger that
     * logs its writes ({@link RecordChanges}). Statements the schema already received are not run again
     * ({@link AppliedDdl}).
     */
    private static void migrateSchema(DSLContext tx, Workspace model, String schema) {
        // One server at a time per schema: two servers loading a changed workspace together would otherwise both
        // find a table or trigger missing and both create it.
        tx.execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", SCHEMA_LOCK_CLASS, schema);
        List<String> statements = DdlWriter.statements(model, schema);
        // The trigger's text counts too: a server whose trigger differs runs everything again, tracking included.
        String digest = AppliedDdl.digest(Stream.concat(statements.stream(), Stream.of(RecordChanges.TRIGGER)).toList());
        if (AppliedDdl.isCurrent(tx, schema, digest)) {
            return;
        }
        for (String statement : statements) {
            tx.execute(statement);
        }
        RecordChanges.track(tx, schema);
        AppliedDdl.record(tx, schema, digest);
    }
}
