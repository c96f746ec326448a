package mn.registry.freezone.land;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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

    LandRevocationProcess(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @EventHandler
    void on(RegistrationEvents.EntityDeregistered event) {
        if (!event.revokesLandRights()) {
            return;
        }
        try {
            gateway.sendAndWait(new LandStreamCommands.RevokeHolder(event.zoneId(), event.registrationId(), event.ground(),
                    UlaanbaatarTime.dateOf(event.deregisteredAt()), event.deregisteredAt()));
        } catch (AggregateNotFoundException e) {
            // no land has been licensed in this zone: nothing to revoke
        }
    }
}
