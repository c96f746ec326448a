package mn.registry.freezone.entity;

import mn.registry.document.DocumentStore;
import mn.registry.freezone.zone.Zones;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * {@link RegistrationServices} on the running registry: the current calendar, the zones' events, the document store, the claims of
 * documents and (ADR 0035 item 64) the events of the registration whose claim holds a court decision's document.
 */
@Component
class RegistryRegistrationServices implements RegistrationServices {

    private final CurrentCalendar calendar;
    private final Zones zones;
    private final DocumentStore documents;
    private final ActDocumentClaims claims;
    private final EventStore events;
    private final CourtDecisionsElsewhere elsewhere;
    private final mn.registry.permit.api.CompaniesEnded ended;

    RegistryRegistrationServices(CurrentCalendar calendar, Zones zones, DocumentStore documents, ActDocumentClaims claims, EventStore events,
                                 CourtDecisionsElsewhere elsewhere, mn.registry.permit.api.CompaniesEnded ended) {
        this.elsewhere = elsewhere;
        this.ended = ended;
        this.calendar = calendar;
        this.zones = zones;
        this.documents = documents;
        this.claims = claims;
        this.events = events;
    }

    @Override
    public Deadline due(Instant from, WorkingDays n) {
        return calendar.get().deadline(from, n);
    }

    @Override
    public Deadline dueOnTheCalendarInForceNow(java.time.LocalDate dayZero, WorkingDays n) {
        return calendar.dueOnTheCalendarInForceNow(dayZero, n);
    }

    @Override
    public java.util.Optional<mn.registry.permit.api.CompanyEnded> companyEnded(String stateRegistrationNumber) {
        return ended == null ? java.util.Optional.empty() : ended.of(stateRegistrationNumber); // null: a test's node without a permit register
    }

    @Override
    public Zones.Zone zone(ZoneId zone) {
        return zones.require(zone);
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
    public java.util.Optional<Instant> documentReceivedAt(String sha256) {
        return documents.cite(sha256).map(mn.registry.document.StoredDocument::receivedAt);
    }

    @Override
    public java.util.Optional<RegistrationEvents.CourtDissolutionRecorded> courtDecisionRecordedElsewhere(String sha256) {
        return claims.courtDecisionRecordedBy(sha256).flatMap(registration -> WholeStream.payloads(events, registration.stream())
                .filter(RegistrationEvents.CourtDissolutionRecorded.class::isInstance)
                .map(RegistrationEvents.CourtDissolutionRecorded.class::cast).filter(recorded -> sha256.equals(recorded.documentSha256()))
                .reduce((earlier, later) -> later));
    }

    @Override
    public java.util.List<RegistrationEvents.CourtDissolutionRecorded> courtDecisionsOfTheEntityElsewhere(
            mn.registry.kernel.freezone.RegistrationId registration) {
        return elsewhere.of(registration);
    }

    @Override
    public void claimFeeReceipt(String sha256, String commandId, mn.registry.kernel.freezone.RegistrationId registration, Instant at) {
        claims.claimFeeReceipt(sha256, commandId, registration, at);
    }
}
