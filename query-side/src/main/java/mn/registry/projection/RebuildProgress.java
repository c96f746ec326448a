package mn.registry.projection;

import java.time.Instant;

/**
 * Where a rebuild stands: events read of how many, the rate, the time left at that rate, and once done the hash of
 * what it built and whether it now serves.
 */
public record RebuildProgress(String projection, long generation, String state, long processed, long total, double eventsPerSecond,
                              Double etaSeconds, String hash, boolean serving, Instant startedAt, Instant finishedAt, String error) {

    public static RebuildProgress idle(String projection) {
        return new RebuildProgress(projection, 0, "IDLE", 0, 0, 0, null, null, false, null, null, null);
    }
}
