package mn.registry.store;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * ADR 0061: a commit refused because the stream its work was guarded on ({@code StreamUnchanged}) has an event after the
 * sequence number read, stored before it in the global order. Nothing of the commit is stored and it took no position.
 * Not a {@code ConcurrencyException}: the commit's own aggregates did not conflict; the caller judges again what the moved
 * stream now says (the registry: whether the signer's authority ended meanwhile).
 */
public class StreamChangedException extends EventStoreException {

    private final String aggregateId;

    public StreamChangedException(String aggregateId, long lastSequence) {
        super("stream " + aggregateId + " has an event after " + lastSequence + " stored before this commit; nothing was stored");
        this.aggregateId = aggregateId;
    }

    public String aggregateId() {
        return aggregateId;
    }

    /** The one in {@code failure}'s chain of causes (Axon may wrap it), or null. */
    public static StreamChangedException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamChangedException changed) {
                return changed;
            }
        }
        return null;
    }
}
