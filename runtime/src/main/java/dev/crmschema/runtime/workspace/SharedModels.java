package dev.crmschema.runtime.workspace;

import dev.crmschema.compiler.model.Workspace;
import dev.crmschema.runtime.api.GeneratedWorkspace;
import dev.crmschema.runtime.graphql.GraphqlConfiguration;
import dev.crmschema.runtime.graphql.GraphqlEngine;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SharedModel} of each distinct model, built on first use. Entries are weak: the snapshots
 * that serve a model hold it, so a model no workspace serves any more (after a metadata change or a
 * deletion) is collected with its classes, documents and GraphQL schema, and built again if a
 * workspace takes it up later.
 */
public final class SharedModels {
    private final ModelClasses classes;
    private final GraphqlConfiguration graphqlLimits;
    private final Map<String, WeakReference<SharedModel>> byHash = new ConcurrentHashMap<>();

    public SharedModels(ModelClasses classes, GraphqlConfiguration graphqlLimits) {
        this.classes = classes;
        this.graphqlLimits = graphqlLimits;
    }

    /** The shared model of {@code model}, whose hash is {@code hash}; built (off the request path) when no snapshot has it. */
    public SharedModel of(Workspace model, String hash) {
        SharedModel known = known(hash);
        if (known != null) {
            return known;
        }
        byHash.values().removeIf(ref -> ref.get() == null);
        SharedModel built = build(model, hash);
        // Two snapshots of one new model may be prepared at once; the first one stored is the one both use.
        SharedModel[] winner = {built};
        byHash.compute(hash, (h, ref) -> {
            SharedModel stored = ref == null ? null : ref.get();
            if (stored != null) {
                winner[0] = stored;
                return ref;
            }
            return new WeakReference<>(built);
        });
        return winner[0];
    }

    /** Models that some snapshot still holds (or that the garbage collector has not yet reclaimed). */
    public int distinctModels() {
        return (int) byHash.values().stream().filter(ref -> ref.get() != null).count();
    }

    private SharedModel known(String hash) {
        WeakReference<SharedModel> ref = byHash.get(hash);
        return ref == null ? null : ref.get();
    }

    private SharedModel build(Workspace model, String hash) {
        // The documents render while the classes compile: a change goes live sooner on a machine with cores to spare.
        CompletableFuture<WorkspaceDocuments> documents = CompletableFuture.supplyAsync(() -> WorkspaceDocuments.render(model));
        GeneratedWorkspace compiled = classes.forModel(model, hash);
        WorkspaceDocuments rendered = documents.join();
        // The executable GraphQL schema is built here, once per model, never on the request path.
        GraphqlEngine graphql = GraphqlEngine.build(rendered.graphqlSdl(), compiled.graphqlBindings(), graphqlLimits,
                model.objects());
        return new SharedModel(hash, model.objects(), compiled, rendered, graphql);
    }
}
