package mn.registry.freezone.entity;

import mn.registry.document.DocumentStore;
import mn.registry.freezone.zone.Zones;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.ZoneId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

/** {@link RegistrationServices} on the running registry: the current calendar, the zones' events, the document store. */
@Component
class RegistryRegistrationServices implements RegistrationServices {

    private final CurrentCalendar calendar;
    private final Zones zones;
    private final DocumentStore documents;
    private final ActDocumentClaims claims;

    RegistryRegistrationServices(CurrentCalendar calendar, Zones zones, DocumentStore documents, ActDocumentClaims claims) {
        this.calendar = calendar;
        this.zones = zones;
        this.documents = documents;
        this.claims = claims;
    }

    @Override
    public Deadline due(Instant from, WorkingDays n) {
        return calendar.get().deadline(from, n);
    }

    @Override
    public void requireOpen(ZoneId zone) {
        zones.requireOpen(zone);
    }

    @Override
    public java.util.List<mn.registry.kernel.freezone.FreeZoneTerms.Closure> closures(ZoneId zone) {
        return zones.closures(zone);
    }

    @Override
    public java.time.LocalDate resolutionDate(ZoneId zone) {
        return zones.find(zone).map(Zones.Zone::resolutionDate).orElse(null);
    }

    @Override
    public Set<Activity> allowedActivities(ZoneId zone) {
        return zones.allowedActivities(zone);
    }

    @Override
    public java.util.Optional<Instant> documentReceivedAt(String sha256) {
        return documents.cite(sha256).map(mn.registry.document.StoredDocument::receivedAt);
    }

    @Override
    public void claimFeeReceipt(String sha256, String commandId, mn.registry.kernel.freezone.RegistrationId registration, Instant at) {
        claims.claimFeeReceipt(sha256, commandId, registration, at);
    }
}
