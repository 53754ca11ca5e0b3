package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.limits.RateLimitSettings;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits over HTTP: per key, per workspace, the server default, the contract's 429 and the
 * RateLimit headers, and one limit shared by two server instances on one database. The second
 * instance runs in this JVM (its own Jetty, pool and registry), not in a second operating-system process.
 */
class RateLimitTest {
    private static final long WINDOW_MILLIS = 60_000;
    private static TestServer server;
    private static RateLimitSettings settings;

    @BeforeAll
    static void start() {
        server = new TestServer();
        settings = new RateLimitSettings(server.database.dsl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aKeysOwnLimitRefusesTheCallPastItWith429AndTheContractsBody() {
        Key key = newKey(server.acme.id(), OptionalInt.of(3));
        awaitRoomInWindow();
        for (int remaining = 2; remaining >= 0; remaining--) {
            TestServer.Reply ok = server.get(key.token, "/rest/companies?limit=1");
            assertEquals(200, ok.status(), ok.raw().body());
            assertEquals("3", ok.header("RateLimit-Limit"));
            assertEquals(Integer.toString(remaining), ok.header("RateLimit-Remaining"));
            long reset = Long.parseLong(ok.header("RateLimit-Reset"));
            assertTrue(reset >= 1 && reset <= 60, "reset " + reset);
            assertNull(ok.header("Retry-After"));
        }
        TestServer.Reply refused = server.get(key.token, "/rest/companies?limit=1");
        assertEquals(429, refused.status());
        assertEquals("{\"statusCode\":429,\"error\":\"TooManyRequestsException\",\"messages\":[\"Limit reached (3 tokens per 60000 ms)\"]}",
                refused.raw().body());
        assertEquals("0", refused.header("RateLimit-Remaining"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(refused.header("RateLimit-Reset"), refused.header("Retry-After"));

        // other keys, of the same workspace too, keep their own count
        assertEquals(200, server.get(server.acmeKey, "/rest/companies?limit=1").status());
    }

    @Test
    void aRefusedKeyIsRefusedWithoutTheDatabaseUntilItsWindowEnds() {
        Key key = newKey(server.acme.id(), OptionalInt.of(2));
        awaitRoomInWindow();
        assertEquals(200, server.get(key.token, "/rest/companies?limit=1").status());
        assertEquals(200, server.get(key.token, "/rest/companies?limit=1").status());
        assertEquals(429, server.get(key.token, "/rest/companies?limit=1").status());
        String windowRow = "SELECT calls || '@' || window_start FROM core.rate_limit_window WHERE key_id = ?";
        Object counted = server.database.dsl().fetchValue(windowRow, key.id);

        // A raised limit would let the next claim through; no claim is made while the window is known to be full.
        assertTrue(settings.setForKey(key.id, OptionalInt.of(10)));
        for (int call = 0; call < 5; call++) {
            TestServer.Reply refused = server.get(key.token, "/rest/companies?limit=1");
            assertEquals(429, refused.status());
            assertEquals("2", refused.header("RateLimit-Limit"));
        }
        assertEquals(counted, server.database.dsl().fetchValue(windowRow, key.id));
    }

    @Test
    void everyResponseToAKeyCarriesTheHeadersErrorsIncludedButRequestsWithoutAKeyAreNotCounted() {
        Key key = newKey(server.acme.id(), OptionalInt.of(50));
        awaitRoomInWindow();
        TestServer.Reply badRequest = server.get(key.token, "/rest/companies?limit=aaa");
        assertEquals(400, badRequest.status());
        assertEquals("49", badRequest.header("RateLimit-Remaining"));
        TestServer.Reply notFound = server.get(key.token, "/rest/companies/" + UUID.randomUUID());
        assertEquals(404, notFound.status());
        assertEquals("48", notFound.header("RateLimit-Remaining"));
        TestServer.Reply unknownPath = server.get(key.token, "/nowhere");
        assertEquals(404, unknownPath.status());
        assertEquals("47", unknownPath.header("RateLimit-Remaining"));

        TestServer.Reply anonymous = server.get(null, "/rest/open-api/core");
        assertEquals(200, anonymous.status());
        assertNull(anonymous.header("RateLimit-Limit"));
        TestServer.Reply badKey = server.get("crm_" + "0".repeat(32) + "_" + "A".repeat(43), "/rest/companies");
        assertEquals(401, badKey.status());
        assertNull(badKey.header("RateLimit-Limit"));
    }

    @Test
    void aBatchRequestCountsAsOneCall() {
        Key key = newKey(server.acme.id(), OptionalInt.of(10));
        awaitRoomInWindow();
        List<Map<String, Object>> companies = List.of(Map.of("name", "Batch A"), Map.of("name", "Batch B"), Map.of("name", "Batch C"));
        TestServer.Reply created = server.send(key.token, "POST", "/rest/batch/companies", companies);
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(3, created.body().path("data").path("createCompanies").size());
        assertEquals("9", created.header("RateLimit-Remaining"));
    }

    @Test
    void graphqlCallsCountAgainstTheSameLimitAndAreRefusedInAGraphqlEnvelope() {
        Key key = newKey(server.acme.id(), OptionalInt.of(3));
        awaitRoomInWindow();
        assertEquals("2", server.get(key.token, "/rest/companies?limit=1").header("RateLimit-Remaining"));
        Map<String, Object> query = Map.of("query", "{ companies(first: 1) { totalCount } }");
        TestServer.Reply ok = server.send(key.token, "POST", "/graphql", query);
        assertEquals(200, ok.status(), ok.raw().body());
        assertEquals("3", ok.header("RateLimit-Limit"));
        assertEquals("1", ok.header("RateLimit-Remaining"));
        assertNull(ok.header("Retry-After"));
        TestServer.Reply invalid = server.send(key.token, "POST", "/graphql", Map.of("query", "{ nothing }"));
        assertEquals("0", invalid.header("RateLimit-Remaining"));

        TestServer.Reply refused = server.send(key.token, "POST", "/graphql", query);
        assertEquals(429, refused.status(), refused.raw().body());
        assertEquals("{\"errors\":[{\"message\":\"Limit reached (3 tokens per 60000 ms)\",\"extensions\":"
                + "{\"code\":\"BAD_USER_INPUT\",\"userFriendlyMessage\":\"Limit reached (3 tokens per 60000 ms)\"}}]}",
                refused.raw().body());
        assertEquals("0", refused.header("RateLimit-Remaining"));
        assertEquals(refused.header("RateLimit-Reset"), refused.header("Retry-After"));
        assertEquals(429, server.get(key.token, "/rest/companies?limit=1").status());

        TestServer.Reply badKey = server.send("crm_" + "0".repeat(32) + "_" + "A".repeat(43), "POST", "/graphql", query);
        assertEquals(401, badKey.status());
        assertNull(badKey.header("RateLimit-Limit"));
    }

    @Test
    void aWorkspaceLimitAppliesToItsKeysUnlessAKeyHasItsOwn() {
        assertTrue(settings.setForWorkspace(server.shelter.id(), OptionalInt.of(7)));
        try {
            Key inherits = newKey(server.shelter.id(), OptionalInt.empty());
            Key own = newKey(server.shelter.id(), OptionalInt.of(2));
            awaitRoomInWindow();
            assertEquals("7", server.get(inherits.token, "/rest/pets?limit=1").header("RateLimit-Limit"));
            assertEquals("2", server.get(own.token, "/rest/pets?limit=1").header("RateLimit-Limit"));
            assertEquals(Integer.toString(TestServer.TEST_RATE_LIMIT), server.get(server.acmeKey, "/rest/companies?limit=1")
                    .header("RateLimit-Limit"));

            assertTrue(settings.setForKey(own.id, OptionalInt.empty()));
            assertEquals("7", server.get(own.token, "/rest/pets?limit=1").header("RateLimit-Limit"));
        } finally {
            settings.setForWorkspace(server.shelter.id(), OptionalInt.empty());
        }
    }

    @Test
    void theDefaultIs100CallsPerMinute() {
        CrmServerConfiguration defaults = server.configuration();
        try (TestServer.Instance instance = server.startInstance(defaults)) {
            Key key = newKey(server.acme.id(), OptionalInt.empty());
            awaitRoomInWindow();
            for (int call = 1; call <= 100; call++) {
                TestServer.Reply ok = instance.send(key.token, "GET", "/rest/companies?limit=1&fields=id", null);
                assertEquals(200, ok.status(), "call " + call + ": " + ok.raw().body());
                assertEquals("100", ok.header("RateLimit-Limit"));
            }
            TestServer.Reply refused = instance.send(key.token, "GET", "/rest/companies?limit=1", null);
            assertEquals(429, refused.status());
            assertEquals("Limit reached (100 tokens per 60000 ms)", refused.body().path("messages").get(0).asText());
        }
    }

    @Test
    void aBusyKeyClaimsItsCallsInBlocksYetEveryResponseCountsExactly() {
        // One single call to learn the limit, then one block of (1000 - 1) / 20 calls: two writes, not ten.
        assertEquals(50, callsClaimedAfter(10, 1000));
    }

    @Test
    void aBusyKeyClaimsItsNextBlockAheadAndStillCountsExactly() {
        // 1 call, then a block of 49; at call 26 half of it (24) is left and the next block, (1000 - 50) / 20,
        // is claimed ahead while calls go on.
        assertEquals(97, callsClaimedAfter(45, 1000));
    }

    @Test
    void twoServerInstancesOnOneDatabaseShareEachKeysLimit() {
        try (TestServer.Instance second = server.startInstance(server.configuration())) {
            Key key = newKey(server.acme.id(), OptionalInt.of(5));
            awaitRoomInWindow();
            List<String> remaining = List.of(
                    server.get(key.token, "/rest/companies?limit=1").header("RateLimit-Remaining"),
                    second.send(key.token, "GET", "/rest/companies?limit=1", null).header("RateLimit-Remaining"),
                    server.get(key.token, "/rest/companies?limit=1").header("RateLimit-Remaining"),
                    second.send(key.token, "GET", "/rest/companies?limit=1", null).header("RateLimit-Remaining"),
                    server.get(key.token, "/rest/companies?limit=1").header("RateLimit-Remaining"));
            assertEquals(List.of("4", "3", "2", "1", "0"), remaining);
            assertEquals(429, second.send(key.token, "GET", "/rest/companies?limit=1", null).status());
            assertEquals(429, server.get(key.token, "/rest/companies?limit=1").status());
        }
    }

    @Test
    void concurrentCallsOnTwoInstancesNeverExceedTheLimit() throws Exception {
        try (TestServer.Instance second = server.startInstance(server.configuration())) {
            Key key = newKey(server.acme.id(), OptionalInt.of(20));
            awaitRoomInWindow();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int call = 0; call < 36; call++) {
                boolean onSecond = call % 2 == 1;
                calls.add(pool.submit(() -> onSecond
                        ? second.send(key.token, "GET", "/rest/companies?limit=1&fields=id", null).status()
                        : server.get(key.token, "/rest/companies?limit=1&fields=id").status()));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Integer> call : calls) {
                int status = call.get();
                if (status == 200) {
                    ok++;
                } else if (status == 429) {
                    refused++;
                }
            }
            pool.shutdown();
            assertEquals(20, ok);
            assertEquals(16, refused);
        }
    }

    private record Key(UUID id, String token) {}

    /**
     * Makes {@code calls} calls with a new key of this limit, checks the remaining count of each, and returns
     * how many calls the server claimed from the database meanwhile.
     */
    private static long callsClaimedAfter(int calls, int limit) {
        Key key = newKey(server.acme.id(), OptionalInt.of(limit));
        awaitRoomInWindow();
        for (int call = 1; call <= calls; call++) {
            TestServer.Reply ok = server.get(key.token, "/rest/companies?limit=1&fields=id");
            assertEquals(Integer.toString(limit - call), ok.header("RateLimit-Remaining"), "call " + call);
        }
        return Long.parseLong(String.valueOf(server.database.dsl().fetchValue(
                "SELECT sum(calls) FROM core.rate_limit_window WHERE key_id = ?", key.id)));
    }

    private static Key newKey(UUID workspaceId, OptionalInt limit) {
        var created = server.keys().create(workspaceId, "rate " + UUID.randomUUID(), OffsetDateTime.now().plusDays(1));
        if (limit.isPresent()) {
            assertTrue(settings.setForKey(created.key().id(), limit));
        }
        return new Key(created.key().id(), created.token());
    }

    /** Waits for the next window when the current one (on the database clock) ends within 10 seconds. */
    private static void awaitRoomInWindow() {
        long now = Long.parseLong(String.valueOf(server.database.dsl().fetchValue("SELECT (extract(epoch FROM now()) * 1000)::bigint")));
        long left = WINDOW_MILLIS - now % WINDOW_MILLIS;
        if (left < 10_000) {
            try {
                Thread.sleep(left + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
