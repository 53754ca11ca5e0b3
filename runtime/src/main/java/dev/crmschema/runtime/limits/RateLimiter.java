package dev.crmschema.runtime.limits;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Fixed-window call counting per API key, coordinated through PostgreSQL so that every server sharing
 * the database enforces one limit. Windows are aligned on the database clock (epoch milliseconds
 * divided by the window length), so all servers agree on where a window starts.
 *
 * <p>A server does not write to the database on every call: it claims calls from the key's window row
 * in blocks (a {@link Lease}) and spends them locally. The database never grants more calls than the
 * limit, so the limit holds across servers; a block is at most a twentieth of the limit, so a server
 * sitting on unspent calls (a block and a half at most) can refuse another server's caller at most that
 * much early. The next block is claimed ahead, once half of the last one is left, by the call that gets
 * there and without the lease's lock, so a busy key's calls keep spending instead of waiting for that
 * write. The first claim of a window and every claim near the limit take a single call, which keeps
 * small limits exact. Once a claim finds the window full, the key's calls are refused without a
 * statement until the window ends, so a client that keeps calling after its 429 costs the database
 * nothing. A change of a key's limit is seen at the key's next claim: at once while it has calls left,
 * from the next window once it is refused.
 */
public final class RateLimiter {
    /** Largest block of calls one claim takes: one database round trip per this many calls at most. */
    static final int MAX_BLOCK = 1000;

    /**
     * One statement claims {@code block} calls: reads the key's limit (its own, else its workspace's,
     * else the server default), adds the block to the window's counter row unless that would pass the
     * limit (then nothing is claimed), and drops the key's rows of earlier windows.
     */
    private static final String CLAIM = """
            WITH clock AS (
              SELECT (extract(epoch FROM now()) * 1000)::bigint AS now_ms),
            win AS (
              SELECT now_ms, now_ms - now_ms % ? AS start FROM clock),
            lim AS (
              SELECT coalesce(k.rate_limit, w.rate_limit, ?) AS allowed
              FROM core.api_key k JOIN core.workspace w ON w.id = k.workspace_id
              WHERE k.id = ?),
            claimed AS (
              INSERT INTO core.rate_limit_window AS c (key_id, window_start, calls)
              SELECT ?, win.start, ? FROM win, lim WHERE ? <= lim.allowed
              ON CONFLICT (key_id, window_start) DO UPDATE SET calls = c.calls + excluded.calls
                WHERE c.calls + excluded.calls <= (SELECT allowed FROM lim)
              RETURNING c.calls),
            pruned AS (
              DELETE FROM core.rate_limit_window
              WHERE key_id = ? AND window_start < (SELECT start FROM win))
            SELECT win.now_ms, win.start, lim.allowed, (SELECT calls FROM claimed)
            FROM win, lim""";

    private final DSLContext dsl;
    private final int defaultLimit;
    private final long windowMillis;
    private final Map<UUID, Lease> leases = new ConcurrentHashMap<>();

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
        Lease lease = leases.computeIfAbsent(keyId, id -> new Lease());
        int topUp;
        RateLimitDecision spent;
        synchronized (lease) {
            long now = System.nanoTime();
            if (lease.unspent > 0 && now < lease.windowEndNanos) {
                lease.unspent--;
                spent = lease.decision(true, now, windowMillis);
                topUp = lease.startTopUp();
            } else {
                return countWithClaim(keyId, lease, now);
            }
        }
        if (topUp > 0) {
            topUp(keyId, lease, topUp);
        }
        return Optional.of(spent);
    }

    /**
     * The slow path, under the lease's lock: nothing is left to spend, so this call waits for a claim.
     * Within a window the limit is known: claim a block while it fits, single calls near the end.
     */
    private Optional<RateLimitDecision> countWithClaim(UUID keyId, Lease lease, long now) {
        if (lease.isSpentUntilWindowEnds(now)) {
            return Optional.of(lease.decision(false, now, windowMillis));
        }
        int block = now < lease.windowEndNanos ? blockFor(lease.limit, lease.claimedInWindow) : 1;
        Optional<Claim> claim = claim(keyId, block);
        if (claim.isPresent() && claim.get().granted() == 0 && block > 1) {
            claim = claim(keyId, 1);
        }
        if (claim.isEmpty()) {
            leases.remove(keyId);
            return Optional.empty();
        }
        lease.renew(claim.get(), now);
        boolean allowed = lease.unspent > 0;
        if (allowed) {
            lease.unspent--;
        }
        return Optional.of(lease.decision(allowed, now, windowMillis));
    }

    /**
     * Claims the next block while the lease still has calls, without its lock: the other calls of the
     * key go on spending what is left meanwhile instead of waiting for the database (a claim is a write,
     * and waiting for it was the slowest percentile of a busy key's calls).
     */
    private void topUp(UUID keyId, Lease lease, int block) {
        Optional<Claim> claim = Optional.empty();
        try {
            claim = claim(keyId, block);
        } catch (RuntimeException e) {
            // This call is counted already; the call that finds nothing left claims again and reports the failure.
        } finally {
            synchronized (lease) {
                lease.endTopUp(claim, System.nanoTime());
            }
        }
    }

    /** A twentieth of what is left of the limit, so that claims never take the last calls in one go. */
    static int blockFor(int limit, long claimedInWindow) {
        long left = limit - claimedInWindow;
        return (int) Math.max(1, Math.min(MAX_BLOCK, left / 20));
    }

    private Optional<Claim> claim(UUID keyId, int block) {
        Optional<Record> row = dsl.resultQuery(CLAIM, windowMillis, defaultLimit, keyId, keyId, block, block, keyId)
                .fetchOptional();
        return row.map(r -> {
            long nowMillis = r.get(0, Long.class);
            long start = r.get(1, Long.class);
            Integer calls = r.get(3, Integer.class);
            return new Claim(r.get(2, Integer.class), calls == null ? 0 : block, calls == null ? -1 : calls,
                    start + windowMillis - nowMillis, start);
        });
    }

    /**
     * What the database answered.
     *
     * @param granted calls claimed, 0 when the limit is reached
     * @param callsInWindow the window's counter after the claim (every server's calls), -1 when nothing was claimed
     * @param windowStart the window's start on the database clock (epoch milliseconds)
     */
    private record Claim(int limit, int granted, long callsInWindow, long resetMillis, long windowStart) {}

    /** One key's calls claimed on this server and not spent yet, in the current window. */
    private static final class Lease {
        int limit;
        int unspent;
        long claimedInWindow;
        long windowEndNanos = Long.MIN_VALUE;
        long windowStart = Long.MIN_VALUE;
        /** Calls of the last block claimed; the next is claimed ahead once half of it is left. */
        int lastBlock;
        boolean toppingUp;

        void renew(Claim claim, long now) {
            limit = claim.limit();
            windowEndNanos = now + claim.resetMillis() * 1_000_000L;
            windowStart = claim.windowStart();
            // A claim comes only when nothing is left unspent, or the window is over and its calls are gone.
            unspent = claim.granted();
            lastBlock = claim.granted();
            claimedInWindow = claim.granted() > 0 ? claim.callsInWindow() : limit;
        }

        /**
         * The block to claim ahead, 0 for none: only while blocks are claimed (far from the limit), one
         * claim at a time, once half of the last block is left. The caller claims it without the lock.
         */
        int startTopUp() {
            if (toppingUp || lastBlock <= 1 || unspent > lastBlock / 2) {
                return 0;
            }
            int block = blockFor(limit, claimedInWindow);
            if (block <= 1) {
                return 0;
            }
            toppingUp = true;
            return block;
        }

        /**
         * Adds what a claim ahead got. A claim that landed in a later window than the lease's replaces it:
         * the calls left of the earlier window are gone with it. A failed or refused claim leaves the
         * lease as it is; the calls after the last unspent one claim again, waiting for the database.
         */
        void endTopUp(Optional<Claim> claim, long now) {
            toppingUp = false;
            if (claim.isEmpty() || claim.get().granted() == 0) {
                return;
            }
            if (claim.get().windowStart() != windowStart) {
                renew(claim.get(), now);
                return;
            }
            limit = claim.get().limit();
            unspent += claim.get().granted();
            lastBlock = claim.get().granted();
            // A claim that waited for the database may have counted after this one.
            claimedInWindow = Math.max(claimedInWindow, claim.get().callsInWindow());
        }

        /**
         * The window's counter has reached the limit and nothing is left here. The counter never goes down
         * within a window, so the key is refused without asking the database until the window ends.
         */
        boolean isSpentUntilWindowEnds(long now) {
            return unspent == 0 && claimedInWindow >= limit && now < windowEndNanos;
        }

        RateLimitDecision decision(boolean allowed, long now, long windowMillis) {
            long resetMillis = Math.max(0, (windowEndNanos - now) / 1_000_000L);
            // Calls of the window nobody has claimed, plus this server's claimed and unspent ones.
            long remaining = Math.max(0, limit - claimedInWindow) + unspent;
            return new RateLimitDecision(allowed, limit, (int) Math.min(Integer.MAX_VALUE, remaining), windowMillis, resetMillis);
        }
    }
}
