package mn.registry.freezone.land;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.RunningPeriods;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


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
    record Holder(RegistrationId registrationId, boolean registered, PersonId representative, Instant registeredAt, boolean landGroundRaised,
                  PeriodsInZone periods) {

        Holder(RegistrationId registrationId, boolean registered, PersonId representative) {
            this(registrationId, registered, representative, null, false);
        }

        Holder(RegistrationId registrationId, boolean registered, PersonId representative, Instant registeredAt) {
            this(registrationId, registered, representative, registeredAt, false);
        }

        Holder(RegistrationId registrationId, boolean registered, PersonId representative, Instant registeredAt, boolean landGroundRaised) {
            this(registrationId, registered, representative, registeredAt, landGroundRaised, PeriodsInZone.NONE);
        }
    }

    /**
     * 003 art. 6.4, 12.5.1, 12.5.2, 22.6 (ADR 0035 item 101; abuse audit F501): the registration's current periods (the one fold of them,
     * {@link RunningPeriods}, as {@code ZoneRegistration} keeps them) with the zone's closures that move them (item 21): the land register
     * judges at its receipt whether one ran out before the deadline service raised its ground.
     */
    record PeriodsInZone(RunningPeriods periods, List<FreeZoneTerms.Closure> closures) {

        static final PeriodsInZone NONE = new PeriodsInZone(RunningPeriods.NONE, List.of());

        /** The ground and last day of the period of 12.5.1 or 12.5.2 that ran out before {@code receivedOn}, moved by the closures; empty if none did. */
        java.util.Optional<Map.Entry<DeregistrationGround, LocalDate>> ranOutBefore(LocalDate receivedOn) {
            return periods.ranOutBefore(closures, receivedOn);
        }
    }

    /** The stream of a registration, as {@code ZoneRegistration} names it. */
    static String registrationStream(RegistrationId id) {
        return id.stream();
    }

    /**
     * The court decisions recorded on each registration's entity in the other zones, asked for several registrations at once
     * ({@code CourtDecisionsElsewhere.ofEach}: ADR 0035 items 67, 82, 91); a registration asked and not answered has none.
     */
    interface DecisionsElsewhere {
        Map<RegistrationId, List<RegistrationEvents.CourtDissolutionRecorded>> ofEach(Collection<RegistrationId> registrations);
    }

    private final EventStore events;
    private final DecisionsElsewhere courtDecisionsElsewhere;
    private final java.util.function.Function<ZoneId, List<FreeZoneTerms.Closure>> closures;

    /** The standing read from this zone's registration streams only (no other zone is established). */
    LandHolders(EventStore events) {
        this(events, registrations -> Map.of());
    }

    /** The standing of registrations in zones never closed. */
    LandHolders(EventStore events, DecisionsElsewhere courtDecisionsElsewhere) {
        this(events, courtDecisionsElsewhere, zone -> List.of());
    }

    /** @param closures each zone's temporary closures (003 art. 6.4; ADR 0035 item 21), which move the periods of 12.5.1 and 12.5.2 */
    LandHolders(EventStore events, DecisionsElsewhere courtDecisionsElsewhere, java.util.function.Function<ZoneId, List<FreeZoneTerms.Closure>> closures) {
        this.events = events;
        this.courtDecisionsElsewhere = courtDecisionsElsewhere;
        this.closures = closures;
    }

    /** The registration's standing now: registered or not (never applied, applied, rejected, deregistered), and its representative. */
    Holder standing(RegistrationId id) {
        return standings(List.of(id)).get(id);
    }

    /**
     * The standing of each of {@code ids} now, as {@link #standing} (ADR 0035 item 91; abuse audit O257): each one's own stream, and the court
     * decisions elsewhere of those registered with a certificate asked together (the zones' list read once for the land desk's answer, not once
     * per entity).
     */
    Map<RegistrationId, Holder> standings(Collection<RegistrationId> ids) {
        return standingsBy(ids, closures);
    }

    /**
     * As {@link #standings(Collection)}, in an act that read {@code zone} already (abuse audit O389): the registrations in it are judged by the
     * closures read with it, in the same read of the zone's stream; a registration in another zone by its zone's closures, read as before.
     */
    Map<RegistrationId, Holder> standings(Collection<RegistrationId> ids, mn.registry.freezone.zone.Zones.Zone zone) {
        return standingsBy(ids, inZone -> inZone.equals(zone.zoneId()) ? zone.closures() : closures.apply(inZone));
    }

    private Map<RegistrationId, Holder> standingsBy(Collection<RegistrationId> ids, java.util.function.Function<ZoneId, List<FreeZoneTerms.Closure>> closuresOf) {
        Map<RegistrationId, OwnStream> own = new LinkedHashMap<>();
        ids.forEach(id -> own.computeIfAbsent(id, this::ownStream));
        List<RegistrationId> certified = own.entrySet().stream().filter(e -> e.getValue().registered() && e.getValue().certificateIssuedOn() != null)
                .map(Map.Entry::getKey).toList();
        Map<RegistrationId, List<RegistrationEvents.CourtDissolutionRecorded>> elsewhere = certified.isEmpty() ? Map.of()
                : courtDecisionsElsewhere.ofEach(certified);
        Map<RegistrationId, Holder> standings = new LinkedHashMap<>();
        Map<ZoneId, List<FreeZoneTerms.Closure>> closed = new java.util.HashMap<>();
        own.forEach((id, stream) -> standings.put(id, new Holder(id, stream.registered(), stream.representative(), stream.registeredAt(),
                stream.landGroundRaised() || dissolvedElsewhere(stream, elsewhere.getOrDefault(id, List.of())),
                stream.periods().startDueBy() == null ? PeriodsInZone.NONE : new PeriodsInZone(stream.periods(),
                        List.copyOf(closed.computeIfAbsent(id.zoneId(), closuresOf))))));
        return standings;
    }

    /** What the registration's own stream says (its current period). */
    private record OwnStream(boolean registered, PersonId representative, Instant registeredAt, boolean landGroundRaised, LocalDate certificateIssuedOn,
                             RunningPeriods periods) {
    }

    private OwnStream ownStream(RegistrationId id) {
        boolean registered = false;
        PersonId representative = null;
        Instant registeredAt = null;
        boolean landGroundRaised = false;
        LocalDate certificateIssuedOn = null;
        RunningPeriods periods = RunningPeriods.NONE;
        for (Object e : WholeStream.payloads(events, registrationStream(id)).toList()) {
            periods = periods.after(e, certificateIssuedOn);
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
        return new OwnStream(registered, representative, registeredAt, landGroundRaised, certificateIssuedOn, periods);
    }

    // 003 art. 12.5.3, 22.6, 22.7 (ADR 0035 items 16, 67, 82; abuse audit F399): a court's dissolution of the entity recorded in another zone,
    // dated on or after this registration's certificate (one before it was not about this registration, item 67), ends its land rights here
    // as one recorded here does: no land is applied for, granted, certified, reported paid or exempted until this zone's governor records it
    private static boolean dissolvedElsewhere(OwnStream stream, List<RegistrationEvents.CourtDissolutionRecorded> decisionsElsewhere) {
        return stream.registered() && stream.certificateIssuedOn() != null
                && decisionsElsewhere.stream().anyMatch(decision -> !decision.decidedOn().isBefore(stream.certificateIssuedOn()));
    }
}
