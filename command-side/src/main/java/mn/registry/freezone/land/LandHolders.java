package mn.registry.freezone.land;

import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;


/**
 * What the land register needs to know of an applicant or holder before acting (003 art. 22.2): is its registration in
 * the zone current at the registry's time of receipt, and who represents it. Read from the registration's own events at
 * each question (as {@code Zones} reads a zone), so it is current on every node; the registration aggregate stays the
 * only writer of its stream.
 */
class LandHolders {

    /**
     * An applicant's or holder's registration in the zone as its events stand at receipt (003 art. 12.2, 22.2).
     *
     * @param registered     registered and neither rejected nor deregistered since
     * @param representative the person who signed the entity's registration application (003 art. 12.1), or null
     * @param registeredAt   when the current registration was registered (its {@code EntityRegistered}), or null
     * @param landGroundRaised a ground of 12.5.1 or 12.5.2 was raised in the current registration (22.6: the land rights go)
     */
    record Holder(RegistrationId registrationId, boolean registered, PersonId representative, Instant registeredAt, boolean landGroundRaised) {

        Holder(RegistrationId registrationId, boolean registered, PersonId representative) {
            this(registrationId, registered, representative, null, false);
        }

        Holder(RegistrationId registrationId, boolean registered, PersonId representative, Instant registeredAt) {
            this(registrationId, registered, representative, registeredAt, false);
        }
    }

    /** The stream of a registration, as {@code ZoneRegistration} names it. */
    static String registrationStream(RegistrationId id) {
        return id.stream();
    }

    private final EventStore events;

    LandHolders(EventStore events) {
        this.events = events;
    }

    /** The registration's standing now: registered or not (never applied, applied, rejected, deregistered), and its representative. */
    Holder standing(RegistrationId id) {
        boolean registered = false;
        PersonId representative = null;
        Instant registeredAt = null;
        boolean landGroundRaised = false;
        for (Object e : events.readEvents(registrationStream(id)).asStream().map(EventMessage::getPayload).toList()) {
            if (e instanceof RegistrationEvents.ZoneRegistrationApplied applied) {
                registered = false;
                representative = applied.signedBy();
                registeredAt = null;
                landGroundRaised = false;
            } else if (e instanceof RegistrationEvents.EntityRegistered entityRegistered) {
                registered = true;
                registeredAt = entityRegistered.registeredAt();
            } else if (e instanceof RegistrationEvents.DeregistrationGroundRaised raised && raised.ground() != null) {
                landGroundRaised = true;
            } else if (e instanceof RegistrationEvents.ZoneRegistrationRejected || e instanceof RegistrationEvents.EntityDeregistered) {
                registered = false;
            }
        }
        return new Holder(id, registered, representative, registeredAt, landGroundRaised);
    }
}
