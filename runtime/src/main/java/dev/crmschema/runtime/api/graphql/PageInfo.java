package dev.crmschema.runtime.api.graphql;

import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code PageInfo} type of every workspace schema (reference contract, section 2.3). It is a
 * runtime class rather than a generated one because its shape never depends on the workspace.
 * graphql-java-tools resolves its fields through the four methods named like them.
 */
public final class PageInfo {
    private final Supplier<String> startCursor;
    private final Supplier<String> endCursor;
    private final boolean hasNextPage;
    private final boolean hasPreviousPage;

    public PageInfo(String startCursor, String endCursor, boolean hasNextPage, boolean hasPreviousPage) {
        this(() -> startCursor, () -> endCursor, hasNextPage, hasPreviousPage);
    }

    private PageInfo(Supplier<String> startCursor, Supplier<String> endCursor, boolean hasNextPage, boolean hasPreviousPage) {
        this.startCursor = startCursor;
        this.endCursor = endCursor;
        this.hasNextPage = hasNextPage;
        this.hasPreviousPage = hasPreviousPage;
    }

    /** The page info of {@code edges}: its cursors are theirs, asked for only when they are. */
    public static PageInfo of(List<Page.Edge> edges, boolean hasNextPage, boolean hasPreviousPage) {
        if (edges.isEmpty()) {
            return new PageInfo((String) null, null, hasNextPage, hasPreviousPage);
        }
        Page.Edge first = edges.get(0);
        Page.Edge last = edges.get(edges.size() - 1);
        return new PageInfo(first::cursor, last::cursor, hasNextPage, hasPreviousPage);
    }

    public String startCursor() {
        return startCursor.get();
    }

    public String endCursor() {
        return endCursor.get();
    }

    public boolean hasNextPage() {
        return hasNextPage;
    }

    public boolean hasPreviousPage() {
        return hasPreviousPage;
    }
}
