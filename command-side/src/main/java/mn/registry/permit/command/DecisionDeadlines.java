package mn.registry.permit.command;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The working-day calendar as the permit intake needs it: the due date of a period of working days
 * counted from a day of receipt (day 0), with the calendar version that computed it.
 */
public interface DecisionDeadlines {

    /** The deadline {@code workingDays} working days after {@code receivedOn} (local date in Ulaanbaatar). */
    Deadline deadline(LocalDate receivedOn, int workingDays);

    /** A due day, the instant its last second ends, and the calendar version. */
    record Deadline(LocalDate due, Instant dueAt, String calendarVersion) {
    }
}
