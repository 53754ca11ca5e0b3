package dev.crmschema.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bearer token format: {@code crm_<key id, 32 hex>_<secret, 43 base64url chars = 256 bits>}. The id
 * finds the stored row; the secret is checked against its SHA-256 hash in constant time.
 */
public record ApiKeyToken(UUID keyId, String secret) {
    private static final Pattern FORMAT = Pattern.compile("crm_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh token with 256 random bits of secret. */
    public static ApiKeyToken generate(UUID keyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKeyToken(keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    public static Optional<ApiKeyToken> parse(String token) {
        Matcher m = FORMAT.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        String hex = m.group(1);
        UUID id = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        return Optional.of(new ApiKeyToken(id, m.group(2)));
    }

    public String value() {
        return "crm_" + keyId.toString().replace("-", "") + "_" + secret;
    }

    public byte[] secretHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison with a stored hash. */
    public boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(secretHash(), storedHash);
    }

    @Override
    public String toString() {
        // Never print the secret, even by accident in a log line.
        return "ApiKeyToken[" + keyId + "]";
    }
}
