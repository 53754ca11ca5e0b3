package dev.crmschema.runtime.auth;

import dev.crmschema.runtime.errors.ApiException;
import dev.crmschema.runtime.workspace.WorkspaceRegistry;
import dev.crmschema.runtime.workspace.WorkspaceSnapshot;
import java.util.Optional;

/**
 * Who is calling: the key from the {@code Authorization} header and the workspace it belongs to. The
 * key alone decides the workspace; every URL is the same for every workspace.
 */
public final class RequestAuthentication {
    /** An authenticated caller: the key, and the snapshot of its workspace this request runs on. */
    public record Caller(ApiKey key, WorkspaceSnapshot workspace) {}

    private final Authenticator authenticator;
    private final WorkspaceRegistry registry;

    public RequestAuthentication(Authenticator authenticator, WorkspaceRegistry registry) {
        this.authenticator = authenticator;
        this.registry = registry;
    }

    /** The caller, or 401 when the header does not carry a valid key. */
    public Caller require(String authorizationHeader) {
        return toCaller(authenticator.authenticate(authorizationHeader));
    }

    /** Empty without credentials; 401 for bad credentials (for endpoints with a public variant). */
    public Optional<Caller> optional(String authorizationHeader) {
        return authenticator.tryAuthenticate(authorizationHeader).map(this::toCaller);
    }

    private Caller toCaller(ApiKey key) {
        WorkspaceSnapshot workspace = registry.get(key.workspaceId())
                .orElseThrow(() -> new ApiException(503, "ServiceUnavailableException",
                        "This workspace is not loaded on this server yet; retry shortly", null));
        return new Caller(key, workspace);
    }
}
