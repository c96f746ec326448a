package mn.registry.kernel.calendar;

import java.util.Objects;

/** An open deadline whose due date moves under a new calendar version: what it was and what it is now. */
public record DeadlineChange(OpenDeadline before, Deadline after) {

    public DeadlineChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** Positive when the deadline moved later (a holiday was declared), negative when earlier. */
    public long daysMoved() {
        return java.time.temporal.ChronoUnit.DAYS.between(before.due(), after.due());
    }
}
