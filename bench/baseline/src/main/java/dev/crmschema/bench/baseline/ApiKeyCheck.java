package dev.crmschema.bench.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The bearer key check, doing what the real server does on every request: parse
 * {@code crm_<key id>_<secret>}, read the key's row from {@code core.api_key} by id, compare the
 * secret's SHA-256 with the stored hash in constant time, refuse revoked and expired keys.
 */
final class ApiKeyCheck {
    private static final Pattern TOKEN = Pattern.compile("crm_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final String SELECT_KEY = "SELECT id, workspace_id, name, created_at, expires_at, revoked_at, secret_hash "
            + "FROM core.api_key WHERE id = ?";

    /** The key that proved the request: its name becomes the {@code createdBy} name of created records. */
    record Key(UUID id, UUID workspaceId, String name) {}

    private final DataSource pool;
    private final UUID workspaceId;

    ApiKeyCheck(DataSource pool, UUID workspaceId) {
        this.pool = pool;
        this.workspaceId = workspaceId;
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
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(SELECT_KEY)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !MessageDigest.isEqual(sha256(token.group(2)), row.getBytes(7))
                        || row.getObject(6, OffsetDateTime.class) != null
                        || !row.getObject(5, OffsetDateTime.class).isAfter(OffsetDateTime.now())
                        || !workspaceId.equals(row.getObject(2, UUID.class))) {
                    throw HttpFailure.unauthenticated();
                }
                return new Key(id, workspaceId, row.getString(3));
            }
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
