package dev.crmschema.runtime.query;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the times the PostgreSQL driver waits for the server: each wait follows a Sync message, which the
 * driver logs at FINEST as it sends it. This counts what goes over the wire, where a count of JDBC statements
 * cannot tell whether the driver sent a statement's queries together or waited for each one's answer.
 * Counts the syncs of every thread; use it where only the test's own thread talks to the database.
 */
final class DriverRoundTrips implements AutoCloseable {
    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private static final String SYNC = " FE=> Sync";

    private final AtomicInteger syncs = new AtomicInteger();
    private final Level previousLevel = DRIVER.getLevel();
    private final boolean previousUseParentHandlers = DRIVER.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (SYNC.equals(record.getMessage())) {
                syncs.incrementAndGet();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private DriverRoundTrips() {
        handler.setLevel(Level.ALL);
        DRIVER.addHandler(handler);
        DRIVER.setUseParentHandlers(false); // the driver's FINEST lines stay out of the test's log
        DRIVER.setLevel(Level.FINEST);
    }

    /** Starts counting; {@link #close} stops. */
    static DriverRoundTrips count() {
        return new DriverRoundTrips();
    }

    /** The round trips since counting started or since the last call. */
    int take() {
        return syncs.getAndSet(0);
    }

    @Override
    public void close() {
        DRIVER.removeHandler(handler);
        DRIVER.setLevel(previousLevel);
        DRIVER.setUseParentHandlers(previousUseParentHandlers);
    }
}
