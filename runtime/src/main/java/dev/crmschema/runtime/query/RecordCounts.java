package dev.crmschema.runtime.query;

import dev.crmschema.runtime.core.RecordChanges;
import dev.crmschema.runtime.db.JdbcQueries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * The {@code totalCount}s of lists, kept until a write to the counted table commits. Counting is linear in the
 * records that match: counting 10,000 companies was nine tenths of PostgreSQL's time for a page of 20, and a
 * page's latency grew with its table. A kept count is used only while no write has committed since it was
 * taken, which its table's version ({@link RecordChanges}) tells: one lookup of a few rows instead of the count.
 * A count is taken in one statement, so one snapshot, with its version. Writes by other servers, commands or
 * hand-written SQL change the version too, so a count is never stale once the write that changed it has
 * committed. A count reads its own table only (a filter sees a record's own columns); a count that read others
 * would need their versions too.
 */
public final class RecordCounts {
    /** Counts every time: for stores outside the server (tests, seeding), which have no counts to keep. */
    public static final RecordCounts NONE = new RecordCounts(0);

    private static final int DEFAULT_MAX_COUNTS = 10_000;

    private final int maxCounts;
    private final Map<Key, Counted> counts = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Counted>> counting = new ConcurrentHashMap<>();

    /** Keeps at most {@code maxCounts} counts; past that it starts over, so filters used once do not pile up. */
    private RecordCounts(int maxCounts) {
        this.maxCounts = maxCounts;
    }

    /** The server's counts: at most 10,000 kept. */
    public RecordCounts() {
        this(DEFAULT_MAX_COUNTS);
    }

    /** What a count statement with these values depends on. Array values (the ids of an "in") compare by content. */
    private record Key(String schema, String sql, List<Object> values) {}

    private record Counted(long version, int count) {}

    /** Whether counts are kept, so that {@link #count} needs the table's version ({@link #version}). */
    boolean keepsCounts() {
        return maxCounts > 0;
    }

    /**
     * The statement that reads the version of {@code table} in {@code schema}, for {@link #count}: a list sends it
     * to PostgreSQL with its page, as one statement ({@link dev.crmschema.runtime.db.QueryBatch}).
     */
    static JdbcQueries.Query<Long> version(String schema, String table) {
        return new JdbcQueries.Query<>(RecordChanges.VERSION_SQL, List.of(schema, table), rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /**
     * The number {@code sql} returns with {@code values} bound: a statement of the form {@code SELECT count(*) ...}
     * over {@code table} of {@code schema} only. {@code version} is the table's version read during this request,
     * before or with its other statements ({@link #version}); it is not used when no counts are kept.
     */
    int count(DSLContext dsl, String schema, String table, String sql, List<?> values, long version) {
        if (maxCounts == 0) {
            return RenderedStatements.fetchCount(dsl, sql, values);
        }
        Key key = new Key(schema, sql, comparable(values));
        // A count taken at this version or a later one saw every write this request can see.
        Counted kept = counts.get(key);
        if (kept != null && kept.version() >= version) {
            return kept.count();
        }
        // One count per statement and values at a time: after a write, every list request in flight would
        // otherwise count at once (16 counts of a million rows side by side, where one will do).
        CompletableFuture<Counted> mine = new CompletableFuture<>();
        CompletableFuture<Counted> running = counting.putIfAbsent(key, mine);
        if (running != null) {
            Counted shared = running.join();
            return shared != null && shared.version() >= version ? shared.count()
                    : countWithVersion(dsl, schema, table, sql, values).count();
        }
        try {
            kept = counts.get(key); // kept by a count that ended since the first look
            Counted counted = kept != null && kept.version() >= version ? kept : countWithVersion(dsl, schema, table, sql, values);
            if (counts.size() >= maxCounts) {
                counts.clear();
            }
            counts.put(key, counted);
            mine.complete(counted);
            return counted.count();
        } finally {
            mine.complete(null); // nothing after a count; after a failure, the waiting requests count for themselves
            counting.remove(key, mine);
        }
    }

    /** The count and the table's version in one statement, so both come from one snapshot. */
    private static Counted countWithVersion(DSLContext dsl, String schema, String table, String sql, List<?> values) {
        List<Object> withTable = new ArrayList<>(values);
        withTable.add(schema);
        withTable.add(table);
        return JdbcQueries.query(dsl, "SELECT (" + sql + "), (" + RecordChanges.VERSION_SQL + ")", withTable, rows -> {
            rows.next();
            return new Counted(rows.getLong(2), rows.getInt(1));
        });
    }

    private static List<Object> comparable(List<?> values) {
        List<Object> key = new ArrayList<>(values.size());
        for (Object value : values) {
            key.add(value instanceof Object[] array ? Arrays.asList(array) : value);
        }
        return key;
    }
}
