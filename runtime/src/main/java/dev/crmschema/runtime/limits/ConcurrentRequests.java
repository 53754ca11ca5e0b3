package dev.crmschema.runtime.limits;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.crmschema.runtime.metrics.RequestMetrics;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Serves at most {@link LimitsConfiguration#concurrentRequests} API requests at once; the others wait, in
 * the order they came, without holding a thread, and beyond {@link LimitsConfiguration#getMaxQueuedRequests}
 * waiting ones a request gets 503 in the contract's error body, with {@code Retry-After: 1}. Running every
 * request at once only made them share the cores with each other and with PostgreSQL's backends: on two
 * cores with sixteen clients, served six at a time, a list of 20 people at depth 1 had a third lower p99
 * and more requests per second, and reads by id were as fast as before (bench/HISTORY.md, session 18). The
 * admin port (health checks, metrics) is another context and never waits behind the API.
 */
public final class ConcurrentRequests {
    /** Gauge of the requests waiting for their turn. */
    public static final String WAITING_GAUGE = MetricRegistry.name(RequestMetrics.PREFIX, "waiting");

    private ConcurrentRequests() {}

    /** Puts the limit between the application context and its servlets, and reports the waiting requests. */
    public static void install(ContextHandler application, LimitsConfiguration limits, MetricRegistry metrics) {
        QoSHandler queue = new Queue();
        queue.setMaxRequestCount(limits.concurrentRequests());
        queue.setMaxSuspendedRequestCount(limits.getMaxQueuedRequests());
        application.insertHandler(queue);
        metrics.register(WAITING_GAUGE, (Gauge<Integer>) queue::getSuspendedRequestCount);
    }

    /** Tells a refused client when to try again, as the rate limit's 429 does. */
    private static final class Queue extends QoSHandler {
        @Override
        protected void reject(Request request, Response response, Callback callback, int status) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            super.reject(request, response, callback, status);
        }
    }
}
