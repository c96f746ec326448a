package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Process of 003 art. 12.5.3, 22.6, 22.7 (the lead's reading, ADR 0035 item 85; abuse audit F417, was O238): when a court's dissolution of an
 * entity is recorded on its registration in one zone, the entity's registration in every other established zone is told, and raises its
 * governor's duty to record the same decision there ({@link ZoneRegistration}'s {@code RaiseCourtDecisionDuty}), which its deadline escalates.
 * Idempotent: a registration raises one duty while it is open, none once the decision is recorded there, none where the entity is not
 * registered; a zone where the entity never applied has no registration to tell.
 */
@Component
@ProcessingGroup(CourtDecisionDuties.PROCESSING_GROUP)
class CourtDecisionDuties {

    static final String PROCESSING_GROUP = "freezone-court-decision-duties";

    private final CommandGateway gateway;
    private final Function<RegistrationId, List<RegistrationId>> otherZones;
    private final Clock clock;

    @Autowired
    CourtDecisionDuties(CommandGateway gateway, CourtDecisionsElsewhere elsewhere, Clock clock) {
        this(gateway, elsewhere::inTheOtherZones, clock);
    }

    /** @param otherZones the entity's registration ids in every established zone but the one's given ({@link CourtDecisionsElsewhere#inTheOtherZones}) */
    CourtDecisionDuties(CommandGateway gateway, Function<RegistrationId, List<RegistrationId>> otherZones, Clock clock) {
        this.gateway = gateway;
        this.otherZones = otherZones;
        this.clock = clock;
    }

    @EventHandler
    void on(RegistrationEvents.CourtDissolutionRecorded event) {
        Instant raisedAt = clock.instant();
        for (RegistrationId other : otherZones.apply(event.registrationId())) {
            try {
                gateway.sendAndWait(new RegistrationStreamCommands.RaiseCourtDecisionDuty(RegistrationStreamCommands.stream(other), other,
                        event.registrationId().zoneId(), event.reference(), event.decidedOn(), raisedAt));
            } catch (AggregateNotFoundException e) {
                // the entity never applied in that zone: no governor there has anything to record
            }
        }
    }
}
