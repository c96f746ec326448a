package mn.registry.freezone.land;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Process manager of 003 art. 22.6 and 22.7 (ADR 0035 item 16): when an entity is deregistered on 12.5.1, 12.5.2 or 12.5.3, its land rights in
 * the zone are revoked. Idempotent: the land register revokes only what is still in force, so an event
 * delivered twice revokes nothing more; a zone without a land register has nothing to revoke.
 */
@Component
@ProcessingGroup(LandRevocationProcess.PROCESSING_GROUP)
class LandRevocationProcess {

    static final String PROCESSING_GROUP = "freezone-land-revocation";

    private final CommandGateway gateway;
    private final EventStore events;

    LandRevocationProcess(CommandGateway gateway, EventStore events) {
        this.gateway = gateway;
        this.events = events;
    }

    @EventHandler
    void on(RegistrationEvents.EntityDeregistered event) {
        if (!event.revokesLandRights()) {
            return;
        }
        try {
            gateway.sendAndWait(new LandStreamCommands.RevokeHolder(event.zoneId(), event.registrationId(), landRevokedOn(event),
                    UlaanbaatarTime.dateOf(event.deregisteredAt()), event.deregisteredAt()));
        } catch (AggregateNotFoundException e) {
            // no land has been licensed in this zone: nothing to revoke
        }
    }

    /**
     * 003 art. 22.6 (ADR 0035 item 99; abuse audit F499): "in case of circumstances referred to in 12.5.1 and 12.5.2, the land rights ... shall be
     * revoked": the circumstances, not the ground the governor names. An entity whose year to start or 12 months of interruption ran out (the
     * ground raised) and whose court's dissolution was recorded too, removed on 12.5.3, had its land revoked as a dissolved holder's (22.7, the
     * Land Law) and published so, the circumstances of 22.6 left off the record. The first ground of 12.5.1 or 12.5.2 raised in the period this
     * removal ended (the registration's own events up to it), else the removal's ground.
     */
    DeregistrationGround landRevokedOn(RegistrationEvents.EntityDeregistered removal) {
        if (removal.ground() != DeregistrationGround.COURT_DECISION) {
            return removal.ground();
        }
        DeregistrationGround circumstance = null;
        for (Object e : WholeStream.payloads(events, removal.registrationId().stream()).toList()) {
            if (e instanceof RegistrationEvents.ZoneRegistrationApplied) {
                circumstance = null;
            } else if (e instanceof RegistrationEvents.DeregistrationGroundRaised raised && circumstance == null
                    && raised.ground() != DeregistrationGround.COURT_DECISION) {
                circumstance = raised.ground();
            } else if (e instanceof RegistrationEvents.EntityDeregistered ended && ended.deregisteredAt().equals(removal.deregisteredAt())) {
                break;
            }
        }
        return circumstance == null ? removal.ground() : circumstance;
    }
}
