package mn.registry.permit.command;

import mn.registry.command.api.CommandContext;
import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.ReceiptNumber;
import mn.registry.kernel.permit.SubmittedDocument;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link PermitServices} on the running registry: the current calendar, the event store, the document store, the id counters and
 * Axon's repository of permits (looked up when first needed: the repository's handlers take these services).
 */
@Component
class RegistryPermitServices implements PermitServices {

    private final CurrentCalendar calendar;
    private final EventStore events;
    private final DocumentStore documents;
    private final PermitApplicationIds ids;
    private final Supplier<Repository<PermitApplication>> permits;
    private final CompaniesOnRecord companies;
    private final CeasedCompanies ceased;

    @Autowired
    RegistryPermitServices(CurrentCalendar calendar, EventStore events, DocumentStore documents, PermitApplicationIds ids,
                           ObjectProvider<Configuration> axon, CompaniesOnRecord companies, CeasedCompanies ceased) {
        this(calendar, events, documents, ids, () -> axon.getObject().repository(PermitApplication.class), companies, ceased);
    }

    /**
     * For the tests of acts other than a transfer: no index of the companies on record (a transfer would fail loudly), and no company
     * ended by a reorganisation (an application is not asked about one).
     */
    RegistryPermitServices(CurrentCalendar calendar, EventStore events, DocumentStore documents, PermitApplicationIds ids,
                           Supplier<Repository<PermitApplication>> permits) {
        this(calendar, events, documents, ids, permits, null, null);
    }

    RegistryPermitServices(CurrentCalendar calendar, EventStore events, DocumentStore documents, PermitApplicationIds ids,
                           Supplier<Repository<PermitApplication>> permits, CompaniesOnRecord companies, CeasedCompanies ceased) {
        this.calendar = calendar;
        this.events = events;
        this.documents = documents;
        this.ids = ids;
        this.permits = permits;
        this.companies = companies;
        this.ceased = ceased;
    }

    @Override
    public java.util.List<mn.registry.kernel.identity.RoleGranted> representativeGrantsAt(mn.registry.kernel.identity.PersonId person, Instant at) {
        java.util.List<Object> history = mn.registry.infrastructure.axon.WholeStream.payloads(events,
                mn.registry.infrastructure.identity.IdentityDirectory.streamOf(person)).toList();
        return mn.registry.infrastructure.identity.IdentityDirectory.grantsHeldAt(history, mn.registry.kernel.identity.Role.APPLICANT, at);
    }

    @Override
    public Deadline due(Instant from, WorkingDays n) {
        return calendar.get().deadline(from, n);
    }

    @Override
    public Deadline due(LocalDate from, WorkingDays n) {
        return calendar.get().deadline(from, n);
    }

    @Override
    public Deadline dueOnTheCalendarInForceNow(LocalDate dayZero, WorkingDays n) {
        return calendar.dueOnTheCalendarInForceNow(dayZero, n);
    }

    @Override
    public CalendarVersion calendarVersionInForce() {
        return calendar.get().version();
    }

    @Override
    public Money minimumInsuranceInForce(java.time.Instant at) {
        return PermitCommandTypes.minimumInsuranceInForce(events, at);
    }

    @Override
    public Optional<DocumentRef> received(SubmittedDocument document) {
        return documents.cite(document.sha256()).map(stored -> stored.as(document.kind()));
    }

    @Override
    public java.util.function.Function<SubmittedDocument, Optional<DocumentRef>> readTogether(java.util.List<SubmittedDocument> named) {
        java.util.Map<String, mn.registry.document.StoredDocument> read = documents.readClaimed(named.stream()
                .filter(d -> d != null && mn.registry.kernel.permit.DocumentRef.isSha256Hex(d.sha256())).map(SubmittedDocument::sha256).toList());
        return document -> read.containsKey(document.sha256()) ? Optional.of(read.get(document.sha256()).as(document.kind())) : received(document);
    }

    @Override
    public boolean documentReceived(String sha256) {
        return documents.cite(sha256).isPresent();
    }

    @Override
    public Optional<Instant> documentReceivedAt(String sha256) {
        return documents.cite(sha256).map(mn.registry.document.StoredDocument::receivedAt);
    }

    /**
     * 002 art. 29.4: asks the successor's own aggregate, loaded inside the unit of work of the pass-on, so the permit's state machine
     * is written once, in {@link PermitApplication}; an id that names no application is no permit in force (asked of the event store
     * first, so that a made-up id does not have Axon's repository log a stack trace). In force at the act's receipt, as F67 judges a
     * permit's own acts: a term that ended before it is no term in force, even before the expiry deadline records it (F195).
     */
    @Override
    public boolean permitInForce(ApplicationId id, java.time.Instant receivedAt) {
        if (events.lastSequenceNumberFor(id.value()).isEmpty()) {
            return false;
        }
        try {
            return permits.get().load(id.value()).invoke(permit -> permit.inForceOn(receivedAt));
        } catch (AggregateNotFoundException unknown) {
            return false;
        }
    }

    /** 002 art. 29.4 (ADR 0046 item 136): asked of the permit's own aggregate, as {@link #permitInForce} asks it. */
    @Override
    public Optional<String> holderOf(ApplicationId id) {
        if (events.lastSequenceNumberFor(id.value()).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(permits.get().load(id.value()).invoke(PermitApplication::holderRegistrationNumber));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        }
    }

    /** 002 art. 23.3 (ADR 0046 item 102): the index folded from the stored events, caught up to the store's head before it answers. */
    @Override
    public Optional<CompanyOnRecord> companyOnRecord(String registrationNumber) {
        return companies.of(registrationNumber);
    }

    /** 002 art. 23.3 (ADR 0046 item 109): the companies ended, in memory, read to the store's head this node knows before it answers. */
    @Override
    public Optional<CompanyCeased> companyCeased(String registrationNumber) {
        return ceased == null ? Optional.empty() : ceased.of(registrationNumber);
    }

    @Override
    public Optional<CompanyLiquidated> companyLiquidated(String registrationNumber) {
        return ceased == null ? Optional.empty() : ceased.liquidated(registrationNumber);
    }

    @Override
    public ApplicationId applicationId(CommandContext context) {
        return ids.applicationId(context);
    }

    @Override
    public ReceiptNumber nextReceiptNumber(int year) {
        return ids.nextReceiptNumber(year);
    }
}
