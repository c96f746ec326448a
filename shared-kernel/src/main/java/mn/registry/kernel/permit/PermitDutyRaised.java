package mn.registry.kernel.permit;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The registry raised a duty the law puts on the holder or the ministry, due by the end of {@code due} ({@code article}).
 * A duty counted in working days names its day 0, its length and the calendar version, so a calendar change can move it;
 * a duty due on a calendar date has those three null.
 */
public record PermitDutyRaised(ApplicationId applicationId, PermitDuty duty, LocalDate startedOn, WorkingDays workingDays, LocalDate due,
                               CalendarVersion calendarVersion, Instant raisedAt, String article) {
}
