package mn.registry.freezone.land;

import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;

/**
 * What {@link ZoneLand} needs from outside to decide, given to its command handlers as a parameter (ADR 0026), as things
 * stand at the registry's time of receipt: the zone (boundary, area, open), an entity's registration standing in it, and
 * the documents received. The aggregate asks; it never reads a collection itself.
 */
interface LandServices {

    /**
     * The zone as its events say now, with its closures and activities (one read of its stream: abuse audit O389); {@code freezone.zone-unknown}
     * if it was never established.
     */
    Zones.Zone zone(ZoneId zone);

    /**
     * 003 art. 22; 002 art. 29.1.2, 23.3 (ADR 0035 item 164, choice; abuse audit F606, was O452): how the Mongolian company under this state
     * registration number ended, if the registry holds it ended at this moment, from the permit register's memory ({@code CompaniesEnded}:
     * no added round trip); empty if it did not.
     */
    default java.util.Optional<mn.registry.permit.api.CompanyEnded> companyEnded(String stateRegistrationNumber) {
        return java.util.Optional.empty();
    }

    /** The registration's standing now (003 art. 12.2, 22.2): registered or not, and its representative. */
    LandHolders.Holder standing(RegistrationId registration);

    /**
     * As {@link #standing(RegistrationId)}, in an act that read {@code zone} already: the periods of 12.5 are moved by that zone's closures,
     * not read again (abuse audit O389). A test's services that judge no closures may answer as {@link #standing(RegistrationId)}.
     */
    default LandHolders.Holder standing(RegistrationId registration, Zones.Zone zone) {
        return standing(registration);
    }

    /**
     * The standing of each of {@code registrations} now, as {@link #standing} (ADR 0035 item 91; abuse audit O257): the land desk's answer asks
     * every entity it judges at once, so that what the registry reads for all of them (the zones' list) is read once.
     */
    default java.util.Map<RegistrationId, LandHolders.Holder> standings(java.util.Collection<RegistrationId> registrations) {
        java.util.Map<RegistrationId, LandHolders.Holder> standings = new java.util.LinkedHashMap<>();
        registrations.forEach(registration -> standings.computeIfAbsent(registration, this::standing));
        return standings;
    }

    /** As {@link #standings(java.util.Collection)}, in an answer that read {@code zone} already (O389), as {@link #standing(RegistrationId, Zones.Zone)}. */
    default java.util.Map<RegistrationId, LandHolders.Holder> standings(java.util.Collection<RegistrationId> registrations, Zones.Zone zone) {
        return standings(registrations);
    }

    /**
     * 003 art. 12.1; 001 art. 23.1.1 (ADR 0035 item 154; abuse audit F590, was O425): the instant from which {@code person}'s grant of the
     * applicant's role last ceased to name {@code company} (a state registration number), as their stream holds it now
     * ({@link mn.registry.infrastructure.identity.IdentityDirectory#representationEnded}); empty when no grant of theirs ever named it, or
     * one names it still. A test's services that keep no person's stream answer none.
     */
    default java.util.Optional<java.time.Instant> representationEnded(mn.registry.kernel.identity.PersonId person, String company) {
        return java.util.Optional.empty();
    }

    /** The types of activity the zone's establishing resolution allows (003 art. 6.1), as read with the zone. */
    java.util.Set<mn.registry.kernel.freezone.Activity> allowedActivities(Zones.Zone zone);

    /** Whether the registry received a document with this SHA-256 (uploaded to {@code POST /api/documents}). */
    boolean documentReceived(String sha256);

    /**
     * 003 art. 22.7 and Land Law art. 35 (choice, ADR 0035): the longest period of possession or use a decision may grant, in years,
     * a ministry parameter ({@code registry.freezone.land.max-years}, default 60).
     */
    int maxLandYears();

    /**
     * 003 art. 22.3 (ADR 0035 item 149, choice; abuse audit F585): the last day (in Ulaanbaatar) a lower basic value recorded at {@code recordedAt}
     * is confirmed: {@link mn.registry.kernel.freezone.FreeZoneTerms#LAND_BASE_VALUE_AWAITS} working days after its receipt's day, on the
     * working-day calendar in force now. A test's services answer on the calendar as shipped.
     */
    default java.time.LocalDate lastDayToConfirmBaseValue(java.time.Instant recordedAt) {
        return mn.registry.kernel.calendar.WorkingDayCalendar.base()
                .deadline(recordedAt, mn.registry.kernel.freezone.FreeZoneTerms.LAND_BASE_VALUE_AWAITS).due();
    }
}
