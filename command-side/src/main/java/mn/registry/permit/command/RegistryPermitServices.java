package mn.registry.permit.command;

import mn.registry.command.api.CommandContext;
import mn.registry.document.DocumentStore;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.PermitExpired;
import mn.registry.kernel.permit.PermitExtendedAfterExpiry;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.ReceiptNumber;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.SubmittedDocument;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** {@link PermitServices} on the running registry: the current calendar, the event store, the document store, the id counters. */
@Component
class RegistryPermitServices implements PermitServices {

    private final CurrentCalendar calendar;
    private final EventStore events;
    private final DocumentStore documents;
    private final PermitApplicationIds ids;

    RegistryPermitServices(CurrentCalendar calendar, EventStore events, DocumentStore documents, PermitApplicationIds ids) {
        this.calendar = calendar;
        this.events = events;
        this.documents = documents;
        this.ids = ids;
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
    public Money minimumInsuranceInForce() {
        return PermitCommandTypes.minimumInsuranceInForce(events);
    }

    @Override
    public Optional<DocumentRef> received(SubmittedDocument document) {
        return documents.find(document.sha256()).map(stored -> stored.as(document.kind()));
    }

    @Override
    public boolean permitInForce(ApplicationId id) {
        PermitApplicationStatus status = null;
        for (Object event : events.readEvents(id.value()).asStream().map(org.axonframework.eventhandling.EventMessage::getPayload).toList()) {
            if (event instanceof PermitIssued || event instanceof PermitRestored || event instanceof PermitExtendedAfterExpiry
                    || event instanceof RevocationComplaintDecided decided && decided.upheld()) {
                status = PermitApplicationStatus.ACTIVE;
            } else if (event instanceof PermitSuspended) {
                status = PermitApplicationStatus.SUSPENDED;
            } else if (event instanceof PermitRevoked) {
                status = PermitApplicationStatus.REVOKED;
            } else if (event instanceof PermitExpired) {
                status = PermitApplicationStatus.EXPIRED;
            }
        }
        return status == PermitApplicationStatus.ACTIVE;
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
