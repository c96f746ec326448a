package mn.registry.kernel.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A day that is not a working day, with every reason it is off (a holiday may fall on a Saturday). */
public record NonWorkingDay(LocalDate date, List<DayOffReason> reasons) {

    public NonWorkingDay {
        Objects.requireNonNull(date, "date");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a non-working day has at least one reason: " + date);
        }
    }
}
