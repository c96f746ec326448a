package mn.registry.kernel.calendar;

import mn.registry.kernel.privacy.PublishedText;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The Government declares {@code date} a working day (typically a Saturday). When {@code replacesDate} is
 * given this is a day transfer: the working day {@code replacesDate} becomes a day off in exchange (e.g. in 2018
 * Friday 9 Nov was made a day off and Saturday 17 Nov a working day). {@code replacesDate} may be null.
 */
public record WorkingDayDeclared(LocalDate date, LocalDate replacesDate, @PublishedText String decisionReference)
        implements CalendarDeclaration {

    public WorkingDayDeclared {
        Objects.requireNonNull(date, "date");
        DayOffReason.requireText(decisionReference, "decisionReference");
        if (date.equals(replacesDate)) {
            throw new IllegalArgumentException("a day cannot replace itself: " + date);
        }
    }

    /** A working day declared without a day off in exchange. */
    public static WorkingDayDeclared workingDay(LocalDate date, String decisionReference) {
        return new WorkingDayDeclared(date, null, decisionReference);
    }

    /** A day transfer: {@code workingDay} is worked instead of {@code dayOff}. */
    public static WorkingDayDeclared transfer(LocalDate workingDay, LocalDate dayOff, String decisionReference) {
        return new WorkingDayDeclared(workingDay, Objects.requireNonNull(dayOff, "dayOff"), decisionReference);
    }

    /** The day given off in exchange, if this is a day transfer. */
    public Optional<LocalDate> replaced() {
        return Optional.ofNullable(replacesDate);
    }

    DayOffReason transferredReason() {
        return new DayOffReason(DayOffReason.Kind.TRANSFERRED_DAY_OFF,
                "Day off transferred to " + date, "Ажлын өдрийг " + date + "-нд шилжүүлсэн", decisionReference);
    }
}
