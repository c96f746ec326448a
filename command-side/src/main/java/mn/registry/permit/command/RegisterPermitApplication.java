package mn.registry.permit.command;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.ReceiptNumber;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The internal Axon command that registers an application: everything the aggregate needs, computed
 * outside it (time, ids, the due date and calendar version, the documents as stored).
 */
record RegisterPermitApplication(@TargetAggregateIdentifier ApplicationId applicationId,
                                 ReceiptNumber receiptNumber,
                                 Company company,
                                 boolean holdsOtherPermit,
                                 List<DocumentRef> documents,
                                 Instant receivedAt,
                                 LocalDate decisionDue,
                                 Instant decisionDueAt,
                                 WorkingDays workingDays,
                                 CalendarVersion calendarVersion,
                                 PersonId signedBy,
                                 String commandSignatureSha256) {

    RegisterPermitApplication {
        documents = List.copyOf(documents);
    }
}
