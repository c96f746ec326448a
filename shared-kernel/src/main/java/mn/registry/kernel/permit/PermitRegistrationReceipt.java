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
 * @param receivedAt       the time of receipt by the registry's clock, in UTC (day 0 of the decision period)
 * @param decisionDue      the last local day for the decision (002 art. 26.1)
 * @param decisionDueAt    the end of that day, in Ulaanbaatar time
 * @param calendarVersion  the working-day calendar version that computed it
 * @param receivedAtUlaanbaatar the same time of receipt as the applicant's local date and time in Asia/Ulaanbaatar
 *                              (ADR 0013 §5: a receipt is read by people in Mongolia, not only by machines in UTC)
 */
public record PermitRegistrationReceipt(ApplicationId applicationId,
                                        ReceiptNumber receiptNumber,
                                        Instant receivedAt,
                                        LocalDate decisionDue,
                                        OffsetDateTime decisionDueAt,
                                        CalendarVersion calendarVersion,
                                        OffsetDateTime receivedAtUlaanbaatar) {

    public PermitRegistrationReceipt {
        if (receivedAtUlaanbaatar == null) {
            receivedAtUlaanbaatar = inUlaanbaatar(receivedAt);
        }
    }

    /** A receipt whose local time is computed from {@code receivedAt}. */
    public PermitRegistrationReceipt(ApplicationId applicationId, ReceiptNumber receiptNumber, Instant receivedAt, LocalDate decisionDue,
                                     OffsetDateTime decisionDueAt, CalendarVersion calendarVersion) {
        this(applicationId, receiptNumber, receivedAt, decisionDue, decisionDueAt, calendarVersion, inUlaanbaatar(receivedAt));
    }

    /** An instant as the local date and time in Asia/Ulaanbaatar, with its offset (+08:00). */
    public static OffsetDateTime inUlaanbaatar(Instant instant) {
        return instant == null ? null : instant.atZone(UlaanbaatarTime.ZONE).toOffsetDateTime();
    }

    public static PermitRegistrationReceipt of(PermitApplicationRegistered event) {
        return new PermitRegistrationReceipt(event.applicationId(), event.receiptNumber(), event.receivedAt(),
                event.decisionDue(), event.decisionDueAt().atZone(UlaanbaatarTime.ZONE).toOffsetDateTime(), event.calendarVersion());
    }
}
