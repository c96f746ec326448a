package mn.registry.kernel.permit;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;

import java.time.LocalDate;

/** The due date of a raised working-day duty moved because the Government changed the calendar (domain-rules §2). */
public record PermitDutyDueRecomputed(ApplicationId applicationId, PermitDuty duty, String deadlineId, LocalDate startedOn, WorkingDays workingDays, LocalDate due,
                                      CalendarVersion calendarVersion) {
}
