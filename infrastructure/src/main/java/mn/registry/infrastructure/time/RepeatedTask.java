package mn.registry.infrastructure.time;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background task run again and again on a daemon thread of its own, with a fixed pause between the end of one run and
 * the start of the next. A run that fails is logged as a warning and the next goes ahead after the pause: the registry's
 * catch-ups, sweeps and polls are all safe to run again. Closing stops it and interrupts a run in progress.
 */
public final class RepeatedTask implements AutoCloseable {

    private final ScheduledExecutorService executor;

    private RepeatedTask(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Starts {@code run} after {@code first}, then after each pause of {@code pause}; {@code what} names it in the thread's name
     * and in the warning of a failed run.
     */
    public static RepeatedTask start(String thread, Duration first, Duration pause, Runnable run, Logger log, String what) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                run.run();
            } catch (RuntimeException e) {
                log.warn("{} failed (tried again in {}): {}", what, pause, e.toString());
            }
        }, first.toMillis(), pause.toMillis(), TimeUnit.MILLISECONDS);
        return new RepeatedTask(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Stops it, then waits at most {@code wait} for a run in progress to end. */
    public void closeAndWait(Duration wait) {
        close();
        try {
            executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
