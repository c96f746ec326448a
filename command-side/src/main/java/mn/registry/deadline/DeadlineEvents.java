package mn.registry.deadline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;

/** The Axon face of {@link DeadlineProjection}: every event, in processing group {@value #PROCESSING_GROUP}. */
@ProcessingGroup(DeadlineEvents.PROCESSING_GROUP)
class DeadlineEvents {

    static final String PROCESSING_GROUP = "deadlines";

    private final DeadlineProjection projection;

    DeadlineEvents(DeadlineProjection projection) {
        this.projection = projection;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        // the store position (ADR 0053): a streaming processor's event carries its tracking token
        long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(MongoDeadlines.UNKNOWN_POSITION) : MongoDeadlines.UNKNOWN_POSITION;
        projection.on(event, message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1, position);
    }

    @ResetHandler
    void reset() {
        projection.reset();
    }
}
