package mn.registry.kernel.permit;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A special-permit application was registered on receipt and its receipt given (002 art. 26.2.1);
 * a decision is due within {@code workingDays} working days of receipt (002 art. 26.1).
 * Carries company data and document hashes only: no personal data of the signing representative
 * beyond their registry person id.
 *
 * @param applicationId            the application (aggregate) id
 * @param receiptNumber            the registration receipt number
 * @param company                  the applicant company
 * @param documents                the documents of 25.1 as received
 * @param receivedAt               when the registry received the signed application (day 0)
 * @param decisionDue              the last local day (Asia/Ulaanbaatar) for the decision
 * @param decisionDueAt            the end of that day in Ulaanbaatar, as an instant
 * @param workingDays              the decision period in working days (17)
 * @param calendarVersion          the working-day calendar version that computed the due date
 * @param article                  the rule that sets the period, {@code "002 art. 26.1"}
 * @param signedBy                 the representative who signed the application
 * @param commandSignatureSha256   SHA-256 (hex) of the signed command (JWS) as received
 */
public record PermitApplicationRegistered(ApplicationId applicationId,
                                          ReceiptNumber receiptNumber,
                                          Company company,
                                          List<DocumentRef> documents,
                                          Instant receivedAt,
                                          LocalDate decisionDue,
                                          Instant decisionDueAt,
                                          WorkingDays workingDays,
                                          CalendarVersion calendarVersion,
                                          String article,
                                          PersonId signedBy,
                                          String commandSignatureSha256) {

    public PermitApplicationRegistered {
        Objects.requireNonNull(applicationId, "application id");
        Objects.requireNonNull(receiptNumber, "receipt number");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(receivedAt, "received at");
        Objects.requireNonNull(decisionDue, "decision due");
        Objects.requireNonNull(decisionDueAt, "decision due at");
        Objects.requireNonNull(workingDays, "working days");
        Objects.requireNonNull(calendarVersion, "calendar version");
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
