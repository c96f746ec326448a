package mn.registry.kernel.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * "Within N working days from the date of receipt" (domain-rules §2, a choice): the day of receipt is day 0, the
 * due date is the N-th working day after it, and the deadline ends at {@code dueAt}, the last instant of the due
 * date in Ulaanbaatar (23:59:59.999999999 local). {@code skipped} lists the non-working days strictly between
 * day 0 and the due date, so that {@code skipped.size() + workingDays == days from receivedOn to due}.
 */
public record Deadline(LocalDate receivedOn, WorkingDays workingDays, LocalDate due, OffsetDateTime dueAt,
                       CalendarVersion calendarVersion, List<NonWorkingDay> skipped) {

    public Deadline {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(workingDays, "workingDays");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(calendarVersion, "calendarVersion");
        skipped = List.copyOf(skipped);
        if (!due.isAfter(receivedOn)) {
            throw new IllegalArgumentException("a due date comes after the day of receipt: " + receivedOn + " / " + due);
        }
        OffsetDateTime endOfDue = UlaanbaatarTime.endOf(due);
        if (!dueAt.toInstant().equals(endOfDue.toInstant())) {
            throw new IllegalArgumentException("a deadline ends at the end of its due date in Ulaanbaatar: " + dueAt);
        }
        dueAt = endOfDue;
    }

    /**
     * True when the deadline runs through a year whose lunar holidays are computed, not yet confirmed by the
     * Government (ADR 0013 §2): its calendar version names those years. A confirmation that moves it is recorded.
     */
    public boolean provisional() {
        return calendarVersion.provisional();
    }

    /** True when an act at {@code instant} meets the deadline (it happened no later than {@code dueAt}). */
    public boolean isMetBy(Instant instant) {
        return !instant.isAfter(dueAt.toInstant());
    }

    /** True when, on {@code today} (local), the deadline has passed: today is after the due date. */
    public boolean isOverdueOn(LocalDate today) {
        return today.isAfter(due);
    }
}
