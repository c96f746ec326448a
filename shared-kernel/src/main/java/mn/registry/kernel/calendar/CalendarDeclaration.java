package mn.registry.kernel.calendar;

import java.time.LocalDate;

/**
 * A Government decision that changes the calendar. The command side records each one as a signed event by an
 * authorised official; {@link WorkingDayCalendar#apply(CalendarDeclaration)} turns it into the next version.
 */
public sealed interface CalendarDeclaration permits PublicHolidayDeclared, WorkingDayDeclared, YearConfirmed {

    /** The day the declaration is about (for a {@link YearConfirmed}, the first day of the year). */
    LocalDate date();

    /** The Government decision (resolution number and date, or similar) that makes it law. */
    String decisionReference();
}
