package mn.registry.store.mongo;

import java.util.List;
import java.util.function.Supplier;

/**
 * ADR 0061: a precondition on the first commit a piece of work stores on this thread: in the global order, no event of stream
 * {@code aggregateId} after {@code lastSequence} comes before it. Once that commit is stored the work has its place in the order,
 * and its other commits follow unconditioned (an act is never stored in part). The registry sets it while a signed command runs,
 * on the signer's own stream as read when its authority was judged, so that an end of that authority stored meanwhile (a role
 * revoked, a certificate revoked) refuses the act's commit instead of being followed by it.
 *
 * <p>The engine checks it where the commit's position is fixed, under the append lock: the commits this engine stored since
 * {@code checkedUpTo} and those of the commit's own group are looked at in memory; only a position this engine did not store
 * (another node's commit, a tombstone) costs one look-up of the stream's next key. A commit refused by it is not inserted and
 * takes no position: {@link mn.registry.store.StreamChangedException}.
 *
 * @param aggregateId  the stream
 * @param lastSequence its last event's sequence number as read (-1: no event)
 * @param checkedUpTo  a global position every commit at or below which is known not to hold an event of the stream after
 *                     {@code lastSequence} (taken before the read that found {@code lastSequence}: {@code storedUpTo()})
 */
public record StreamUnchanged(String aggregateId, long lastSequence, long checkedUpTo) {

    private static final ThreadLocal<StreamUnchanged> DURING = new ThreadLocal<>();

    /** Runs {@code work} with the first commit it stores on this thread under {@code precondition} (none: null). */
    public static <T> T during(StreamUnchanged precondition, Supplier<T> work) {
        StreamUnchanged previous = DURING.get();
        DURING.set(precondition);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                DURING.remove();
            } else {
                DURING.set(previous);
            }
        }
    }

    /** The precondition of this thread's commits, or null. */
    static StreamUnchanged current() {
        return DURING.get();
    }

    /**
     * This thread's work stored its first commit: the act has its place in the global order, and its further commits (a command that
     * dispatches several) follow it unconditioned, so that an act is never stored in part.
     */
    static void placed() {
        if (DURING.get() != null) {
            DURING.set(null);
        }
    }

    /** Whether these events of a commit before the guarded one move the stream past {@link #lastSequence}. */
    boolean movedBy(List<StoredEvent> events) {
        for (StoredEvent e : events) {
            if (holds(e) && e.seq() > lastSequence) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(StoredEvent e) {
        return e.domain() && e.aggregateId().equals(aggregateId);
    }

    /** The stream key of the event that would move the stream: its unique key in {@code heads}. */
    String nextKey() {
        return CommitDocuments.streamKey(lastSequence + 1, aggregateId);
    }
}
