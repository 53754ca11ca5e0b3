package dev.crmschema.runtime.auth;

import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.permissions.Access;
import dev.crmschema.runtime.permissions.AccessCache;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Who is calling: the key from the {@code Authorization} header and the workspace it belongs to. The
 * key alone decides the workspace; every URL is the same for every workspace.
 */
public final class RequestAuthentication {
    /**
     * An authenticated caller: the key, the snapshot of its workspace this request runs on, and what the
     * key's role may do there.
     */
    public record Caller(ApiKey key, WorkspaceSnapshot workspace, Access access) {}

    /** The request property holding the request's {@code Optional<Caller>} once it is authenticated. */
    private static final String CALLER_PROPERTY = RequestAuthentication.class.getName() + ".caller";

    private final Authenticator authenticator;
    private final WorkspaceRegistry registry;
    private final AccessCache access;

    public RequestAuthentication(Authenticator authenticator, WorkspaceRegistry registry, AccessCache access) {
        this.authenticator = authenticator;
        this.registry = registry;
        this.access = access;
    }

    /** The caller, or 401 when the header does not carry a valid key. */
    public Caller require(String authorizationHeader) {
        return toCaller(authenticator.authenticate(authorizationHeader));
    }

    /** Empty without credentials; 401 for bad credentials (for endpoints with a public variant). */
    public Optional<Caller> optional(String authorizationHeader) {
        return authenticator.tryAuthenticate(authorizationHeader).map(this::toCaller);
    }

    /**
     * {@link #optional(String)} for the request's {@code Authorization} header, done once per request: the
     * result is kept as a request property, so filters and resources share one key lookup.
     */
    public Optional<Caller> optional(ContainerRequestContext request) {
        Object known = request.getProperty(CALLER_PROPERTY);
        if (known instanceof Optional<?> caller) {
            return caller.map(Caller.class::cast);
        }
        Optional<Caller> caller = optional(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        request.setProperty(CALLER_PROPERTY, caller);
        return caller;
    }

    /** {@link #require(String)} for the request, sharing the lookup of {@link #optional(ContainerRequestContext)}. */
    public Caller require(ContainerRequestContext request) {
        return optional(request).orElseThrow(() -> ApiException.unauthenticated("Missing authentication token"));
    }

    private Caller toCaller(ApiKey key) {
        WorkspaceSnapshot workspace = registry.get(key.workspaceId())
                .orElseThrow(() -> new ApiException(503, "ServiceUnavailableException",
                        "This workspace is not loaded on this server yet; retry shortly", null));
        return new Caller(key, workspace, access.of(key.roleId(), key.roleVersion(), workspace));
    }
}
