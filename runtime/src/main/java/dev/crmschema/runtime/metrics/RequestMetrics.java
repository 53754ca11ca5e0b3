package dev.crmschema.runtime.metrics;

import com.codahale.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Times every API request in Dropwizard's metric registry, by HTTP method and route template
 * ({@code crm.requests.GET /rest/{plural}/{id}}) and, for record routes, also by object
 * ({@code crm.requests.GET /rest/{plural}/{id}.companies}). Generated resources carry no
 * {@code @Timed}: they are reached through the runtime's sub-resource locators, so the timing happens
 * here, once, for all of them. {@code POST /graphql} is served outside Jersey and times itself under the
 * same kind of name ({@code crm.requests.POST /graphql}).
 *
 * <p>Names come only from templates and from objects that resolved, never from raw paths, so a client
 * cannot grow the registry: a request refused before it reached a route (a bad key, an unknown object
 * or path) counts under {@code crm.requests.<METHOD> unrouted}.
 */
public final class RequestMetrics implements ApplicationEventListener {
    public static final String PREFIX = "crm.requests";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final String OBJECT_PARAMETER = "plural";

    private final MetricRegistry registry;

    public RequestMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The timer name of a route, e.g. {@code crm.requests.GET /rest/{plural}}. */
    public static String timerName(String method, String routeTemplate) {
        return MetricRegistry.name(PREFIX, method + " " + routeTemplate);
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing to do when the application starts or stops
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        long started = System.nanoTime();
        return event -> {
            if (event.getType() == RequestEvent.Type.FINISHED) {
                record(event, System.nanoTime() - started);
            }
        };
    }

    private void record(RequestEvent event, long nanos) {
        String method = event.getContainerRequest().getMethod();
        String knownMethod = METHODS.contains(method) ? method : "OTHER";
        ExtendedUriInfo uri = event.getUriInfo();
        if (uri.getMatchedResourceMethod() == null) {
            registry.timer(MetricRegistry.name(PREFIX, knownMethod + " unrouted")).update(nanos, TimeUnit.NANOSECONDS);
            return;
        }
        String route = timerName(knownMethod, template(uri));
        registry.timer(route).update(nanos, TimeUnit.NANOSECONDS);
        object(uri).ifPresent(object -> registry.timer(MetricRegistry.name(route, object)).update(nanos, TimeUnit.NANOSECONDS));
    }

    /** The matched templates, outermost first, joined: {@code /rest/{plural}/{id}/restore}. */
    private static String template(ExtendedUriInfo uri) {
        List<UriTemplate> matched = new ArrayList<>(uri.getMatchedTemplates());
        Collections.reverse(matched);
        StringBuilder path = new StringBuilder();
        for (UriTemplate template : matched) {
            String part = template.getTemplate();
            if (part.isEmpty() || part.equals("/")) {
                continue;
            }
            if (!part.startsWith("/")) {
                path.append('/');
            }
            path.append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** The object a record route served: its plural, which resolved in the caller's workspace to get here. */
    private static Optional<String> object(ExtendedUriInfo uri) {
        return Optional.ofNullable(uri.getPathParameters().getFirst(OBJECT_PARAMETER));
    }
}
