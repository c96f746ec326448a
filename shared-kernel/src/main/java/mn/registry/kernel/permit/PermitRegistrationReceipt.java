package mn.registry.kernel.permit;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.UlaanbaatarTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The registration receipt given to the applicant (002 art. 26.2.1): the answer to a signed
 * {@link ApplyForPermit}.
 *
 * @param applicationId    the application id, for later commands and queries
 * @param receiptNumber    the registration number
 * @param receivedAt       the time of receipt (day 0 of the decision period)
 * @param decisionDue      the last local day for the decision (002 art. 26.1)
 * @param decisionDueAt    the end of that day, in Ulaanbaatar time
 * @param calendarVersion  the working-day calendar version that computed it
 */
public record PermitRegistrationReceipt(ApplicationId applicationId,
                                        ReceiptNumber receiptNumber,
                                        Instant receivedAt,
                                        LocalDate decisionDue,
                                        OffsetDateTime decisionDueAt,
                                        CalendarVersion calendarVersion) {

    public static PermitRegistrationReceipt of(PermitApplicationRegistered event) {
        return new PermitRegistrationReceipt(event.applicationId(), event.receiptNumber(), event.receivedAt(),
                event.decisionDue(), event.decisionDueAt().atZone(UlaanbaatarTime.ZONE).toOffsetDateTime(), event.calendarVersion());
    }
}
