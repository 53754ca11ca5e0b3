package dev.crmschema.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ApiKeyCacheTest {
    private static final UUID ID = UUID.randomUUID();
    private static final ApiKeyCache.StoredKey STORED = new ApiKeyCache.StoredKey(
            new ApiKey(ID, UUID.randomUUID(), "key", OffsetDateTime.now(), OffsetDateTime.now().plusDays(1), Optional.empty(),
                    UUID.randomUUID(), 1),
            new byte[32]);

    private final ApiKeyCache cache = new ApiKeyCache();
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<UUID, Optional<ApiKeyCache.StoredKey>> database = id -> {
        reads.incrementAndGet();
        return Optional.of(STORED);
    };

    @Test
    void withoutAListenerEveryLookupReadsTheDatabase() {
        cache.get(ID, database);
        cache.get(ID, database);
        assertEquals(2, reads.get());
        assertEquals(0, cache.size());
    }

    @Test
    void whileListeningAKeyIsReadOnceUntilSomethingChanges() {
        cache.listening();
        assertSame(STORED, cache.get(ID, database).orElseThrow());
        assertSame(STORED, cache.get(ID, database).orElseThrow());
        assertEquals(1, reads.get());

        cache.notified("");
        cache.get(ID, database);
        assertEquals(2, reads.get());

        cache.clear();
        cache.get(ID, database);
        assertEquals(3, reads.get());
    }

    @Test
    void losingTheListenerStopsTheCacheAnswering() {
        cache.listening();
        cache.get(ID, database);
        cache.deaf();
        cache.get(ID, database);
        cache.get(ID, database);
        assertEquals(3, reads.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aReadThatAChangeOvertookIsNotKept() {
        cache.listening();
        // The key changes while its old row is on the way back from the database.
        cache.get(ID, id -> {
            cache.notified("");
            return database.apply(id);
        });
        assertEquals(0, cache.size());
        cache.get(ID, database);
        assertEquals(1, cache.size());
    }

    @Test
    void unknownKeysAreNotKept() {
        cache.listening();
        cache.get(ID, id -> Optional.empty());
        assertEquals(0, cache.size());
    }

    @Test
    void aFullCacheStartsOver() {
        cache.listening();
        for (int i = 0; i < ApiKeyCache.MAX_KEYS; i++) {
            cache.get(UUID.randomUUID(), database);
        }
        assertEquals(ApiKeyCache.MAX_KEYS, cache.size());
        cache.get(ID, database);
        assertEquals(1, cache.size());
    }
}
