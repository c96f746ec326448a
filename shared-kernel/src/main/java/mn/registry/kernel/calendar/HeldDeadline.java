package mn.registry.kernel.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A last day an aggregate holds for a period of working days (domain-rules §2): {@code workingDays} after {@code dayZero}, due on
 * {@code due} as it was counted. Asked whether the calendar in force moves it (ADR 0046 item 131): a day off declared on the last day moves
 * it later, a working day declared inside the count moves it earlier, a day declared after it moves nothing (item 128). The aggregate that
 * holds it records a moved day with its own recompute event; this value only counts.
 */
public record HeldDeadline(LocalDate dayZero, WorkingDays workingDays, LocalDate due) {

    public HeldDeadline {
        Objects.requireNonNull(dayZero, "dayZero");
        Objects.requireNonNull(workingDays, "workingDays");
        Objects.requireNonNull(due, "due");
    }

    /**
     * Counted again from day 0 on {@code calendarInForce} (the deadline {@code n} working days after a day 0, e.g.
     * {@link WorkingDayCalendar#deadline(LocalDate, WorkingDays)} of the calendar read again): the deadline so counted when its last day is
     * not the one held; empty when it ends where it was held.
     */
    public Optional<Deadline> movedOn(BiFunction<LocalDate, WorkingDays, Deadline> calendarInForce) {
        Deadline again = calendarInForce.apply(dayZero, workingDays);
        return again.due().equals(due) ? Optional.empty() : Optional.of(again);
    }
}
