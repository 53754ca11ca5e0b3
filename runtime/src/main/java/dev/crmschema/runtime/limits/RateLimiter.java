package dev.crmschema.runtime.limits;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Fixed-window call counting per API key, coordinated through PostgreSQL so that every server sharing
 * the database enforces one limit. Windows are aligned on the database clock (epoch milliseconds
 * divided by the window length), so all servers agree on where a window starts.
 *
 * <p>One statement per call does everything: reads the key's limit (its own, else its workspace's, else
 * the server default), upserts the window's counter row, refuses without counting once the limit is
 * reached (the row is locked, not rewritten), and drops the key's rows of earlier windows.
 */
public final class RateLimiter {
    private static final String COUNT_CALL = """
            WITH clock AS (
              SELECT (extract(epoch FROM now()) * 1000)::bigint AS now_ms),
            win AS (
              SELECT now_ms, now_ms - now_ms % ? AS start FROM clock),
            lim AS (
              SELECT coalesce(k.rate_limit, w.rate_limit, ?) AS allowed
              FROM core.api_key k JOIN core.workspace w ON w.id = k.workspace_id
              WHERE k.id = ?),
            counted AS (
              INSERT INTO core.rate_limit_window AS c (key_id, window_start, calls)
              SELECT ?, win.start, 1 FROM win, lim
              ON CONFLICT (key_id, window_start) DO UPDATE SET calls = c.calls + 1
                WHERE c.calls < (SELECT allowed FROM lim)
              RETURNING c.calls),
            pruned AS (
              DELETE FROM core.rate_limit_window
              WHERE key_id = ? AND window_start < (SELECT start FROM win))
            SELECT win.now_ms, win.start, lim.allowed, (SELECT calls FROM counted)
            FROM win, lim""";

    private final DSLContext dsl;
    private final int defaultLimit;
    private final long windowMillis;

    /**
     * @param defaultLimit calls per window for keys whose key and workspace set no limit of their own
     * @param window the window's length, at least one millisecond
     */
    public RateLimiter(DSLContext dsl, int defaultLimit, Duration window) {
        if (defaultLimit < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 call per window of at least 1 ms");
        }
        this.dsl = dsl;
        this.defaultLimit = defaultLimit;
        this.windowMillis = window.toMillis();
    }

    /** Counts one call of the key; empty when the key no longer exists (it was deleted meanwhile). */
    public Optional<RateLimitDecision> count(UUID keyId) {
        Optional<Record> row = dsl.resultQuery(COUNT_CALL, windowMillis, defaultLimit, keyId, keyId, keyId).fetchOptional();
        return row.map(r -> {
            long now = r.get(0, Long.class);
            long start = r.get(1, Long.class);
            int allowed = r.get(2, Integer.class);
            Integer calls = r.get(3, Integer.class);
            long reset = start + windowMillis - now;
            return calls == null
                    ? new RateLimitDecision(false, allowed, 0, windowMillis, reset)
                    : new RateLimitDecision(true, allowed, Math.max(0, allowed - calls), windowMillis, reset);
        });
    }
}
