package dev.crmschema.runtime.auth;

import dev.crmschema.runtime.errors.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Turns an {@code Authorization} header into the API key it proves, or refuses it with 401 and the
 * contract's message. The key's row comes from {@link ApiKeyStore#verify}, which every change to a key
 * or role makes read afresh: a revoked key stops working on its next request on the server that revoked
 * it, and on the others as soon as they hear of it (see {@link ApiKeyCache}).
 */
public final class Authenticator {
    private static final String BEARER = "Bearer ";

    private final ApiKeyStore keys;
    private final Clock clock;

    public Authenticator(ApiKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The key behind the header; throws 401 when it is missing or not a valid, active key. */
    public ApiKey authenticate(String authorizationHeader) {
        return tryAuthenticate(authorizationHeader).orElseThrow(() -> ApiException.unauthenticated("Missing authentication token"));
    }

    /**
     * Empty when no credentials were sent at all (some endpoints serve a public variant); throws 401
     * when credentials were sent but are not valid.
     */
    public Optional<ApiKey> tryAuthenticate(String authorizationHeader) {
        String header = authorizationHeader == null ? "" : authorizationHeader.trim();
        // "Bearer " with an empty token arrives as "Bearer": HTTP drops trailing whitespace of header values.
        if (header.isEmpty() || header.equalsIgnoreCase(BEARER.trim())) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthenticated("Token invalid.");
        }
        String token = header.substring(BEARER.length()).trim();
        ApiKeyToken parsed = ApiKeyToken.parse(token).orElseThrow(() -> ApiException.unauthenticated("Token invalid."));
        ApiKey key = keys.verify(parsed).orElseThrow(() -> ApiException.unauthenticated("Token invalid."));
        if (key.revokedAt().isPresent()) {
            throw ApiException.unauthenticated("This API Key is revoked");
        }
        if (!key.expiresAt().isAfter(OffsetDateTime.now(clock))) {
            throw ApiException.unauthenticated("Token has expired.");
        }
        return Optional.of(key);
    }
}
