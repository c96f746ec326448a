package mn.registry.kernel.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline still running, as recorded in an event: which case it belongs to ({@code reference}, e.g. an
 * application id), when the clock started, how many working days, the due date recorded and the version used.
 */
public record OpenDeadline(String reference, LocalDate receivedOn, WorkingDays workingDays, LocalDate due,
                           CalendarVersion calendarVersion) {

    public OpenDeadline {
        DayOffReason.requireText(reference, "reference");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(workingDays, "workingDays");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(calendarVersion, "calendarVersion");
    }

    /** The open deadline a computed deadline gives, under {@code reference}. */
    public static OpenDeadline of(String reference, Deadline deadline) {
        return new OpenDeadline(reference, deadline.receivedOn(), deadline.workingDays(), deadline.due(),
                deadline.calendarVersion());
    }
}
