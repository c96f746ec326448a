package mn.registry.freezone.land;

import mn.registry.document.DocumentStore;
import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@link LandServices} on the running registry: the zones' and registrations' events, the document store. */
@Component
class RegistryLandServices implements LandServices {

    private final Zones zones;
    private final LandHolders holders;
    private final DocumentStore documents;
    private final EventStore events;
    private final int maxLandYears;
    private final mn.registry.infrastructure.calendar.CurrentCalendar calendar;
    private final mn.registry.permit.api.CompaniesEnded ended;

    RegistryLandServices(Zones zones, EventStore events, DocumentStore documents, mn.registry.freezone.entity.CourtDecisionsElsewhere elsewhere,
                         @Value("${registry.freezone.land.max-years:60}") int maxLandYears,
                         mn.registry.infrastructure.calendar.CurrentCalendar calendar, mn.registry.permit.api.CompaniesEnded ended) {
        if (maxLandYears < 1) {
            throw new IllegalArgumentException("registry.freezone.land.max-years is a positive number of years: " + maxLandYears);
        }
        this.zones = zones;
        this.holders = new LandHolders(events, elsewhere::ofEach, zones::closures); // ADR 0035 item 101: the closures move 12.5's periods
        this.documents = documents;
        this.events = events;
        this.maxLandYears = maxLandYears;
        this.calendar = calendar;
        this.ended = ended;
    }

    // ADR 0035 item 164 (F606): the permit register's memory of the companies ended, read to the store's head this node knows
    @Override
    public java.util.Optional<mn.registry.permit.api.CompanyEnded> companyEnded(String stateRegistrationNumber) {
        return ended == null ? java.util.Optional.empty() : ended.of(stateRegistrationNumber); // null: a test's node without a permit register
    }

    // ADR 0035 item 154 (F590): the person's stream read as the registry holds it, the kernel's one fold of the end (IdentityDirectory)
    @Override
    public java.util.Optional<java.time.Instant> representationEnded(mn.registry.kernel.identity.PersonId person, String company) {
        if (person == null || company == null) {
            return java.util.Optional.empty();
        }
        return mn.registry.infrastructure.identity.IdentityDirectory.representationEnded(mn.registry.infrastructure.axon.WholeStream.payloads(events,
                mn.registry.infrastructure.identity.IdentityDirectory.streamOf(person)).toList(), company);
    }

    @Override
    public Zones.Zone zone(ZoneId zone) {
        return zones.require(zone);
    }

    @Override
    public LandHolders.Holder standing(RegistrationId registration) {
        return holders.standing(registration);
    }

    @Override
    public LandHolders.Holder standing(RegistrationId registration, Zones.Zone zone) {
        return holders.standings(java.util.List.of(registration), zone).get(registration);
    }

    @Override
    public java.util.Map<RegistrationId, LandHolders.Holder> standings(java.util.Collection<RegistrationId> registrations) {
        return holders.standings(registrations);
    }

    @Override
    public java.util.Map<RegistrationId, LandHolders.Holder> standings(java.util.Collection<RegistrationId> registrations, Zones.Zone zone) {
        return holders.standings(registrations, zone);
    }

    @Override
    public java.util.Set<mn.registry.kernel.freezone.Activity> allowedActivities(Zones.Zone zone) {
        return zone.activities();
    }

    @Override
    public boolean documentReceived(String sha256) {
        return documents.cite(sha256).isPresent();
    }

    @Override
    public int maxLandYears() {
        return maxLandYears;
    }

    @Override
    public java.time.LocalDate lastDayToConfirmBaseValue(java.time.Instant recordedAt) {
        return calendar.dueOnTheCalendarInForceNow(mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(recordedAt),
                mn.registry.kernel.freezone.FreeZoneTerms.LAND_BASE_VALUE_AWAITS).due();
    }
}
