package mn.registry.infrastructure.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.stream.Stream;

/**
 * ADR 0069 item 8 (abuse audit F484, was O311): an aggregate's stream read by code beside the aggregate (a reader that folds the events
 * itself: the land register's standing of a holder, the court decisions elsewhere, the quarterly report, a document's readers, a person's
 * roles), every event from the first. Axon's one-argument {@code EventStore.readEvents(id)} answers the latest snapshot (its payload the
 * aggregate itself) and only the events after it: right for the aggregate's own load, which Axon's repository makes, and wrong for any
 * other reader, which never sees an event before the snapshot. Every such reader reads here; {@code ArchitectureTest} forbids the
 * one-argument read anywhere else in the registry's code.
 */
public final class WholeStream {

    /** The first event's sequence number: a read from it is a read of the storage engine, which never answers a snapshot. */
    static final long FIRST_EVENT = 0;

    private WholeStream() {
    }

    /** Every event of {@code stream}, in order from its first, never a snapshot. */
    public static Stream<? extends DomainEventMessage<?>> events(EventStore store, String stream) {
        return store.readEvents(stream, FIRST_EVENT).asStream();
    }

    /** The payloads of {@link #events}. */
    public static Stream<Object> payloads(EventStore store, String stream) {
        return events(store, stream).map(EventMessage::getPayload);
    }
}
