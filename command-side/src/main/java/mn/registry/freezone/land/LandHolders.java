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
     * @param landGroundRaised a ground of 12.5 was raised in the current registration (22.6: the land rights go; a court's dissolution
     *                       recorded here, ADR 0035 item 16), or a court's dissolution of the entity dated on or after the current
     *                       registration's certificate was recorded in another zone (item 82, F399: the court dissolves the entity, not
     *                       one registration)
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
    private final java.util.function.Function<RegistrationId, java.util.List<RegistrationEvents.CourtDissolutionRecorded>> courtDecisionsElsewhere;

    /** The standing read from this zone's registration streams only (no other zone is established). */
    LandHolders(EventStore events) {
        this(events, registration -> java.util.List.of());
    }

    /** @param courtDecisionsElsewhere the court decisions recorded on the entity's registrations in the other zones (ADR 0035 items 67, 82) */
    LandHolders(EventStore events, java.util.function.Function<RegistrationId, java.util.List<RegistrationEvents.CourtDissolutionRecorded>> courtDecisionsElsewhere) {
        this.events = events;
        this.courtDecisionsElsewhere = courtDecisionsElsewhere;
    }

    /** The registration's standing now: registered or not (never applied, applied, rejected, deregistered), and its representative. */
    Holder standing(RegistrationId id) {
        boolean registered = false;
        PersonId representative = null;
        Instant registeredAt = null;
        boolean landGroundRaised = false;
        java.time.LocalDate certificateIssuedOn = null;
        for (Object e : events.readEvents(registrationStream(id)).asStream().map(EventMessage::getPayload).toList()) {
            if (e instanceof RegistrationEvents.ZoneRegistrationApplied applied) {
                registered = false;
                representative = applied.signedBy();
                registeredAt = null;
                landGroundRaised = false;
            } else if (e instanceof RegistrationEvents.EntityRegistered entityRegistered) {
                registered = true;
                registeredAt = entityRegistered.registeredAt();
                certificateIssuedOn = entityRegistered.certificate().issuedOn();
            } else if (e instanceof RegistrationEvents.DeregistrationGroundRaised raised && raised.ground() != null) {
                landGroundRaised = true;
            } else if (e instanceof RegistrationEvents.ZoneRegistrationRejected || e instanceof RegistrationEvents.EntityDeregistered) {
                registered = false;
            }
        }
        return new Holder(id, registered, representative, registeredAt, landGroundRaised || dissolvedElsewhere(id, registered, certificateIssuedOn));
    }

    // 003 art. 12.5.3, 22.6, 22.7 (ADR 0035 items 16, 67, 82; abuse audit F399): a court's dissolution of the entity recorded in another zone,
    // dated on or after this registration's certificate (one before it was not about this registration, item 67), ends its land rights here
    // as one recorded here does: no land is applied for, granted, certified, reported paid or exempted until this zone's governor records it
    private boolean dissolvedElsewhere(RegistrationId id, boolean registered, java.time.LocalDate certificateIssuedOn) {
        return registered && certificateIssuedOn != null && courtDecisionsElsewhere.apply(id).stream()
                .anyMatch(decision -> !decision.decidedOn().isBefore(certificateIssuedOn));
    }
}
