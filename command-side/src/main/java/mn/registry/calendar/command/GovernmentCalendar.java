package mn.registry.calendar.command;

import mn.registry.command.api.CommandContext;
import mn.registry.kernel.calendar.CalendarDeclaration;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.calendar.YearConfirmed;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The Government's declarations on the working-day calendar, one stream for Mongolia. Each
 * declaration is applied to the calendar it rests on, so a declaration for a day outside the
 * calendar's range (2000-2100), or one that changes nothing, is refused before it is stored. Any
 * future year is accepted, and a year's lunar holidays are confirmed (or corrected) with {@link YearConfirmed}.
 */
@Aggregate(commandTargetResolver = "calendarTarget")
class GovernmentCalendar {

    @AggregateIdentifier
    private String calendarId;
    private WorkingDayCalendar calendar;

    GovernmentCalendar() {
    }

    // The signed bodies come as they were signed, with the registry's receipt in their CommandContext (ADR 0026); one handler
    // per body type, since Axon routes a command by its payload's class
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(PublicHolidayDeclared body, CommandContext context) {
        return declare(body, context);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(WorkingDayDeclared body, CommandContext context) {
        return declare(body, context);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(YearConfirmed body, CommandContext context) {
        return declare(body, context);
    }

    private String declare(CalendarDeclaration declaration, CommandContext context) {
        namesSomething(declaration);
        confirmsTheLunarCalendar(declaration);
        WorkingDayCalendar current = calendar == null ? WorkingDayCalendar.base() : calendar;
        if (declaration instanceof YearConfirmed year && current.confirmation(year.year()).filter(year::equals).isPresent()) {
            throw RegistryProblem.conflict("calendar.declaration-changes-nothing", "The Government has already confirmed "
                    + year.year() + " with these dates and this decision; nothing to declare.", null);
        }
        if (!(declaration instanceof YearConfirmed) && changesNothing(current, declaration)) {
            throw RegistryProblem.conflict("calendar.declaration-changes-nothing", "The calendar already treats " + declaration.date()
                    + (declaration instanceof PublicHolidayDeclared ? " as a day off" : " as a working day") + "; nothing to declare.", null);
        }
        WorkingDayCalendar next = current.apply(declaration);
        changesNoDayBeforeReceipt(current, next, declaration, mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(context.receivedAt()));
        makesNoDayOffAWorkingDayOnItsDay(current, next, declaration, mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(context.receivedAt()));
        takesNoMoreWorkingDaysThanTheCeiling(next, declaration);
        confirmationUncoversNoDaysOffBeyondTheCeiling(current, next, declaration);
        calendarId = mn.registry.infrastructure.calendar.CurrentCalendar.STREAM;
        apply(declaration);
        return next.version().value();
    }

    // domain-rules §2 (ADR 0013 §1: legal time is the registry's time of receipt): the Government declares the calendar ahead; a
    // declaration that turns a day already past into a day off or a working day would move deadlines that have run, making a
    // late act timely after the fact. The day of receipt itself may still be declared (a day of mourning is declared that day)
    private static void changesNoDayBeforeReceipt(WorkingDayCalendar current, WorkingDayCalendar next, CalendarDeclaration declaration,
                                                  java.time.LocalDate receivedOn) {
        java.util.Map<String, java.util.List<java.time.LocalDate>> days = new java.util.LinkedHashMap<>();
        if (declaration instanceof YearConfirmed year) {
            days.put("year", java.time.LocalDate.of(year.year(), 1, 1).datesUntil(java.time.LocalDate.of(year.year() + 1, 1, 1)).toList());
        } else {
            days.put("date", java.util.List.of(declaration.date()));
            if (declaration instanceof WorkingDayDeclared workingDay) {
                workingDay.replaced().ifPresent(day -> days.put("replacesDate", java.util.List.of(day)));
            }
        }
        days.forEach((field, dates) -> dates.stream().filter(day -> day.isBefore(receivedOn) && current.isWorkingDay(day) != next.isWorkingDay(day))
                .findFirst().ifPresent(day -> {
                    throw RegistryProblem.invalid("calendar.declaration-changes-a-past-day", "The declaration would make " + day + ", before the day "
                            + "of receipt " + receivedOn + ", " + (next.isWorkingDay(day) ? "a working day" : "a day off") + ": the calendar is "
                            + "declared ahead, never for days that have passed.", field, "domain-rules §2");
                }));
    }

    // domain-rules §2 (choice, ADR 0046 item 38, abuse audit F147): the day of receipt may still be made a day off (a day of mourning is
    // declared that day: it only lengthens periods), but a day off made a working day on the day itself shortens every period ending on the
    // next working day to a day already begun: a holder's report (002 art. 20.3.3) or a notice due then is late before anyone could know.
    // A working day is declared before its day; a year's confirmation does not turn the day of receipt into a working day either
    private static void makesNoDayOffAWorkingDayOnItsDay(WorkingDayCalendar current, WorkingDayCalendar next, CalendarDeclaration declaration,
                                                         java.time.LocalDate receivedOn) {
        if (!current.isWorkingDay(receivedOn) && next.isWorkingDay(receivedOn)) {
            throw RegistryProblem.invalid("calendar.working-day-declared-on-its-day", "The declaration would make " + receivedOn + ", the day of "
                    + "receipt and a day off, a working day: a working day is declared before its day, so that no period ends on a day already "
                    + "begun.", declaration instanceof YearConfirmed ? "year" : "date", "domain-rules §2");
        }
    }

    /** domain-rules §2 (choice, ADR 0046 item 28): the working days a year may lose to the Government's declarations. */
    static final int DECLARED_DAYS_OFF_PER_YEAR = WorkingDayCalendar.DECLARED_DAYS_OFF_PER_YEAR;

    // domain-rules §2 (choice, abuse audit F124, was O63): every working-day period of both laws (17 days to decide, 5 to register,
    // 3 to notify) stretches with each day off, so a Cabinet member who declared every weekday of a year a holiday would postpone
    // every deadline by a year. The law names no ceiling; the Government's declared days off in recent years were a few (an
    // election day, a day of mourning, transfers), so a year may lose at most DECLARED_DAYS_OFF_PER_YEAR working days to the
    // holidays and working days the Government declares, counted net (a working Saturday gives one back, a transfer costs none)
    // against the law's calendar with the year's confirmed lunar holidays (YearConfirmed, which is the law's, not a declaration).
    // (choice, ADR 0046 item 44, abuse audit F180, was O93): the ceiling holds on every day of the year, not only over the year: twenty
    // days off in February moved every spring deadline by four weeks and were "paid for" by ten working Saturdays in November
    private static void takesNoMoreWorkingDaysThanTheCeiling(WorkingDayCalendar next, CalendarDeclaration declaration) {
        if (declaration instanceof YearConfirmed) {
            return;
        }
        java.util.stream.Stream.of(java.util.Optional.of(declaration.date()), declaration instanceof WorkingDayDeclared transfer ? transfer.replaced()
                        : java.util.Optional.<java.time.LocalDate>empty())
                .flatMap(java.util.Optional::stream).map(java.time.LocalDate::getYear).distinct().forEach(year -> {
                    int lost = next.mostWorkingDaysTakenByDeclarations(year);
                    if (lost > DECLARED_DAYS_OFF_PER_YEAR) {
                        throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "calendar.days-off-beyond-the-ceiling", "With this declaration "
                                + year + " would have, by one of its days, " + lost + " working days fewer than the law's calendar; the Government's "
                                + "declarations take at most " + DECLARED_DAYS_OFF_PER_YEAR + " working days of a year on any day of it (net of the "
                                + "working days it declares on or before that day).", "date", "domain-rules §2");
                    }
                });
    }

    // domain-rules §2 (choice, ADR 0046 item 49, abuse audit F190): the ceiling is counted against the law's calendar with the year's
    // confirmed lunar holidays, and a confirmation (F183: a correction of a few days, confirmed again at will) is not itself a declaration
    // of days off. But a confirmation moves the law's calendar under the days off already declared: Tsagaan Sar confirmed onto three declared
    // days off frees three days of the ceiling for three more declarations, and a second confirmation back to the lunar calendar's dates
    // puts the first three back in the count, thirteen working days taken where ten are allowed. A confirmation that would leave the year's
    // declarations above the ceiling (and above what they took before it) is refused: the Cabinet member gives days back first
    private static void confirmationUncoversNoDaysOffBeyondTheCeiling(WorkingDayCalendar current, WorkingDayCalendar next,
                                                                     CalendarDeclaration declaration) {
        if (!(declaration instanceof YearConfirmed year)) {
            return;
        }
        int lost = next.mostWorkingDaysTakenByDeclarations(year.year());
        if (lost > DECLARED_DAYS_OFF_PER_YEAR && lost > current.mostWorkingDaysTakenByDeclarations(year.year())) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "calendar.confirmation-beyond-the-ceiling", "With this confirmation the "
                    + "days off the Government declared in " + year.year() + " would take, by one of its days, " + lost + " working days of the "
                    + "law's calendar (a confirmed lunar holiday moved off a declared day off puts that day back in the count); the declarations "
                    + "take at most " + DECLARED_DAYS_OFF_PER_YEAR + ". Give days back (declare working days) before confirming these dates.",
                    "year", "domain-rules §2");
        }
    }

    // domain-rules §2 (choice, ADR 0046 item 47, abuse audit F183): the lunar holidays fall where the lunar calendar puts them, and the
    // Government's confirmation corrects the computed dates (a lunar day doubled or skipped, a leap month); it is not counted against
    // the ceiling of days off (item 28). A confirmation that put Tsagaan Sar in June, or moved Chinggis Khaan's day by a week, and again
    // a week later, would move every working-day deadline at will, uncounted: a confirmed date lies near the lunar calendar's
    private static void confirmsTheLunarCalendar(CalendarDeclaration declaration) {
        if (declaration instanceof YearConfirmed year) {
            year.fieldFarFromTheLunarCalendar().ifPresent(field -> {
                throw RegistryProblem.invalid("calendar.lunar-date-far-from-the-lunar-calendar", "The confirmed " + field + " of " + year.year()
                        + " lies further from the lunar calendar's date than a correction goes (" + YearConfirmed.LUNAR_DAYS_OF_CORRECTION
                        + " days either side, or as much around one lunation earlier or later); the computed dates are on the public calendar.",
                        field, "domain-rules §2");
            });
        }
    }

    // domain-rules §2: a holiday's names and the Government decision's reference are published with the calendar; text of no-break,
    // ideographic or zero-width spaces only names nothing. Judged here, at intake: the declarations' own constructors run on every
    // replay too and keep the String.isBlank test their stored copies passed (abuse audit F42)
    private static void namesSomething(CalendarDeclaration declaration) {
        for (java.lang.reflect.RecordComponent component : declaration.getClass().getRecordComponents()) {
            if (component.getType() == String.class && component.isAnnotationPresent(mn.registry.kernel.privacy.PublishedText.class)) {
                Object text;
                try {
                    text = component.getAccessor().invoke(declaration);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (text != null && mn.registry.kernel.problem.VisibleText.saysNothing((String) text)) {
                    throw RegistryProblem.invalid("calendar.field-missing", "The field " + component.getName()
                            + " says nothing a reader can see (spaces or invisible characters only).", component.getName(), "domain-rules §2");
                }
            }
        }
    }

    /** domain-rules §2: a declaration makes a day a day off or a working day; one that finds it so already is no change. */
    private static boolean changesNothing(WorkingDayCalendar current, CalendarDeclaration declaration) {
        if (declaration instanceof PublicHolidayDeclared holiday) {
            return !current.isWorkingDay(holiday.date());
        }
        WorkingDayDeclared workingDay = (WorkingDayDeclared) declaration;
        return current.isWorkingDay(workingDay.date())
                && workingDay.replaced().map(day -> !current.isWorkingDay(day)).orElse(true);
    }

    @EventSourcingHandler
    void on(CalendarDeclaration declaration, @SourceId String streamId) {
        if (streamId != null) {
            calendarId = streamId;
        }
        calendar = (calendar == null ? WorkingDayCalendar.base() : calendar).apply(declaration);
    }
}
