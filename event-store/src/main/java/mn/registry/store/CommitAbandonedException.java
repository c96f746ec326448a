package mn.registry.store;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * A commit whose reserved global positions were closed as an abandoned hole (tombstoned by a reader after
 * the hole timeout) before the writer inserted it. Its events are NOT stored and the command failed.
 * Deliberately not a {@code ConcurrencyException}: it is not a conflict on the aggregate's model, and a
 * blind retry would hide that the writer was stalled for longer than the hole timeout.
 *
 * <p>Since ADR 0024 the engine reserves no position before its insert, so it no longer throws this; the class stays
 * for callers that catch it.
 */
public class CommitAbandonedException extends EventStoreException {

    private final long firstPosition;
    private final int count;

    public CommitAbandonedException(long firstPosition, int count, Throwable cause) {
        super("commit at positions " + firstPosition + ".." + (firstPosition + count - 1)
                + " was abandoned: a reader closed the hole after the hole timeout; its events were not stored", cause);
        this.firstPosition = firstPosition;
        this.count = count;
    }

    public long firstPosition() {
        return firstPosition;
    }

    public int count() {
        return count;
    }
}
