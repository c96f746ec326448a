package mn.registry.web.desk;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.permit.MinimumInsuranceSet;
import mn.registry.kernel.money.Money;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
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
    private final Clock clock;

    MinistryParameter(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The minimum in force now (a lowering in its notice period is not, ADR 0046 item 29). */
    Optional<Money> inForce() {
        return MinimumInsuranceSet.inForceAt(settings(), clock.instant()).map(MinimumInsuranceSet::amount);
    }

    /** A lowering set but not in force yet, with the moment it will be. */
    Optional<MinimumInsuranceSet> pending() {
        return MinimumInsuranceSet.pendingAt(settings(), clock.instant());
    }

    private List<MinimumInsuranceSet> settings() {
        try {
            return WholeStream.payloads(events, STREAM).filter(MinimumInsuranceSet.class::isInstance)
                    .map(MinimumInsuranceSet.class::cast).toList();
        } catch (RuntimeException e) {
            return List.of(); // no parameter stream yet
        }
    }
}
