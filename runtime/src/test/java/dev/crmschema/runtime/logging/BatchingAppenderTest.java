package dev.crmschema.runtime.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link BatchingAppender}: every event is written, in order, soon, and stopping writes what is queued. */
class BatchingAppenderTest {
    /** The application's context, as the request log uses: events copy its MDC when they are queued. */
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    private BatchingAppender<ILoggingEvent> batching(Appender<ILoggingEvent> target, int queueSize, boolean neverBlock) {
        target.setContext(context);
        target.start();
        BatchingAppender<ILoggingEvent> appender = new BatchingAppender<>();
        appender.setContext(context);
        appender.setName("test");
        appender.setQueueSize(queueSize);
        appender.setNeverBlock(neverBlock);
        appender.addAppender(target);
        appender.start();
        return appender;
    }

    private ILoggingEvent event(String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerContext(context);
        event.setLoggerName("http.request");
        event.setLevel(Level.INFO);
        event.setMessage(message);
        return event;
    }

    @Test
    void writesAnEventWithoutWaitingForMoreOrForStop() throws InterruptedException {
        ListAppender<ILoggingEvent> target = new ListAppender<>();
        BatchingAppender<ILoggingEvent> appender = batching(target, 256, false);
        appender.doAppend(event("GET /rest/companies"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (target.list.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, target.list.size());
        assertTrue(appender.isStarted());
        appender.stop();
    }

    @Test
    void writesEveryEventOfManyThreadsInEachThreadsOrderThroughAQueueTooSmallForThem() throws InterruptedException {
        ListAppender<ILoggingEvent> target = new ListAppender<>();
        BatchingAppender<ILoggingEvent> appender = batching(target, 8, false);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String name = "thread-" + t;
            threads.add(started(() -> {
                for (int i = 0; i < 500; i++) {
                    appender.doAppend(event(name + " " + i));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        appender.stop();

        assertEquals(2000, target.list.size());
        for (int t = 0; t < 4; t++) {
            String prefix = "thread-" + t + " ";
            List<String> own = target.list.stream().map(ILoggingEvent::getMessage).filter(m -> m.startsWith(prefix)).toList();
            assertEquals(500, own.size());
            for (int i = 0; i < 500; i++) {
                assertEquals(prefix + i, own.get(i));
            }
        }
        assertFalse(target.isStarted(), "stopping the batching appender stops the appender it writes to");
    }

    @Test
    void stopWritesWhatIsStillQueued() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = new ArrayList<>();
        BatchingAppender<ILoggingEvent> appender = batching(new Blocking(release, written), 256, false);
        for (int i = 0; i < 100; i++) {
            appender.doAppend(event("line " + i));
        }
        release.countDown();
        appender.stop();
        synchronized (written) {
            assertEquals(100, written.size());
            assertEquals("line 99", written.get(99));
        }
    }

    @Test
    void withNeverBlockAFullQueueDropsEventsInsteadOfHoldingTheCaller() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = new ArrayList<>();
        BatchingAppender<ILoggingEvent> appender = batching(new Blocking(release, written), 4, true);
        Thread caller = started(() -> {
            for (int i = 0; i < 100; i++) {
                appender.doAppend(event("line " + i));
            }
        });
        caller.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(caller.isAlive(), "the caller waited for room in the queue");
        release.countDown();
        appender.stop();
        synchronized (written) {
            assertTrue(written.size() < 100, written.size() + " lines written");
            assertEquals("line 0", written.get(0));
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    /** Writes each message to a list, after its latch opens. */
    private static final class Blocking extends AppenderBase<ILoggingEvent> {
        private final CountDownLatch release;
        private final List<String> written;

        Blocking(CountDownLatch release, List<String> written) {
            this.release = release;
            this.written = written;
        }

        @Override
        protected void append(ILoggingEvent event) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (written) {
                written.add(event.getMessage());
            }
        }
    }
}
