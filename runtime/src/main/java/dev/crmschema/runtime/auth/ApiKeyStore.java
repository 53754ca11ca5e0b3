package dev.crmschema.runtime.auth;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Creates, lists, revokes and verifies API keys in {@code core.api_key}. */
public final class ApiKeyStore {
    private final DSLContext dsl;

    public ApiKeyStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new key and its token; the token is shown once and never stored. */
    public record Created(ApiKey key, String token) {}

    public Created create(UUID workspaceId, String name, OffsetDateTime expiresAt) {
        UUID id = UUID.randomUUID();
        ApiKeyToken token = ApiKeyToken.generate(id);
        dsl.execute("INSERT INTO core.api_key (id, workspace_id, name, secret_hash, expires_at) VALUES (?, ?, ?, ?, ?)",
                id, workspaceId, name, token.secretHash(), expiresAt);
        return new Created(byId(id).orElseThrow(), token.value());
    }

    public List<ApiKey> list(UUID workspaceId) {
        return dsl.fetch("SELECT id, workspace_id, name, created_at, expires_at, revoked_at FROM core.api_key "
                + "WHERE workspace_id = ? ORDER BY created_at, id", workspaceId).map(ApiKeyStore::toKey);
    }

    public Optional<ApiKey> byId(UUID id) {
        return dsl.fetchOptional("SELECT id, workspace_id, name, created_at, expires_at, revoked_at FROM core.api_key "
                + "WHERE id = ?", id).map(ApiKeyStore::toKey);
    }

    /** Marks a key revoked; returns false when there is no such key. */
    public boolean revoke(UUID id) {
        return dsl.execute("UPDATE core.api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?", id) == 1;
    }

    /** The key a token belongs to, when the token's secret matches its stored hash. */
    public Optional<ApiKey> verify(ApiKeyToken token) {
        Optional<Record> row = dsl.fetchOptional("SELECT id, workspace_id, name, created_at, expires_at, revoked_at, "
                + "secret_hash FROM core.api_key WHERE id = ?", token.keyId());
        return row.filter(r -> token.matches(r.get(6, byte[].class))).map(ApiKeyStore::toKey);
    }

    private static ApiKey toKey(Record r) {
        return new ApiKey(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, String.class),
                r.get(3, OffsetDateTime.class), r.get(4, OffsetDateTime.class),
                Optional.ofNullable(r.get(5, OffsetDateTime.class)));
    }
}
