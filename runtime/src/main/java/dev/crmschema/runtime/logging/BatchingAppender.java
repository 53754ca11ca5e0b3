package dev.crmschema.runtime.logging;

import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.spi.DeferredProcessingAware;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands events to the attached appenders from a background thread, as logback's {@link AsyncAppenderBase}
 * does, but in batches: after the first event of a batch the thread waits up to {@link #BATCH_WINDOW} for
 * more, or until the queue is half full, before writing them all. The base class wakes its thread for every
 * event; for a request log under load that was about one thread switch per request, and a read by id
 * took 13 % more CPU than with batches (bench/HISTORY.md, session 19). Once the thread has nothing left to
 * write it sleeps until the next event, so an idle server does not wake it at all.
 *
 * <p>It extends {@link AsyncAppenderBase} because Dropwizard's appender factories wrap every appender in one
 * ({@code AsyncAppenderFactory}). It keeps the base's settings ({@code queueSize}, {@code neverBlock},
 * {@code maxFlushTime}) and its attached appender, and uses its own queue and thread; the base's thread
 * starts with the base, waits on an empty queue and, when the base stops, stops the attached appender. A
 * full queue makes the caller wait for room, or with {@code neverBlock} drops the event; no event is dropped
 * for any other reason, and stopping writes out every queued event before the attached appender stops.
 */
public final class BatchingAppender<E extends DeferredProcessingAware> extends AsyncAppenderBase<E> {
    /** How long a batch gathers events: short enough that a log line is never noticeably late. */
    static final Duration BATCH_WINDOW = Duration.ofMillis(10);

    private BlockingQueue<E> queue;
    private int wakeAt;
    private Thread writer;
    private volatile boolean stopping;

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        queue = new ArrayBlockingQueue<>(Math.max(2, getQueueSize()));
        wakeAt = Math.max(1, queue.remainingCapacity() / 2);
        writer = new Thread(this::writeBatches, "BatchingAppender-" + getName());
        writer.setDaemon(true);
        stopping = false;
        super.start();
        if (isStarted()) {
            writer.start();
        }
    }

    @Override
    protected void append(E event) {
        event.prepareForDeferredProcessing();
        if (queue.offer(event)) {
            if (queue.size() >= wakeAt) {
                LockSupport.unpark(writer);
            }
        } else if (!isNeverBlock()) {
            LockSupport.unpark(writer);
            putUninterruptibly(event);
        }
    }

    private void putUninterruptibly(E event) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeBatches() {
        List<E> batch = new ArrayList<>();
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stopped) {
                break;
            }
            if (queue.size() < wakeAt) {
                LockSupport.parkNanos(BATCH_WINDOW.toNanos());
            }
            queue.drainTo(batch);
            write(batch);
        }
        queue.drainTo(batch);
        write(batch);
    }

    private void write(List<E> batch) {
        // stop() interrupts the thread to end a wait; the appenders' output streams should not see it.
        Thread.interrupted();
        for (E event : batch) {
            for (Iterator<Appender<E>> appenders = iteratorForAppenders(); appenders.hasNext(); ) {
                appenders.next().doAppend(event);
            }
        }
        batch.clear();
    }

    /**
     * Waits up to {@code maxFlushTime} for the queued events to be written, then stops the base, which stops
     * the attached appender.
     */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        stopping = true;
        writer.interrupt();
        try {
            writer.join(getMaxFlushTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            addWarn("Waited " + getMaxFlushTime() + " ms for " + queue.size() + " queued events; they may be lost.");
        }
        super.stop();
    }
}
