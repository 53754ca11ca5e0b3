package dev.crmschema.runtime.limits;

import dev.crmschema.runtime.auth.RequestAuthentication;
import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.errors.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Counts every request made with a valid key, before any resource runs: beyond the key's limit the
 * request is refused with 429 and the contract's body plus {@code Retry-After}. Every response to a
 * counted request carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds). A request is one call whatever it does, so a batch counts once.
 * Requests without credentials are not counted (they only reach public documents or a 401).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String DECISION_PROPERTY = RateLimitFilter.class.getName() + ".decision";

    private final RequestAuthentication authentication;
    private final RateLimiter limiter;

    public RateLimitFilter(RequestAuthentication authentication, RateLimiter limiter) {
        this.authentication = authentication;
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<RequestAuthentication.Caller> caller;
        try {
            caller = authentication.optional(request);
        } catch (ApiException badCredentials) {
            // Not counted; the endpoint refuses the credentials in its own error shape (REST or GraphQL).
            return;
        }
        Optional<RateLimitDecision> decision = caller.flatMap(c -> limiter.count(c.key().id()));
        if (decision.isEmpty()) {
            return;
        }
        request.setProperty(DECISION_PROPERTY, decision.get());
        if (!decision.get().allowed()) {
            // The response filter below adds the headers, Retry-After included.
            request.abortWith(Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of(decision.get().refusal())).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION_PROPERTY) instanceof RateLimitDecision decision) {
            // As text: Jersey turns any other value into text through a header delegate lookup per header.
            MultivaluedMap<String, Object> headers = response.getHeaders();
            decision.headers().forEach(headers::putSingle);
        }
    }
}
