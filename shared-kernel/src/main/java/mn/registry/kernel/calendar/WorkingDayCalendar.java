package mn.registry.kernel.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the working-day calendar of domain-rules §2, immutable. A working day is a Monday to Friday that
 * is not a public holiday, plus any day the Government declares a working day. Public holidays are the fixed ones
 * ({@link FixedHoliday#RULES}), the moving ones of the shipped data set, those of years the Government confirmed
 * ({@link YearConfirmed}), those computed for the other years ({@link ComputedLunarHolidays}, provisional), and those
 * the Government declares. It answers for every date from {@link #ANSWERS_FROM} to {@link #ANSWERS_TO}: no legal act
 * waits for a year's confirmation (ADR 0013 §2); a deadline that runs through a provisional year says so in its
 * calendar version ({@link Deadline#provisional()}).
 *
 * <p>{@link #base()} is the calendar as shipped ({@code MN-2024.1}); {@link #apply(CalendarDeclaration)} gives the
 * next version. Rebuilding from the same declarations in the same order gives the same version and the same days.
 * The working days of the whole range are precomputed (about 37,000 days); a declaration re-computes only the days
 * it touches and the running count.
 */
public final class WorkingDayCalendar {

    /** The first date any calendar answers for. */
    public static final LocalDate ANSWERS_FROM = LocalDate.of(2000, 1, 1);
    /** The last date any calendar answers for. */
    public static final LocalDate ANSWERS_TO = LocalDate.of(2100, 12, 31);

    private final CalendarVersion version;
    private final MovingHolidayData data;
    private final Map<LocalDate, CalendarDeclaration> declared;
    private final Map<Integer, YearConfirmed> confirmed;
    private final List<CalendarDeclaration> declarations;
    private final boolean[] working;
    /** workingBefore[i] = number of working days in [ANSWERS_FROM, ANSWERS_FROM + i). */
    private final int[] workingBefore;

    private WorkingDayCalendar(CalendarVersion version, MovingHolidayData data) {
        this.version = version;
        this.data = data;
        this.declared = Map.of();
        this.confirmed = Map.of();
        this.declarations = List.of();
        int span = (int) ChronoUnit.DAYS.between(ANSWERS_FROM, ANSWERS_TO) + 1;
        this.working = new boolean[span];
        this.workingBefore = new int[span + 1];
        for (int i = 0; i < span; i++) {
            working[i] = reasonsOff(ANSWERS_FROM.plusDays(i)).isEmpty();
        }
        countFrom(0);
    }

    /** {@code previous} with a declaration applied: only the days in {@code touched} can change. */
    private WorkingDayCalendar(WorkingDayCalendar previous, Map<LocalDate, CalendarDeclaration> declared,
                               Map<Integer, YearConfirmed> confirmed, List<CalendarDeclaration> declarations,
                               LocalDate touchedFrom, LocalDate touchedTo) {
        this.version = previous.version.next();
        this.data = previous.data;
        this.declared = declared;
        this.confirmed = confirmed;
        this.declarations = List.copyOf(declarations);
        this.working = previous.working.clone();
        this.workingBefore = previous.workingBefore.clone();
        for (LocalDate d = touchedFrom; !d.isAfter(touchedTo); d = d.plusDays(1)) {
            working[offset(d)] = reasonsOff(d).isEmpty();
        }
        countFrom(offset(touchedFrom));
    }

    private void countFrom(int first) {
        for (int i = first; i < working.length; i++) {
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
        return new WorkingDayCalendar(CalendarVersion.first(data.dataset()), data);
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

    /** The first date of the shipped data set's years (the lunar holidays shipped as data, not computed). */
    public LocalDate coveredFrom() {
        return data.coveredFrom();
    }

    /** The last date of the shipped data set's years. */
    public LocalDate coveredTo() {
        return data.coveredTo();
    }

    /**
     * True when {@code year}'s lunar holidays are computed here and not yet confirmed by the Government: neither in
     * the shipped data set nor confirmed by a {@link YearConfirmed} (ADR 0013 §2).
     */
    public boolean isProvisional(int year) {
        return !confirmed.containsKey(year) && !data.coversYear(year);
    }

    /** The Government's confirmation of {@code year}, if it made one. */
    public Optional<YearConfirmed> confirmation(int year) {
        return Optional.ofNullable(confirmed.get(year));
    }

    /**
     * The next version: this calendar with a Government declaration applied. A later declaration about a date
     * replaces an earlier one about the same date; a later confirmation of a year replaces an earlier one.
     */
    public WorkingDayCalendar apply(CalendarDeclaration declaration) {
        Objects.requireNonNull(declaration, "declaration");
        requireCovered(declaration.date());
        List<CalendarDeclaration> history = new ArrayList<>(declarations);
        history.add(declaration);
        if (declaration instanceof YearConfirmed year) {
            requireCovered(LocalDate.of(year.year(), 12, 31));
            Map<Integer, YearConfirmed> next = new HashMap<>(confirmed);
            next.put(year.year(), year);
            return new WorkingDayCalendar(this, declared, Map.copyOf(next), history,
                    LocalDate.of(year.year(), 1, 1), LocalDate.of(year.year(), 12, 31));
        }
        Map<LocalDate, CalendarDeclaration> next = new LinkedHashMap<>(declared);
        next.remove(declaration.date());
        next.put(declaration.date(), declaration);
        LocalDate touchedFrom = declaration.date();
        LocalDate touchedTo = declaration.date();
        if (declaration instanceof WorkingDayDeclared transfer && transfer.replacesDate() != null) {
            requireCovered(transfer.replacesDate());
            next.remove(transfer.replacesDate());
            next.put(transfer.replacesDate(), transfer);
            touchedFrom = touchedFrom.isBefore(transfer.replacesDate()) ? touchedFrom : transfer.replacesDate();
            touchedTo = touchedTo.isAfter(transfer.replacesDate()) ? touchedTo : transfer.replacesDate();
        }
        return new WorkingDayCalendar(this, Map.copyOf(next), confirmed, history, touchedFrom, touchedTo);
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
            throw DateOutsideCalendarException.dueDateBeyond(receivedOn, n, ANSWERS_FROM, ANSWERS_TO);
        }
        int i = start + 1;
        while (workingBefore[i + 1] < target) {
            i++;
        }
        LocalDate due = ANSWERS_FROM.plusDays(i);
        List<NonWorkingDay> skipped = receivedOn.plusDays(1).isAfter(due.minusDays(1))
                ? List.of() : nonWorkingDays(receivedOn.plusDays(1), due.minusDays(1));
        return new Deadline(receivedOn, n, due, UlaanbaatarTime.endOf(due), versionFor(receivedOn, due), skipped);
    }

    // ADR 0013 §2: a deadline that runs through a year not yet confirmed says so, naming the years in its version.
    private CalendarVersion versionFor(LocalDate receivedOn, LocalDate due) {
        List<Integer> provisional = new ArrayList<>();
        for (int year = receivedOn.plusDays(1).getYear(); year <= due.getYear(); year++) {
            if (isProvisional(year)) {
                provisional.add(year);
            }
        }
        return version.provisionalFor(provisional);
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

    /** domain-rules §2 (choice, ADR 0046 item 28): the most working days of a year the Government's declarations may take. */
    public static final int DECLARED_DAYS_OFF_PER_YEAR = 10;


    /**
     * domain-rules §2 (choice, ADR 0046 items 28 and 44, abuse audit F180, was O93): the most working days of {@code year} the Government's
     * declarations have taken on any one day of it: for each day, the working days its declared days off on or before that day take from
     * the law's calendar (with the year's confirmed lunar holidays), net of the working days its declared working days on or before that
     * day give back. A working Saturday given back in November does not pay for a day off taken in February; a transfer whose Saturday
     * comes first costs nothing, one whose day off comes first costs a day until its Saturday. At least the year's net, and never
     * below 0.
     */
    public int mostWorkingDaysTakenByDeclarations(int year) {
        WorkingDayCalendar law = replay(declarations.stream().filter(YearConfirmed.class::isInstance).toList());
        int taken = 0;
        int most = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            boolean byLaw = law.isWorkingDay(day);
            boolean declared = isWorkingDay(day);
            if (byLaw && !declared) {
                taken++;
            } else if (!byLaw && declared) {
                taken--;
            }
            most = Math.max(most, taken);
        }
        return most;
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
        reasons.addAll(movingHolidaysOn(date));
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

    // domain-rules §2: lunar holidays are the Government's confirmed dates, else the shipped data's, else computed (provisional).
    private List<DayOffReason> movingHolidaysOn(LocalDate date) {
        YearConfirmed confirmation = confirmed.get(date.getYear());
        if (confirmation != null) {
            List<DayOffReason> reasons = new ArrayList<>();
            confirmation.holidays().stream().filter(h -> h.date().equals(date)).forEach(h -> reasons.add(h.reason()));
            // an election day of the data set is not a lunar holiday: a confirmation leaves it in place
            data.holidays().getOrDefault(date, List.of()).stream()
                    .filter(r -> r.kind() != DayOffReason.Kind.LUNAR_HOLIDAY).forEach(reasons::add);
            return reasons;
        }
        if (data.coversYear(date.getYear())) {
            return data.holidays().getOrDefault(date, List.of());
        }
        ComputedLunarHolidays.Year computed = ComputedLunarHolidays.of(date.getYear());
        if (computed.tsagaanSar().contains(date)) {
            return List.of(computedReason(MovingHolidayNames.TSAGAAN_SAR_EN, MovingHolidayNames.TSAGAAN_SAR_MN));
        }
        if (computed.buddhasBirthday().equals(date)) {
            return List.of(computedReason(MovingHolidayNames.BUDDHA_EN, MovingHolidayNames.BUDDHA_MN));
        }
        if (computed.chinggisKhaanDay().equals(date)) {
            return List.of(computedReason(MovingHolidayNames.CHINGGIS_EN, MovingHolidayNames.CHINGGIS_MN));
        }
        return List.of();
    }

    private static DayOffReason computedReason(String nameEn, String nameMn) {
        return new DayOffReason(DayOffReason.Kind.LUNAR_HOLIDAY, nameEn, nameMn, ComputedLunarHolidays.SOURCE);
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
        return offset(date);
    }

    private static int offset(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(ANSWERS_FROM, date);
    }

    private static void requireCovered(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(ANSWERS_FROM) || date.isAfter(ANSWERS_TO)) {
            throw new DateOutsideCalendarException(date, ANSWERS_FROM, ANSWERS_TO);
        }
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar " + version;
    }
}
