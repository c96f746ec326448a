package mn.registry.calendar.query;

import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.NonWorkingDay;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/calendar/...}: public, no login. */
@RestController
@RequestMapping(path = "/api/calendar", produces = "application/json")
class CalendarController {

    /** The longest period the law uses is far below a year of working days. */
    static final int MAX_WORKING_DAYS = 260;

    private final CurrentCalendar calendar;

    CalendarController(CurrentCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * {@code provisional}: the deadline runs through a year whose lunar holidays are computed and not yet confirmed by
     * the Government (ADR 0013 §2); its {@code calendarVersion} names those years, e.g. {@code MN-2024.1+provisional-2031}.
     */
    record DeadlineAnswer(LocalDate from, int workingDays, LocalDate due, OffsetDateTime dueAt, String calendarVersion,
                          boolean provisional, List<NonWorkingDay> skipped, String rule) {
    }

    /**
     * {@code coveredFrom}/{@code coveredTo}: the years of the shipped lunar-holiday data; {@code answersFrom}/{@code answersTo}:
     * the range answered, other years with computed lunar holidays, provisional until the Government confirms them.
     */
    record CalendarAnswer(String calendarVersion, LocalDate coveredFrom, LocalDate coveredTo, LocalDate answersFrom, LocalDate answersTo,
                          String timeZone, String rule, String provisionalYears) {
    }

    static final String RULE = "The day of receipt is day 0; the deadline ends at the end (Asia/Ulaanbaatar) of the N-th working day after it.";
    static final String PROVISIONAL = "Years outside the shipped data and not confirmed by the Government use computed lunar holidays "
            + "and are provisional: a deadline through such a year says so and is re-computed when the Government confirms or changes the year.";

    /** The due date of "within N working days from the date of receipt". */
    @GetMapping("/deadline")
    DeadlineAnswer deadline(@RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam("workingDays") int workingDays) {
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw RegistryProblem.invalid("calendar.working-days-out-of-range",
                    "workingDays must be between 1 and " + MAX_WORKING_DAYS + "; it was " + workingDays + ".", "workingDays", null);
        }
        Deadline d = withField(() -> calendar.get().deadline(from, WorkingDays.of(workingDays)));
        return new DeadlineAnswer(d.receivedOn(), d.workingDays().value(), d.due(), d.dueAt(), d.calendarVersion().value(), d.provisional(),
                d.skipped(), RULE);
    }

    /** The non-working days between two dates, with their reasons. */
    @GetMapping("/non-working-days")
    List<NonWorkingDay> nonWorkingDays(@RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam("to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw RegistryProblem.invalid("calendar.range-reversed", "'to' (" + to + ") is before 'from' (" + from + ").", "to", null);
        }
        if (from.plusYears(2).isBefore(to)) {
            throw RegistryProblem.invalid("calendar.range-too-long", "Ask for at most two years at a time.", "to", null);
        }
        return withField(() -> calendar.get().nonWorkingDays(from, to));
    }

    /** The calendar in force: its version and the years it covers. */
    @GetMapping
    CalendarAnswer current() {
        WorkingDayCalendar c = calendar.get();
        return new CalendarAnswer(c.version().value(), c.coveredFrom(), c.coveredTo(), WorkingDayCalendar.ANSWERS_FROM,
                WorkingDayCalendar.ANSWERS_TO, mn.registry.kernel.calendar.UlaanbaatarTime.ZONE.getId(), RULE, PROVISIONAL);
    }

    /** A date outside the calendar's range is the caller's parameter: name it. */
    private static <T> T withField(java.util.function.Supplier<T> computation) {
        try {
            return computation.get();
        } catch (RegistryProblem p) {
            if (p.field() != null) {
                throw p;
            }
            throw new RegistryProblem(p.kind(), p.code(), p.getMessage(), "from", p.article());
        }
    }
}
