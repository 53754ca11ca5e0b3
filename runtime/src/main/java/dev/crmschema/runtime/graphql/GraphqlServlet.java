package dev.crmschema.runtime.graphql;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.limits.BodySizeLimit;
import dev.crmschema.runtime.limits.RateLimitDecision;
import dev.crmschema.runtime.limits.RateLimiter;
import dev.crmschema.runtime.metrics.RequestMetrics;
import dev.crmschema.runtime.query.Actor;
import dev.crmschema.runtime.query.RecordStore;
import dev.crmschema.runtime.rest.RestServices;
import dev.crmschema.runtime.rest.StrictUtf8Body;
import graphql.ExecutionResult;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /graphql}: the core GraphQL API of the caller's workspace (reference contract, section 2),
 * on the snapshot of the workspace the request started on. Every answer is a GraphQL envelope: 200 once
 * the request is executed (errors in {@code errors}), 401 with {@code UNAUTHENTICATED} for a missing or
 * bad key, 429 beyond the key's rate limit, 413 for a body over the size limit and 400 for a body that
 * is not a GraphQL request. {@code GET /graphql} opens the GraphiQL page; other methods get 405.
 *
 * <p>A servlet, not a Jersey resource: this is one route with one kind of body, and Jersey's routing,
 * filters and entity providers took a third of the server's time on a small query. So it applies itself
 * what Jersey's filters apply to every other endpoint: the body size limit, strict UTF-8, the rate limit
 * with its headers, and timing under {@link RequestMetrics}' names.
 */
public final class GraphqlServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(GraphqlServlet.class);
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS";

    private final RequestAuthentication authentication;
    private final RestServices services;
    private final BodySizeLimit bodyLimit;
    private final RateLimiter rateLimiter;
    private final ObjectWriter writer;
    private final Timer executions;
    private final Timer pages;
    private final byte[] page = GraphiqlBundle.page().getBytes(StandardCharsets.UTF_8);

    /** {@code mapper}: the application's, which writes every other JSON response. */
    public GraphqlServlet(RequestAuthentication authentication, RestServices services, BodySizeLimit bodyLimit,
            RateLimiter rateLimiter, ObjectMapper mapper, MetricRegistry metrics) {
        this.authentication = authentication;
        this.services = services;
        this.bodyLimit = bodyLimit;
        this.rateLimiter = rateLimiter;
        this.writer = mapper.writer();
        this.executions = metrics.timer(RequestMetrics.timerName("POST", "/graphql"));
        this.pages = metrics.timer(RequestMetrics.timerName("GET", "/graphql"));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getMethod()) {
            case "POST" -> answer(request, response);
            case "GET", "HEAD" -> page(request, response);
            case "OPTIONS" -> response.setHeader("Allow", ALLOWED_METHODS);
            default -> {
                response.setHeader("Allow", ALLOWED_METHODS);
                response.sendError(405);
            }
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Timer.Context timing = executions.time();
        try {
            int status = 200;
            Map<String, Object> body;
            try {
                body = execute(request, response);
            } catch (ApiException refused) {
                status = refused.status();
                body = ResponseBody.refused(refused);
            } catch (RuntimeException unexpected) {
                // graphql-java reports failures inside the operation itself; this is anything around it.
                LOG.error("GraphQL request failed", unexpected);
                status = 500;
                body = ResponseBody.internal();
            }
            write(response, status, body);
        } finally {
            timing.stop();
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Timer.Context timing = pages.time();
        try {
            response.setContentType("text/html;charset=utf-8");
            response.setContentLength(page.length);
            if (request.getMethod().equals("GET")) {
                response.getOutputStream().write(page);
            }
        } finally {
            timing.stop();
        }
    }

    private Map<String, Object> execute(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = body(request, response);
        RequestAuthentication.Caller caller = authentication.require(request.getHeader("Authorization"));
        count(caller, response);
        GraphqlCall call = new GraphqlCall(caller.workspace().model(),
                RecordStore.of(services.database().dsl(), caller.workspace().schemaName(), caller.workspace().model(), caller.access(),
                        services.counts()),
                Actor.apiKey(caller.key().name()), services.batchMaxRecords(), caller.access());
        ExecutionResult result = caller.workspace().graphql().execute(GraphqlRequest.parse(body), call);
        return ResponseBody.of(result);
    }

    /** The whole body: refused with 413 beyond the size limit, with 400 when it is not UTF-8. */
    private String body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String declared = request.getHeader("Content-Length");
        try {
            if (declared != null && bodyLimit.exceeds(declared)) {
                throw bodyLimit.tooLarge();
            }
            byte[] bytes = StrictUtf8Body.checked(bodyLimit.bounded(request.getInputStream())).readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (ApiException refused) {
            // What is left of the body stays on the connection, so Jetty closes it after answering: say so,
            // or a client reusing the connection for its next request finds it closed.
            response.setHeader("Connection", "close");
            throw refused;
        }
    }

    /** Counts the call against its key's limit, as {@code RateLimitFilter} does for every other endpoint. */
    private void count(RequestAuthentication.Caller caller, HttpServletResponse response) {
        Optional<RateLimitDecision> counted = rateLimiter.count(caller.key().id());
        if (counted.isEmpty()) {
            return;
        }
        RateLimitDecision decision = counted.get();
        decision.headers().forEach(response::setHeader);
        if (!decision.allowed()) {
            throw decision.refusal();
        }
    }

    private void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        // Whole, so it goes out with a Content-Length rather than chunked.
        ByteArrayOutputStream json = new ByteArrayOutputStream(4096);
        new ResponseJson(writer, body).write(json);
        response.setContentLength(json.size());
        json.writeTo(response.getOutputStream());
    }
}
