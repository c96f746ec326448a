package mn.registry.freezone.entity;

import mn.registry.freezone.zone.ZoneBoundaries;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * 003 art. 12.5.3, 26.2 (the lead, ADR 0035 item 67; item 82): the court decisions recorded on the same entity's registrations in the other
 * established zones, as their events say now (any registration period): one read of the zones' list and of a stream per other zone. A court
 * dissolves the legal entity, not one registration: the registration's operations records (item 67) and the land register (item 82) read it.
 */
@Component
public class CourtDecisionsElsewhere {

    private final EventStore events;
    private final ZoneBoundaries established;

    CourtDecisionsElsewhere(EventStore events, ZoneBoundaries established) {
        this.events = events;
        this.established = established;
    }

    /** The decisions recorded on {@code registration}'s entity in every established zone but its own. */
    public List<RegistrationEvents.CourtDissolutionRecorded> of(RegistrationId registration) {
        return inTheOtherZones(registration).stream()
                .flatMap(other -> events.readEvents(other.stream()).asStream()).map(EventMessage::getPayload)
                .filter(RegistrationEvents.CourtDissolutionRecorded.class::isInstance).map(RegistrationEvents.CourtDissolutionRecorded.class::cast)
                .toList();
    }

    /** The ids {@code registration}'s entity has (or would have) in every established zone but its own (read: one find of the zones' list). */
    List<RegistrationId> inTheOtherZones(RegistrationId registration) {
        return established.established().stream().filter(zone -> !zone.equals(registration.zoneId())).map(registration::inZone).toList();
    }
}
