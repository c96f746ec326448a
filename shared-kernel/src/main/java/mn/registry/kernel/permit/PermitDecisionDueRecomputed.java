package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.calendar.CalendarVersion;

/** The decision due date of an application moved because the Government changed the calendar (domain-rules §2, 002 art. 26.1). */
public record PermitDecisionDueRecomputed(ApplicationId applicationId, LocalDate receivedOn, LocalDate decisionDue, Instant decisionDueAt, CalendarVersion calendarVersion, String article) {
}
