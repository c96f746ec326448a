package mn.registry.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the checkpoint publisher (and the publication duties it discharges) on one thread: when this node's sequencer
 * has appended ({@link #nudge()}), and otherwise every {@code interval} (for entries another node's sequencer
 * appended). Two runs start at least {@code interval} apart, so the log publishes at most one checkpoint per interval
 * as before, and a burst of entries still shares one; but an entry that arrives after a quiet interval is checkpointed
 * at once instead of waiting for the next poll (issue 15 target 6).
 */
final class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Runnable publish;
    private final long intervalNanos;
    private ScheduledExecutorService executor; // guarded by this
    private ScheduledFuture<?> next; // guarded by this
    private long lastRun = System.nanoTime() - TimeUnit.DAYS.toNanos(1); // guarded by this

    CheckpointSchedule(Runnable publish, Duration interval) {
        this.publish = publish;
        this.intervalNanos = interval.toNanos();
    }

    /** The sequencer appended: publish as soon as the interval since the last run allows. */
    synchronized void nudge() {
        if (executor != null) {
            schedule(Math.max(0, lastRun + intervalNanos - System.nanoTime()));
        }
    }

    /** Runs in {@code delay} unless a run is due sooner already. */
    private void schedule(long delayNanos) {
        if (next != null && next.getDelay(TimeUnit.NANOSECONDS) <= delayNanos) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::run, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void run() {
        synchronized (this) {
            lastRun = System.nanoTime();
            next = null;
        }
        try {
            publish.run();
        } catch (RuntimeException e) {
            log.warn("Could not publish a log checkpoint (will retry): {}", e.toString());
        } catch (Error e) {
            // An Error would otherwise end in the executor's future, unseen, and no checkpoint would follow.
            log.error("Could not publish a log checkpoint (will retry)", e);
            throw e;
        } finally {
            synchronized (this) {
                if (executor != null && !executor.isShutdown()) {
                    schedule(intervalNanos); // the poll, for entries this node's sequencer did not append
                }
            }
        }
    }

    /** Nanoseconds until the next run (negative if due), or {@code Long.MAX_VALUE} if none is scheduled; for tests. */
    synchronized long nanosToNextRun() {
        return next == null ? Long.MAX_VALUE : next.getDelay(TimeUnit.NANOSECONDS);
    }

    /** Moves the pending poll to {@code delay} from now; for tests that must tell a nudged run from a polled one. */
    synchronized void postpone(Duration delay) {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        schedule(delay.toNanos());
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "log-checkpoints");
            t.setDaemon(true);
            return t;
        });
        schedule(0);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = executor;
            executor = null;
            next = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
