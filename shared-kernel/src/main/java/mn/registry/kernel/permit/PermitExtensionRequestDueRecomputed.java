package mn.registry.kernel.permit;

import java.time.LocalDate;
import mn.registry.kernel.calendar.CalendarVersion;

/**
 * The extension request's due date of the term ending {@code validUntil} (002 art. 27.2, three months before expiry, on the next working day
 * when that is a day off: ADR 0046 item 15) moved because the Government changed the calendar: counted again on the calendar in force when
 * its deadline fired ({@code calendarVersion}), {@code requestDue} is the day it now ends on (ADR 0046 item 132; abuse audit F476, was O328).
 */
public record PermitExtensionRequestDueRecomputed(ApplicationId applicationId, LocalDate validUntil, LocalDate requestDue,
                                                  CalendarVersion calendarVersion, String article) {
}
