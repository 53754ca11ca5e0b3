package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmschema.runtime.db.DatabaseConfiguration;
import dev.crmschema.runtime.db.DatabaseNotifications;
import dev.crmschema.runtime.limits.RateLimitSettings;
import dev.crmschema.runtime.permissions.Role;
import dev.crmschema.runtime.permissions.RoleDraft;
import dev.crmschema.runtime.permissions.RoleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one database, in two operating-system processes: {@link TestServer} in this JVM, and the
 * packaged application's {@code server} command in a JVM of its own. A change made through one is served
 * by the other once its LISTEN connection hears of it, and a change it did not hear of (its connection
 * dropped) is caught by the version check when it reconnects. A key's rate limit counts its calls on both.
 */
class MetadataSyncTest {
    /** Generous: the second JVM compiles both workspaces' classes when it starts, on a machine that may be busy. */
    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** The default {@code limits.rateLimitWindow}, which both servers use. */
    private static final long RATE_LIMIT_WINDOW_MILLIS = 60_000;

    private static TestServer first;
    private static Process second;
    private static String secondUrl;
    /** Kept when a test fails: it holds the second server's log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    private static Path workDir;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        first = new TestServer();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DatabaseConfiguration database = first.postgres.configuration();
        Path config = workDir.resolve("config.yml");
        Files.writeString(config, """
                database:
                  url: "%s"
                  user: "%s"
                  password: "%s"
                server:
                  type: simple
                  applicationContextPath: /
                  adminContextPath: /admin
                  connector: {type: http, bindHost: 127.0.0.1, port: %d}
                logging:
                  level: WARN
                """.formatted(database.getUrl(), database.getUser(), database.getPassword() == null ? "" : database.getPassword(), port));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        second = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.crmschema.runtime.CrmServerApplication",
                "server", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("second-server.log").toFile())
                .start();
        secondUrl = "http://127.0.0.1:" + port;
        awaitStatus(secondUrl, "/rest/open-api/core", status -> status == 200, STARTUP);
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (second != null) {
            second.destroy();
            second.waitFor();
        }
        first.close();
    }

    @Test
    void aChangeThroughOneServerIsServedByTheOther() {
        assertEquals(400, status(secondUrl, "/rest/planets"));
        TestServer.Reply created = first.send(first.acmeKey, "POST", "/rest/metadata/objects",
                Map.of("nameSingular", "planet", "namePlural", "planets", "labelSingular", "Planet", "labelPlural", "Planets"));
        assertEquals(201, created.status(), created.raw().body());
        long changed = System.nanoTime();
        awaitStatus(secondUrl, "/rest/planets", status -> status == 200);
        System.out.printf("second server serves the new object %d ms after the first answered%n", (System.nanoTime() - changed) / 1_000_000);
    }

    @Test
    void aServerCatchesUpOnChangesItDidNotHearOfWhenItReconnects() {
        String mood = "/rest/people?filter=" + URLEncoder.encode("mood[is]:NULL", StandardCharsets.UTF_8);
        assertEquals(400, status(secondUrl, mood));
        // What another server's change leaves behind, but with its notification lost.
        first.database.dsl().transaction(tx -> {
            tx.dsl().execute("INSERT INTO core.workspace_file (workspace_id, path, content) VALUES (?, 'sync/mood.yaml', ?)",
                    first.acme.id(), "fields:\n  - {object: person, name: mood, label: Mood, type: TEXT}\n");
            tx.dsl().execute("ALTER TABLE \"" + first.acme.schemaName() + "\".\"person\" ADD COLUMN \"mood\" text");
            tx.dsl().execute("UPDATE core.workspace SET metadata_version = metadata_version + 1 WHERE id = ?", first.acme.id());
        });
        List<Integer> dropped = first.database.dsl().fetch("SELECT pg_terminate_backend(pid)::int FROM pg_stat_activity "
                + "WHERE application_name = ?", DatabaseNotifications.APPLICATION_NAME).getValues(0, Integer.class);
        assertEquals(2, dropped.size(), "each server has one listening connection");
        awaitStatus(secondUrl, mood, status -> status == 200);
        awaitStatus(first.baseUrl(), mood, status -> status == 200);
    }

    @Test
    void aKeysRateLimitCountsItsCallsOnBothServers() throws InterruptedException {
        var key = first.keys().create(first.acme.id(), "two processes", OffsetDateTime.now().plusDays(1));
        assertTrue(new RateLimitSettings(first.database.dsl()).setForKey(key.key().id(), OptionalInt.of(4)));
        // Both servers count in the database's one-minute windows: start well inside one.
        long now = Long.parseLong(String.valueOf(first.database.dsl().fetchValue("SELECT (extract(epoch FROM now()) * 1000)::bigint")));
        long left = RATE_LIMIT_WINDOW_MILLIS - now % RATE_LIMIT_WINDOW_MILLIS;
        if (left < 15_000) {
            Thread.sleep(left + 100);
        }
        List<String> remaining = new ArrayList<>();
        for (String base : List.of(first.baseUrl(), secondUrl, first.baseUrl(), secondUrl)) {
            HttpResponse<Void> ok = call(base, key.token());
            assertEquals(200, ok.statusCode(), base);
            remaining.add(ok.headers().firstValue("RateLimit-Remaining").orElse("none"));
        }
        assertEquals(List.of("3", "2", "1", "0"), remaining);
        assertEquals(429, call(secondUrl, key.token()).statusCode());
        assertEquals(429, call(first.baseUrl(), key.token()).statusCode());
    }

    @Test
    void aKeyRevokedInTheDatabaseIsRefusedByBothServers() {
        var key = first.keys().create(first.acme.id(), "revoked by hand", OffsetDateTime.now().plusDays(1));
        // Both servers now hold the key in their caches.
        assertEquals(200, call(first.baseUrl(), key.token()).statusCode());
        assertEquals(200, call(secondUrl, key.token()).statusCode());
        first.database.dsl().execute("UPDATE core.api_key SET revoked_at = now() WHERE id = ?", key.key().id());
        long revoked = System.nanoTime();
        awaitCall(secondUrl, key.token(), 401);
        System.out.printf("second server refuses the revoked key %d ms after the commit%n", (System.nanoTime() - revoked) / 1_000_000);
        awaitCall(first.baseUrl(), key.token(), 401);
    }

    @Test
    void aRoleChangedElsewhereLimitsItsKeysOnEveryServer() {
        // A role store of its own, as another server or a command has: the servers hear of its writes only by notification.
        RoleStore roles = new RoleStore(first.database.dsl());
        Role role = roles.create(first.acme.id(), writer(true));
        var key = first.keys().create(first.acme.id(), "writer", OffsetDateTime.now().plusDays(1), Optional.of(role.id()));
        assertEquals(201, create(secondUrl, key.token()));
        assertEquals(201, create(first.baseUrl(), key.token()));
        roles.update(first.acme.id(), role.id(), writer(false));
        awaitStatus(() -> create(secondUrl, key.token()), 403);
        awaitStatus(() -> create(first.baseUrl(), key.token()), 403);
    }

    private static HttpResponse<Void> call(String base, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/rest/companies?limit=1&fields=id"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RoleDraft writer(boolean canUpdate) {
        return new RoleDraft("Writer", Optional.empty(), true, canUpdate, false, false, Set.of(), List.of(), List.of());
    }

    private static int create(String base, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/rest/companies"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Demoted\"}")).timeout(Duration.ofSeconds(30)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCall(String base, String token, int expected) {
        awaitStatus(() -> call(base, token).statusCode(), expected);
    }

    private static void awaitStatus(IntSupplier status, int expected) {
        assertEquals(expected, (int) TestServer.eventually(status::getAsInt, answer -> answer == expected));
    }

    private static int status(String base, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + first.acmeKey).timeout(Duration.ofSeconds(30)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitStatus(String base, String path, IntPredicate expected) {
        awaitStatus(base, path, expected, PATIENCE);
    }

    private static void awaitStatus(String base, String path, IntPredicate expected, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (second != null && !second.isAlive()) {
                throw new AssertionError("the second server exited:\n" + log());
            }
            last = status(base, path);
            if (expected.test(last)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(base + path + " still answers " + last + " after " + patience + "\n" + log());
    }

    private static String log() {
        try {
            String text = Files.readString(workDir.resolve("second-server.log"));
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
