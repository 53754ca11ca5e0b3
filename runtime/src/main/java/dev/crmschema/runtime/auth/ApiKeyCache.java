package dev.crmschema.runtime.auth;

import dev.crmschema.runtime.core.CoreSchema;
import dev.crmschema.runtime.db.DatabaseNotifications;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The stored rows of keys that made requests, so that a request with a known key costs no database
 * read. Any change to any key or role empties it: the core schema's triggers notify
 * {@link CoreSchema#KEY_CHANGED_CHANNEL} on every update or delete of {@code core.api_key} and
 * {@code core.role}, whichever server, command or SQL session makes it, and this server's own key and
 * role writes empty it before they return. The cache answers only while the notification listener is
 * connected; without it every request reads the database. Expiry needs no notification: it is checked
 * against the clock on every request.
 */
public final class ApiKeyCache implements DatabaseNotifications.Subscriber {
    /** More keys than this in use at once: start over rather than grow without bound. */
    static final int MAX_KEYS = 10_000;

    /** A key as stored, with the hash its tokens' secrets must match (kept inside this package). */
    record StoredKey(ApiKey key, byte[] secretHash) {}

    private final Map<UUID, StoredKey> keys = new ConcurrentHashMap<>();
    /** Counts every emptying, so a read that started before one does not put back what it read. */
    private final AtomicLong emptied = new AtomicLong();
    private volatile boolean listening;

    /** A cache that never answers, for commands that run without a listener. */
    public static ApiKeyCache disabled() {
        return new ApiKeyCache();
    }

    /** The key with this id: from the cache when it can answer, else from {@code load}, kept for next time. */
    Optional<StoredKey> get(UUID id, Function<UUID, Optional<StoredKey>> load) {
        if (!listening) {
            return load.apply(id);
        }
        StoredKey known = keys.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        if (keys.size() >= MAX_KEYS) {
            clear();
        }
        long before = emptied.get();
        Optional<StoredKey> loaded = load.apply(id);
        if (loaded.isPresent()) {
            // Checked under the entry's lock: a clear() that counted after the check empties the map after this put.
            keys.compute(id, (key, old) -> listening && emptied.get() == before ? loaded.get() : old);
        }
        return loaded;
    }

    /** Forgets every key: called after any change to a key or role. */
    public void clear() {
        emptied.incrementAndGet();
        keys.clear();
    }

    /** How many keys are known (for tests). */
    int size() {
        return keys.size();
    }

    @Override
    public void listening() {
        clear();
        listening = true;
    }

    @Override
    public void deaf() {
        listening = false;
        clear();
    }

    @Override
    public void notified(String payload) {
        clear();
    }
}
