package mn.registry.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Counts a rebuild's events and tells its rate and time left, in the log every two seconds and to whoever asks
 * ({@link #snapshot}); safe to read from another thread while one thread counts.
 */
public final class ProgressMeter {

    private static final Logger log = LoggerFactory.getLogger(ProgressMeter.class);
    private static final long LOG_EVERY_NANOS = 2_000_000_000L;

    private final String projection;
    private final long generation;
    private final long total;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private volatile long processed;
    private volatile long lastLogNanos = startNanos;

    public ProgressMeter(String projection, long generation, long total) {
        this.projection = projection;
        this.generation = generation;
        this.total = total;
        log.info("rebuild of {} into generation {} started: {} log entries to read", projection, generation, total);
    }

    public void tick() {
        long p = ++processed;
        if ((p & 1023) == 0) {
            long now = System.nanoTime();
            if (now - lastLogNanos > LOG_EVERY_NANOS) {
                lastLogNanos = now;
                RebuildProgress s = snapshot("RUNNING", null, false, null);
                log.info("rebuild of {} (generation {}): {}/{} events, {} events/s, ETA {} s", projection, generation, s.processed(), total,
                        Math.round(s.eventsPerSecond()), s.etaSeconds() == null ? "?" : Math.round(s.etaSeconds()));
            }
        }
    }

    public long processed() {
        return processed;
    }

    public RebuildProgress snapshot(String state, String hash, boolean serving, String error) {
        long p = processed;
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = p / seconds;
        Double eta = rate <= 0 ? null : Math.max(0, (total - p) / rate);
        boolean finished = !"RUNNING".equals(state);
        return new RebuildProgress(projection, generation, state, p, total, Math.round(rate * 10) / 10.0, eta == null ? null : Math.round(eta * 10) / 10.0,
                hash, serving, startedAt, finished ? Instant.now() : null, error);
    }
}
