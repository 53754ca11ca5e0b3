package dev.crmschema.runtime.limits;

import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.errors.ErrorBody;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of counting one call against its key's window.
 *
 * @param allowed whether the call is within the limit (a refused call is not counted)
 * @param limit calls allowed per window for this key
 * @param remaining calls left in the current window after this one
 * @param windowMillis the window's length
 * @param resetMillis time until the current window ends and the count starts again
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long windowMillis, long resetMillis) {

    /** Whole seconds until the window resets, rounded up, as {@code RateLimit-Reset} and {@code Retry-After} carry. */
    public long resetSeconds() {
        return Math.max(1, (resetMillis + 999) / 1000);
    }

    /**
     * The headers every response to a counted call carries, in this order, as text; a refused call's also
     * carries {@code Retry-After}.
     */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Integer.toString(limit));
        headers.put("RateLimit-Remaining", Integer.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds()));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(resetSeconds()));
        }
        return headers;
    }

    /** The 429 a refused call gets, with the contract's message. */
    public ApiException refusal() {
        return new ApiException(429, ErrorBody.errorNameFor(429), refusalMessage(), null);
    }

    /** The contract's refusal message (reference contract, section 8). */
    public String refusalMessage() {
        return "Limit reached (" + limit + " tokens per " + windowMillis + " ms)";
    }
}
