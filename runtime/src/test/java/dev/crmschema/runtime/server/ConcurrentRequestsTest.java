package dev.crmschema.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import dev.crmschema.runtime.CrmServerConfiguration;
import dev.crmschema.runtime.limits.ConcurrentRequests;
import dev.crmschema.runtime.limits.LimitsConfiguration;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code limits.maxConcurrentRequests} and {@code limits.maxQueuedRequests} over HTTP: a request beyond the
 * limit waits for a running one to finish, and one beyond the queue gets 503 in the contract's body. The
 * running request is held by sending its body only in part.
 */
@ExtendWith(SharedServer.class)
class ConcurrentRequestsTest {
    private static TestServer server;

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    @Test
    void aRequestBeyondTheLimitWaitsItsTurnAndOneBeyondTheQueueGets503() throws Exception {
        CrmServerConfiguration configuration = server.configuration();
        configuration.getLimits().setMaxConcurrentRequests(1);
        configuration.getLimits().setMaxQueuedRequests(1);
        // The shared server's key makes many calls in other tests; rate limits are not what this test is about.
        configuration.getLimits().setRateLimit(TestServer.TEST_RATE_LIMIT);
        try (TestServer.Instance instance = server.startInstance(configuration);
                Socket held = new Socket()) {
            URI base = URI.create(instance.baseUrl());
            held.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            byte[] body = "{\"name\":\"Held while others wait\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = held.getOutputStream();
            out.write(("POST /rest/companies HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + server.acmeKey
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, 10);
            out.flush();

            CompletableFuture<TestServer.Reply> waiting = CompletableFuture.supplyAsync(
                    () -> instance.send(server.acmeKey, "GET", "/rest/companies?limit=1", null));
            // The held request cannot finish, so one waiting request with the list not done means the list waits.
            TestServer.eventually(() -> waitingRequests(instance), count -> count == 1);
            assertFalse(waiting.isDone(), "the list ran beside the held request");

            TestServer.Reply refused = instance.send(server.acmeKey, "GET", "/rest/companies?limit=1", null);
            assertEquals(503, refused.status());
            assertEquals("{\"statusCode\":503,\"error\":\"ServiceUnavailableException\",\"messages\":[\"The server is busy, try again shortly\"]}",
                    refused.raw().body());
            assertEquals("1", refused.header("Retry-After"));
            assertFalse(waiting.isDone());

            out.write(body, 10, body.length - 10);
            out.flush();
            String created = new String(held.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(created.startsWith("HTTP/1.1 201"), created);
            assertEquals(200, waiting.get(30, TimeUnit.SECONDS).status());
            assertEquals(0, waitingRequests(instance));
        }
    }

    @Test
    void withoutALimitConfiguredThreeRequestsPerProcessorRunAtOnce() {
        LimitsConfiguration limits = new LimitsConfiguration();
        assertEquals(3 * Runtime.getRuntime().availableProcessors(), limits.concurrentRequests());
        limits.setMaxConcurrentRequests(2);
        assertEquals(2, limits.concurrentRequests());
    }

    private static int waitingRequests(TestServer.Instance instance) {
        return (Integer) ((Gauge<?>) instance.metrics().getGauges().get(ConcurrentRequests.WAITING_GAUGE)).getValue();
    }
}
