package mn.registry.web.desk;

import mn.registry.kernel.permit.MinimumInsuranceSet;
import mn.registry.kernel.money.Money;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The minimum insurance the ministry set (002 art. 26.5), read from the ministry's parameter stream, so the desk says
 * "set the minimum insurance before approving" instead of offering an approval the registry would refuse.
 */
@Component
class MinistryParameter {

    /** The stream the command side keeps the ministry's parameters in (MinistryParameters.STREAM). */
    static final String STREAM = "ministry-parameters";

    private final EventStore events;

    MinistryParameter(EventStore events) {
        this.events = events;
    }

    Optional<Money> inForce() {
        try {
            return events.readEvents(STREAM).asStream().map(EventMessage::getPayload).filter(MinimumInsuranceSet.class::isInstance)
                    .map(p -> ((MinimumInsuranceSet) p).amount()).reduce((a, b) -> b);
        } catch (RuntimeException e) {
            return Optional.empty(); // no parameter stream yet
        }
    }
}
