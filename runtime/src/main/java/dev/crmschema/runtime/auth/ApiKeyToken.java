package dev.crmschema.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The bearer token format: {@code crm_<key id, 32 hex>_<secret, 43 base64url chars = 256 bits>}. The id
 * finds the stored row; the secret is checked against its SHA-256 hash in constant time.
 */
public record ApiKeyToken(UUID keyId, String secret) {
    private static final String PREFIX = "crm_";
    /** Where the secret starts: after the prefix, 32 hex digits of the id and an underscore. */
    private static final int SECRET_START = PREFIX.length() + 32 + 1;
    private static final int TOKEN_LENGTH = SECRET_START + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh token with 256 random bits of secret. */
    public static ApiKeyToken generate(UUID keyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKeyToken(keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /**
     * The token's key id and secret, when it has the format exactly. Checked character by character rather than
     * with a regular expression: every request parses its token, and the matcher was a quarter of authenticating.
     */
    public static Optional<ApiKeyToken> parse(String token) {
        if (token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX) || token.charAt(SECRET_START - 1) != '_') {
            return Optional.empty();
        }
        for (int i = PREFIX.length(); i < SECRET_START - 1; i++) {
            if (!isLowerHex(token.charAt(i))) {
                return Optional.empty();
            }
        }
        for (int i = SECRET_START; i < TOKEN_LENGTH; i++) {
            if (!isBase64Url(token.charAt(i))) {
                return Optional.empty();
            }
        }
        int idStart = PREFIX.length();
        UUID id = new UUID(Long.parseUnsignedLong(token, idStart, idStart + 16, 16),
                Long.parseUnsignedLong(token, idStart + 16, idStart + 32, 16));
        return Optional.of(new ApiKeyToken(id, token.substring(SECRET_START)));
    }

    private static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    public String value() {
        return PREFIX + keyId.toString().replace("-", "") + "_" + secret;
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
