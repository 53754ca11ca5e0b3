package dev.crmschema.runtime.api;

import dev.crmschema.runtime.api.graphql.GraphqlBindings;
import java.util.List;
import java.util.Optional;

/**
 * The entry class of one workspace's generated code, e.g. {@code dev.crmschema.generated.showcase.ShowcaseWorkspace}
 * (the workspace's Java package, then its name in PascalCase followed by {@code Workspace}). It is
 * public, final and has a public no-argument constructor, so the runtime can load it by name;
 * instances are immutable and hold no state.
 *
 * <p>Every workspace is served at the same URLs and the API key picks the workspace, so the
 * generated resource classes have no {@code @Path} of their own: the runtime's root resource finds
 * the caller's workspace and returns the instance one of the factories below makes.
 */
public interface GeneratedWorkspace {
    /** The workspace name from its metadata, e.g. {@code showcase}. */
    String name();

    /**
     * SHA-256, as 64 lower-case hex digits, of the workspace's canonical {@code ir.json} at generation
     * time. Equal hashes mean equal models, so the runtime can tell whether these classes are stale.
     */
    String modelHash();

    /** Class-path folder of the workspace's generated resources ({@code ir.json} etc.), e.g. {@code crm-schema/showcase}. */
    String resourceFolder();

    /** Singular names of every object, sorted, e.g. {@code [company, person, pet]}. */
    List<String> objectNames();

    /**
     * A new JAX-RS resource for {@code /rest/{namePlural}} whose methods call {@code endpoint}, or
     * empty when the workspace has no object with that plural name (the runtime answers that itself,
     * with the contract's "object not found" message).
     */
    Optional<Object> restResource(String namePlural, RestEndpoint endpoint);

    /** Like {@link #restResource}, for {@code /rest/batch/{namePlural}}. */
    Optional<Object> batchRestResource(String namePlural, RestEndpoint endpoint);

    /**
     * A new instance of the workspace's generated {@code WorkspaceGraphql}: the resolvers and type
     * dictionary from which the runtime builds the workspace's executable GraphQL schema.
     */
    GraphqlBindings graphqlBindings();
}
