package dev.crmschema.runtime.metadata;

import dev.crmschema.compiler.SchemaCompiler;
import dev.crmschema.compiler.diag.Diagnostic;
import dev.crmschema.compiler.emit.ModelHash;
import dev.crmschema.compiler.emit.sql.SchemaMigration;
import dev.crmschema.compiler.source.MetadataFiles;
import dev.crmschema.runtime.core.AppliedDdl;
import dev.crmschema.runtime.core.WorkspaceChanges;
import dev.crmschema.runtime.core.WorkspaceRecord;
import dev.crmschema.runtime.errors.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a metadata change in two steps. {@link #prepare} validates the edited files with the compiler
 * and plans the schema migration, touching nothing. {@link #commit} then runs, in one PostgreSQL
 * transaction, the migration, the new files, ids and times, the version bump and the notification to other
 * servers: a failure anywhere leaves nothing behind.
 */
public final class MetadataWriter {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataWriter.class);

    /** A validated change, ready to commit on top of {@code base}'s version; {@code nextRecord} is the workspace after it. */
    public record Prepared(WorkspaceRecord base, WorkspaceMetadata current, ModelChange change, SchemaCompiler.Result linked,
            List<String> migration, WorkspaceMetadata next, WorkspaceRecord nextRecord) {}

    /** Another change committed since this one was prepared; prepare it again on the new version. */
    public static final class VersionConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VersionConflict() {
            super("the workspace's metadata changed meanwhile", null, false, false);
        }
    }

    private final DSLContext dsl;

    public MetadataWriter(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Prepared prepare(WorkspaceRecord base, WorkspaceMetadata current, ModelChange change) {
        MetadataFiles files = change.source().files();
        SchemaCompiler.Result linked = SchemaCompiler.check(files);
        if (!linked.succeeded()) {
            throw new InvalidMetadataException(linked.diagnostics().stream().map(Diagnostic::render).toList());
        }
        change.verify(linked);
        List<String> migration;
        try {
            migration = SchemaMigration.statements(current.all(), linked.withInactive().orElseThrow(), change.renames(),
                    base.schemaName());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        WorkspaceMetadata unstamped = WorkspaceMetadata.of(base.id(), base.metadataVersion() + 1, files, linked,
                new MetadataIds(base.id(), change.ids()), current.times());
        WorkspaceMetadata next = unstamped.withTimes(MetadataTimes.advance(current, unstamped, OffsetDateTime.now(ZoneOffset.UTC)));
        WorkspaceRecord nextRecord = base.withVersion(next.version(), ModelHash.of(linked.workspace().orElseThrow()));
        return new Prepared(base, current, change, linked, migration, next, nextRecord);
    }

    /** Commits a prepared change, or throws {@link VersionConflict} when the workspace moved on. */
    public void commit(Prepared prepared) {
        WorkspaceRecord base = prepared.base();
        long started = System.nanoTime();
        try {
            dsl.transaction(tx -> {
                DSLContext ctx = tx.dsl();
                if (MetadataStore.lockVersion(ctx, base.id()) != base.metadataVersion()) {
                    throw new VersionConflict();
                }
                // Schema changes wait for running queries on their tables; never queue behind them for long.
                ctx.execute("SET LOCAL lock_timeout = '10s'");
                for (String statement : prepared.migration()) {
                    ctx.execute(statement);
                }
                AppliedDdl.forget(ctx, base.schemaName());
                MetadataStore.writeFiles(ctx, base.id(), prepared.current().files(), prepared.next().files());
                MetadataStore.writeIds(ctx, base.id(), prepared.change().ids());
                MetadataStore.writeTimes(ctx, base.id(), prepared.current().times(), prepared.next().times());
                WorkspaceRecord next = prepared.nextRecord();
                MetadataStore.writeVersion(ctx, base.id(), next.metadataVersion(), next.modelHash());
                WorkspaceChanges.notify(ctx, base.id(), next.metadataVersion());
            });
        } catch (DataAccessException e) {
            throw refused(e);
        }
        LOG.debug("Workspace '{}' metadata version {} committed ({} schema statements, {} ms)", base.name(),
                base.metadataVersion() + 1, prepared.migration().size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The data does not allow the change (nulls, duplicates) or the tables stayed busy: 400 or 409, nothing applied. */
    private static RuntimeException refused(DataAccessException e) {
        Optional<ServerErrorMessage> server = Optional.ofNullable(e.getCause(PSQLException.class))
                .map(PSQLException::getServerErrorMessage);
        String state = e.sqlState() == null ? "" : e.sqlState();
        if (state.equals("55P03")) {
            return new ApiException(409, "ConflictException", "The workspace's tables stayed busy; retry the change", null);
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return ApiException.badRequest("The records do not allow this change: "
                    + server.map(ServerErrorMessage::getMessage).orElse("a constraint failed"));
        }
        return e;
    }
}
