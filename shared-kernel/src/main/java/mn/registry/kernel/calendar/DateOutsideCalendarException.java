package mn.registry.kernel.calendar;

import mn.registry.kernel.problem.RegistryProblem;

import java.time.LocalDate;

/**
 * A date outside the range the calendar answers for ({@link WorkingDayCalendar#ANSWERS_FROM} to
 * {@link WorkingDayCalendar#ANSWERS_TO}, 2000-2100). Inside it every year is answered, with computed (provisional)
 * lunar holidays where the Government has not confirmed them (ADR 0013 §2); no legal act falls outside it.
 */
public class DateOutsideCalendarException extends RegistryProblem {

    public static final String CODE = "calendar.date-outside-range";

    private final LocalDate date;
    private final LocalDate supportedFrom;
    private final LocalDate supportedTo;

    public DateOutsideCalendarException(LocalDate date, LocalDate supportedFrom, LocalDate supportedTo) {
        this(date, supportedFrom, supportedTo, date + " is outside it");
    }

    private DateOutsideCalendarException(LocalDate date, LocalDate supportedFrom, LocalDate supportedTo, String what) {
        super(Kind.INVALID, CODE, "the working-day calendar covers " + supportedFrom + " to " + supportedTo
                + " (the years it answers for); " + what, null, null);
        this.date = date;
        this.supportedFrom = supportedFrom;
        this.supportedTo = supportedTo;
    }

    /** A deadline counted from {@code receivedOn} that would end after the last covered date. */
    public static DateOutsideCalendarException dueDateBeyond(LocalDate receivedOn, WorkingDays n,
                                                             LocalDate supportedFrom, LocalDate supportedTo) {
        return new DateOutsideCalendarException(receivedOn, supportedFrom, supportedTo,
                n + " from " + receivedOn + " would end after " + supportedTo);
    }

    /** The date asked about (for a deadline that runs past the coverage: its day of receipt). */
    public LocalDate date() {
        return date;
    }

    public LocalDate supportedFrom() {
        return supportedFrom;
    }

    public LocalDate supportedTo() {
        return supportedTo;
    }
}
