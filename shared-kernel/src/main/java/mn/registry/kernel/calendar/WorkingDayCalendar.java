package mn.registry.kernel.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the working-day calendar of domain-rules §2, immutable. A working day is a Monday to Friday that
 * is not a public holiday, plus any day the Government declares a working day. Public holidays are the fixed ones
 * ({@link FixedHoliday#RULES}), the moving ones of the shipped data set, and those the Government declares.
 * Every question about a date outside the data set's years is refused ({@link DateOutsideCalendarException}).
 *
 * <p>{@link #base()} is the calendar as shipped ({@code MN-2024.1}); {@link #apply(CalendarDeclaration)} gives the
 * next version. Rebuilding from the same declarations in the same order gives the same version and the same days.
 */
public final class WorkingDayCalendar {

    private final CalendarVersion version;
    private final MovingHolidayData data;
    private final Map<LocalDate, CalendarDeclaration> declared;
    private final List<CalendarDeclaration> declarations;
    private final boolean[] working;
    /** workingBefore[i] = number of working days in [coveredFrom, coveredFrom + i). */
    private final int[] workingBefore;

    private WorkingDayCalendar(CalendarVersion version, MovingHolidayData data,
                               Map<LocalDate, CalendarDeclaration> declared, List<CalendarDeclaration> declarations) {
        this.version = version;
        this.data = data;
        this.declared = declared;
        this.declarations = List.copyOf(declarations);
        int span = (int) ChronoUnit.DAYS.between(data.coveredFrom(), data.coveredTo()) + 1;
        this.working = new boolean[span];
        this.workingBefore = new int[span + 1];
        for (int i = 0; i < span; i++) {
            working[i] = reasonsOff(data.coveredFrom().plusDays(i)).isEmpty();
            workingBefore[i + 1] = workingBefore[i] + (working[i] ? 1 : 0);
        }
    }

    /** The calendar as shipped: fixed rules and the moving-holiday data set, version {@code MN-2024.1}. */
    public static WorkingDayCalendar base() {
        return Base.CALENDAR;
    }

    private static final class Base {
        static final WorkingDayCalendar CALENDAR = of(MovingHolidayData.shipped());
    }

    static WorkingDayCalendar of(MovingHolidayData data) {
        return new WorkingDayCalendar(CalendarVersion.first(data.dataset()), data, Map.of(), List.of());
    }

    /** The base calendar with {@code declarations} applied in order. */
    public static WorkingDayCalendar replay(List<? extends CalendarDeclaration> declarations) {
        WorkingDayCalendar calendar = base();
        for (CalendarDeclaration declaration : declarations) {
            calendar = calendar.apply(declaration);
        }
        return calendar;
    }

    public CalendarVersion version() {
        return version;
    }

    /** The declarations applied to the base calendar to make this version, in order. */
    public List<CalendarDeclaration> declarations() {
        return declarations;
    }

    /** The first date this calendar can answer for. */
    public LocalDate coveredFrom() {
        return data.coveredFrom();
    }

    /** The last date this calendar can answer for. */
    public LocalDate coveredTo() {
        return data.coveredTo();
    }

    /**
     * The next version: this calendar with a Government declaration applied. A later declaration about a date
     * replaces an earlier one about the same date.
     */
    public WorkingDayCalendar apply(CalendarDeclaration declaration) {
        Objects.requireNonNull(declaration, "declaration");
        requireCovered(declaration.date());
        Map<LocalDate, CalendarDeclaration> next = new LinkedHashMap<>(declared);
        next.remove(declaration.date());
        next.put(declaration.date(), declaration);
        if (declaration instanceof WorkingDayDeclared transfer && transfer.replacesDate() != null) {
            requireCovered(transfer.replacesDate());
            next.remove(transfer.replacesDate());
            next.put(transfer.replacesDate(), transfer);
        }
        List<CalendarDeclaration> history = new ArrayList<>(declarations);
        history.add(declaration);
        return new WorkingDayCalendar(version.next(), data, Map.copyOf(next), history);
    }

    /** Whether {@code date} is a working day in this version. */
    public boolean isWorkingDay(LocalDate date) {
        return working[index(date)];
    }

    /** Why {@code date} is not a working day (holidays first, then the weekend), or empty when it is one. */
    public Optional<NonWorkingDay> nonWorkingDay(LocalDate date) {
        requireCovered(date);
        List<DayOffReason> reasons = reasonsOff(date);
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new NonWorkingDay(date, reasons));
    }

    /** The non-working days from {@code from} to {@code to}, both inclusive, with their reasons. */
    public List<NonWorkingDay> nonWorkingDays(LocalDate from, LocalDate to) {
        requireCovered(from);
        requireCovered(to);
        List<NonWorkingDay> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!working[index(d)]) {
                days.add(new NonWorkingDay(d, reasonsOff(d)));
            }
        }
        return days;
    }

    /**
     * "Within {@code n} working days from the date of receipt": day 0 is {@code receivedOn}, working or not; the
     * due date is the n-th working day after it; the deadline ends at the end of that day in Ulaanbaatar.
     */
    // domain-rules §2 (choice) for 002 art. 26.1 and 003 art. 12.2: receipt is day 0, due at the end of the n-th working day after it.
    public Deadline deadline(LocalDate receivedOn, WorkingDays n) {
        Objects.requireNonNull(n, "n");
        int start = index(receivedOn);
        int target = workingBefore[start + 1] + n.value();
        if (target > workingBefore[working.length]) {
            throw DateOutsideCalendarException.dueDateBeyond(receivedOn, n, coveredFrom(), coveredTo());
        }
        int i = start + 1;
        while (workingBefore[i + 1] < target) {
            i++;
        }
        LocalDate due = coveredFrom().plusDays(i);
        List<NonWorkingDay> skipped = receivedOn.plusDays(1).isAfter(due.minusDays(1))
                ? List.of() : nonWorkingDays(receivedOn.plusDays(1), due.minusDays(1));
        return new Deadline(receivedOn, n, due, UlaanbaatarTime.endOf(due), version, skipped);
    }

    /** The deadline for something received at {@code receivedAt}: day 0 is that instant's date in Ulaanbaatar. */
    public Deadline deadline(Instant receivedAt, WorkingDays n) {
        return deadline(UlaanbaatarTime.dateOf(receivedAt), n);
    }

    /**
     * Working days from {@code from} to {@code to}: the number of working days after {@code from} up to and
     * including {@code to} ("4 working days left" from today to the due date; 0 on the due date itself), and the
     * negative of the number of working days after {@code to} up to and including {@code from} when {@code to} is
     * earlier (overdue). So {@code workingDaysBetween(r, deadline(r, n).due()) == n}. Note that the day after a
     * Friday due date is a Saturday with 0: use {@link Deadline#isOverdueOn(LocalDate)} to tell overdue.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int a = index(from);
        int b = index(to);
        return workingBefore[b + 1] - workingBefore[a + 1];
    }

    /**
     * The open deadlines whose due date is different under {@code newCalendar}, each with its new deadline.
     * The command side records one event per change; unchanged deadlines keep their due date and version.
     */
    public static List<DeadlineChange> recompute(Collection<OpenDeadline> open, WorkingDayCalendar newCalendar) {
        List<DeadlineChange> changes = new ArrayList<>();
        for (OpenDeadline deadline : open) {
            Deadline after = newCalendar.deadline(deadline.receivedOn(), deadline.workingDays());
            if (!after.due().equals(deadline.due())) {
                changes.add(new DeadlineChange(deadline, after));
            }
        }
        return changes;
    }

    private List<DayOffReason> reasonsOff(LocalDate date) {
        CalendarDeclaration declaration = declared.get(date);
        if (declaration instanceof WorkingDayDeclared workingDay && date.equals(workingDay.date())) {
            return List.of();
        }
        List<DayOffReason> reasons = new ArrayList<>();
        FixedHoliday.fixedHolidayOn(date).ifPresent(reasons::add);
        reasons.addAll(data.holidays().getOrDefault(date, List.of()));
        if (declaration instanceof PublicHolidayDeclared holiday) {
            reasons.add(holiday.reason());
        } else if (declaration instanceof WorkingDayDeclared transfer) {
            reasons.add(transfer.transferredReason());
        }
        if (isWeekend(date)) {
            reasons.add(new DayOffReason(DayOffReason.Kind.WEEKEND, weekendName(date), weekendNameMn(date),
                    "domain-rules §2: a working day is Monday to Friday"));
        }
        return reasons;
    }

    // domain-rules §2: working days are Monday to Friday, so Saturday and Sunday are off unless declared working.
    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static String weekendName(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY ? "Saturday" : "Sunday";
    }

    private static String weekendNameMn(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY ? "Бямба гараг" : "Ням гараг";
    }

    private int index(LocalDate date) {
        requireCovered(date);
        return (int) ChronoUnit.DAYS.between(data.coveredFrom(), date);
    }

    private void requireCovered(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(data.coveredFrom()) || date.isAfter(data.coveredTo())) {
            throw new DateOutsideCalendarException(date, data.coveredFrom(), data.coveredTo());
        }
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar " + version;
    }
}
