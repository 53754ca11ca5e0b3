package dev.crmschema.runtime.core;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the log of record changes short ({@link RecordChanges#compact}) while the server runs, so that reading a
 * table's version stays a lookup of a row or two however much is written. Every server tries; one
 * compaction runs at a time across them, and the others skip their turn.
 */
public final class RecordChangeCompaction implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(RecordChangeCompaction.class);

    private final DSLContext dsl;
    private final Duration every;
    private ScheduledExecutorService executor;
    private boolean failing; // only the executor's one thread reads and writes it

    public RecordChangeCompaction(DSLContext dsl, Duration every) {
        this.dsl = dsl;
        this.every = every;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "record-change-compaction");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::compact, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }

    private void compact() {
        try {
            RecordChanges.compact(dsl);
            if (failing) {
                failing = false;
                LOG.info("Compacting the log of record changes again");
            }
        } catch (RuntimeException e) {
            // The next run tries again; until then versions are read over a few more rows. Said once per outage,
            // not once a second: the database health check reports the outage itself.
            if (!failing) {
                failing = true;
                LOG.warn("Could not compact the log of record changes: {}", e.getMessage());
            }
        }
    }
}
