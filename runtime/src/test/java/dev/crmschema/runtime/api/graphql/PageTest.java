package dev.crmschema.runtime.api.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cursors are encoded only when asked for, once each. */
class PageTest {
    @Test
    void anEdgesCursorIsEncodedTheFirstTimeItIsAskedForOnly() {
        AtomicInteger encoded = new AtomicInteger();
        List<Page.Edge> edges = List.of(
                new Page.Edge(Map.of("id", "a"), () -> "cursor-" + encoded.incrementAndGet()),
                new Page.Edge(Map.of("id", "b"), () -> "cursor-" + encoded.incrementAndGet()),
                new Page.Edge(Map.of("id", "c"), () -> "cursor-" + encoded.incrementAndGet()));
        PageInfo info = PageInfo.of(edges, true, false);
        assertEquals(0, encoded.get());

        assertEquals("cursor-1", info.endCursor());
        assertEquals("cursor-1", edges.get(2).cursor());
        assertEquals(1, encoded.get());
        assertEquals("cursor-2", info.startCursor());
        assertEquals("cursor-2", edges.get(0).cursor());
        assertEquals(2, encoded.get());
        assertEquals(true, info.hasNextPage());
        assertEquals(false, info.hasPreviousPage());
    }

    @Test
    void anEmptyPageHasNoCursors() {
        PageInfo info = PageInfo.of(List.of(), false, true);
        assertNull(info.startCursor());
        assertNull(info.endCursor());
        assertEquals(true, info.hasPreviousPage());
    }
}
