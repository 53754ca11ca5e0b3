package dev.crmschema.runtime.auth;

import dev.crmschema.runtime.db.JdbcQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Creates, lists, changes, regenerates, revokes, deletes and verifies API keys in {@code core.api_key}.
 * Every read joins the key's role, so one statement gives a request its key and its role's version.
 * Verification reads through an {@link ApiKeyCache}, which every write here empties before it returns.
 */
public final class ApiKeyStore {
    private static final String SELECT = "SELECT k.id, k.workspace_id, k.name, k.created_at, k.expires_at, k.revoked_at, "
            + "k.role_id, r.version, k.secret_hash FROM core.api_key k JOIN core.role r ON r.id = k.role_id ";

    private final DSLContext dsl;
    private final ApiKeyCache cache;

    /** A store that reads every verification from the database (commands, tests). */
    public ApiKeyStore(DSLContext dsl) {
        this(dsl, ApiKeyCache.disabled());
    }

    public ApiKeyStore(DSLContext dsl, ApiKeyCache cache) {
        this.dsl = dsl;
        this.cache = cache;
    }

    /** A new key and its token; the token is shown once and never stored. */
    public record Created(ApiKey key, String token) {}

    /** A key with the workspace's built-in admin role. */
    public Created create(UUID workspaceId, String name, OffsetDateTime expiresAt) {
        return create(workspaceId, name, expiresAt, Optional.empty());
    }

    /** A key with the given role of its workspace, or the admin role when none is given. */
    public Created create(UUID workspaceId, String name, OffsetDateTime expiresAt, Optional<UUID> roleId) {
        UUID id = UUID.randomUUID();
        ApiKeyToken token = ApiKeyToken.generate(id);
        // Without a role, core.default_key_role() gives the key its workspace's admin role.
        dsl.execute("INSERT INTO core.api_key (id, workspace_id, name, secret_hash, expires_at, role_id) VALUES (?, ?, ?, ?, ?, ?)",
                id, workspaceId, name, token.secretHash(), expiresAt, roleId.orElse(null));
        return new Created(byId(id).orElseThrow(), token.value());
    }

    public List<ApiKey> list(UUID workspaceId) {
        return JdbcQueries.query(dsl, SELECT + "WHERE k.workspace_id = ? ORDER BY k.created_at, k.id", List.of(workspaceId), rows -> {
            List<ApiKey> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(toKey(rows));
            }
            return keys;
        });
    }

    public Optional<ApiKey> byId(UUID id) {
        return JdbcQueries.query(dsl, SELECT + "WHERE k.id = ?", List.of(id), ApiKeyStore::firstKey);
    }

    /** A key of the workspace; empty for another workspace's key, so ids never leak across workspaces. */
    public Optional<ApiKey> byId(UUID workspaceId, UUID id) {
        return JdbcQueries.query(dsl, SELECT + "WHERE k.workspace_id = ? AND k.id = ?", List.of(workspaceId, id), ApiKeyStore::firstKey);
    }

    /** Marks a key revoked; returns false when there is no such key. */
    public boolean revoke(UUID id) {
        return changed(dsl.execute("UPDATE core.api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?", id)) == 1;
    }

    public boolean rename(UUID id, String name) {
        return changed(dsl.execute("UPDATE core.api_key SET name = ? WHERE id = ?", name, id)) == 1;
    }

    /** A new expiry for the key, same secret; false when there is no such key. */
    public boolean changeExpiry(UUID id, OffsetDateTime expiresAt) {
        return changed(dsl.execute("UPDATE core.api_key SET expires_at = ? WHERE id = ?", expiresAt, id)) == 1;
    }

    /** Gives the key another role of its workspace; false when the key or the role (in that workspace) is missing. */
    public boolean assignRole(UUID id, UUID roleId) {
        return changed(dsl.execute("UPDATE core.api_key k SET role_id = r.id FROM core.role r "
                + "WHERE k.id = ? AND r.id = ? AND r.workspace_id = k.workspace_id", id, roleId)) == 1;
    }

    /**
     * A new secret for the key (and optionally a new expiry): the old token stops working at once, since
     * every request checks the stored hash. Empty when there is no such key.
     */
    public Optional<Created> regenerate(UUID id, Optional<OffsetDateTime> expiresAt) {
        ApiKeyToken token = ApiKeyToken.generate(id);
        int rows = changed(dsl.execute("UPDATE core.api_key SET secret_hash = ?, expires_at = coalesce(?, expires_at) WHERE id = ?",
                token.secretHash(), expiresAt.orElse(null), id));
        return rows == 1 ? Optional.of(new Created(byId(id).orElseThrow(), token.value())) : Optional.empty();
    }

    /** Deletes the key (and its rate-limit counters); false when there is no such key. */
    public boolean delete(UUID id) {
        return changed(dsl.execute("DELETE FROM core.api_key WHERE id = ?", id)) == 1;
    }

    /**
     * The key a token belongs to, when the token's secret matches its stored hash. Every request runs
     * this: from the cache for a key in use, else straight through JDBC (see {@link JdbcQueries}).
     */
    public Optional<ApiKey> verify(ApiKeyToken token) {
        return cache.get(token.keyId(), this::stored).filter(stored -> token.matches(stored.secretHash())).map(ApiKeyCache.StoredKey::key);
    }

    private Optional<ApiKeyCache.StoredKey> stored(UUID id) {
        return JdbcQueries.query(dsl, SELECT + "WHERE k.id = ?", List.of(id),
                rows -> rows.next() ? Optional.of(new ApiKeyCache.StoredKey(toKey(rows), rows.getBytes(9))) : Optional.empty());
    }

    /** Empties the cache after a write (the triggers' notification tells the other servers). */
    private int changed(int rows) {
        cache.clear();
        return rows;
    }

    private static Optional<ApiKey> firstKey(ResultSet rows) throws SQLException {
        return rows.next() ? Optional.of(toKey(rows)) : Optional.empty();
    }

    /** The key on the current row of a {@link #SELECT}. */
    private static ApiKey toKey(ResultSet row) throws SQLException {
        return new ApiKey(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getObject(4, OffsetDateTime.class), row.getObject(5, OffsetDateTime.class),
                Optional.ofNullable(row.getObject(6, OffsetDateTime.class)), row.getObject(7, UUID.class), row.getLong(8));
    }
}
