package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The registration receipt given to the applicant (002 art. 26.2.1): the answer to a signed
 * {@link ApplyForPermit}.
 *
 * @param applicationId    the application id, for later commands and queries
 * @param receiptNumber    the registration number
 * @param receivedAt       the time of receipt (day 0 of the decision period)
 * @param decisionDue      the last local day for the decision (002 art. 26.1)
 * @param decisionDueAt    the end of that day as an instant
 * @param calendarVersion  the working-day calendar version that computed it
 */
public record PermitRegistrationReceipt(ApplicationId applicationId,
                                        ReceiptNumber receiptNumber,
                                        Instant receivedAt,
                                        LocalDate decisionDue,
                                        Instant decisionDueAt,
                                        String calendarVersion) {

    public static PermitRegistrationReceipt of(PermitApplicationRegistered event) {
        return new PermitRegistrationReceipt(event.applicationId(), event.receiptNumber(), event.receivedAt(),
                event.decisionDue(), event.decisionDueAt(), event.calendarVersion());
    }
}
