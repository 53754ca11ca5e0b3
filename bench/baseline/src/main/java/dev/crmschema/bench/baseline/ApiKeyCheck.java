package dev.crmschema.bench.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The bearer key check: parse {@code crm_<key id>_<secret>}, read the key's row from
 * {@code core.api_key} by id, compare the secret's SHA-256 with the stored hash in constant time, refuse
 * revoked and expired keys. By default the row is read on every request, as a minimal server does; with
 * {@code cacheRows} each key's row is read once and kept (never invalidated: keys do not change during a
 * benchmark), the like-for-like counterpart of the real server's key cache.
 */
final class ApiKeyCheck {
    private static final Pattern TOKEN = Pattern.compile("crm_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final String SELECT_KEY = "SELECT id, workspace_id, name, created_at, expires_at, revoked_at, secret_hash "
            + "FROM core.api_key WHERE id = ?";

    /** The key that proved the request: its name becomes the {@code createdBy} name of created records. */
    record Key(UUID id, UUID workspaceId, String name) {}

    /** A key's row as stored. */
    private record Row(UUID workspaceId, String name, OffsetDateTime expiresAt, OffsetDateTime revokedAt, byte[] secretHash) {}

    private final DataSource pool;
    private final UUID workspaceId;
    private final Map<UUID, Row> rows;

    ApiKeyCheck(DataSource pool, UUID workspaceId, boolean cacheRows) {
        this.pool = pool;
        this.workspaceId = workspaceId;
        this.rows = cacheRows ? new ConcurrentHashMap<>() : null;
    }

    Key verify(String authorization) throws SQLException {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw HttpFailure.unauthenticated();
        }
        Matcher token = TOKEN.matcher(authorization.substring(7).trim());
        if (!token.matches()) {
            throw HttpFailure.unauthenticated();
        }
        String hex = token.group(1);
        UUID id = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        Row row = rows == null ? read(id) : rows.computeIfAbsent(id, this::readUnchecked);
        if (row == null || !MessageDigest.isEqual(sha256(token.group(2)), row.secretHash()) || row.revokedAt() != null
                || !row.expiresAt().isAfter(OffsetDateTime.now()) || !workspaceId.equals(row.workspaceId())) {
            throw HttpFailure.unauthenticated();
        }
        return new Key(id, workspaceId, row.name());
    }

    private Row read(UUID id) throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(SELECT_KEY)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Row(row.getObject(2, UUID.class), row.getString(3), row.getObject(5, OffsetDateTime.class),
                        row.getObject(6, OffsetDateTime.class), row.getBytes(7)) : null;
            }
        }
    }

    private Row readUnchecked(UUID id) {
        try {
            return read(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
