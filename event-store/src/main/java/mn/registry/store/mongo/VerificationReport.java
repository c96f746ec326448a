package mn.registry.store.mongo;

import java.util.Optional;

/**
 * What {@link StoreVerifier} found: counts along the chain and, if the store is not intact, the first break.
 */
public record VerificationReport(long commits, long events, long tombstones, long lastPosition, long reservedUpTo,
                                 Optional<Break> firstBreak) {

    /** The first thing wrong, at a global position (and aggregate event, when one is concerned). */
    public record Break(long position, String aggregateId, long seq, String problem) {
        @Override
        public String toString() {
            return "position " + position + (aggregateId == null ? "" : ", aggregate " + aggregateId + " seq " + seq)
                    + ": " + problem;
        }
    }

    public boolean ok() {
        return firstBreak.isEmpty();
    }

    @Override
    public String toString() {
        return firstBreak.map(b -> "BROKEN at " + b)
                .orElse("OK: " + commits + " commits, " + events + " events, " + tombstones
                        + " tombstones, last position " + lastPosition);
    }
}
