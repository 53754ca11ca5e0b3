package dev.crmschema.runtime.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    // The timers of each route and object, found once: building their names per request was 2 % of a read by id.
    private final Map<Route, Timer[]> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * What a request's timers depend on. Its hash is written out: the generated one runs through method
     * handles, which cost more than the lookup saves.
     */
    private record Route(String method, List<UriTemplate> templates, String object) {
        @Override
        public int hashCode() {
            return (method.hashCode() * 31 + templates.hashCode()) * 31 + (object == null ? 0 : object.hashCode());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Route route && method.equals(route.method) && templates.equals(route.templates)
                    && Objects.equals(object, route.object);
        }
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
        Route route = new Route(knownMethod, uri.getMatchedTemplates(), uri.getPathParameters().getFirst(OBJECT_PARAMETER));
        Timer[] routeTimers = timers.get(route);
        if (routeTimers == null) {
            // Kept with a copy of the templates: Jersey's list belongs to the request.
            routeTimers = timers.computeIfAbsent(new Route(route.method(), List.copyOf(route.templates()), route.object()),
                    this::timers);
        }
        for (Timer timer : routeTimers) {
            timer.update(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The route's timer and, for a record route, its object's. */
    private Timer[] timers(Route route) {
        String name = timerName(route.method(), template(route.templates()));
        return route.object() == null
                ? new Timer[] {registry.timer(name)}
                : new Timer[] {registry.timer(name), registry.timer(MetricRegistry.name(name, route.object()))};
    }

    /** The matched templates, outermost first, joined: {@code /rest/{plural}/{id}/restore}. */
    private static String template(List<UriTemplate> templates) {
        List<UriTemplate> matched = new ArrayList<>(templates);
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
}
