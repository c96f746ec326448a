package mn.registry.infrastructure.calendar;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.calendar.CalendarDeclaration;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calendar in force: {@link WorkingDayCalendar#base()} with every declaration event of the
 * calendar's event stream ({@value #STREAM}) applied in order. Re-read from the event store when a
 * declaration is stored in this process ({@link #refresh()}) and at most {@link #MAX_AGE} after one
 * stored by another node.
 */
public class CurrentCalendar {

    /** The aggregate id of the calendar's event stream. */
    public static final String STREAM = "calendar-mn";
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Loaded(WorkingDayCalendar calendar, Instant at) {
    }

    private final EventStore events;
    private final Clock realTime;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();

    public CurrentCalendar(EventStore events, Clock realTime) {
        this.events = events;
        this.realTime = realTime;
    }

    /** The calendar in force now. */
    public WorkingDayCalendar get() {
        Loaded current = loaded.get();
        if (current == null || current.at().plus(MAX_AGE).isBefore(realTime.instant())) {
            return refresh();
        }
        return current.calendar();
    }

    /** Re-reads the declarations from the event store. */
    public WorkingDayCalendar refresh() {
        List<CalendarDeclaration> declarations = WholeStream.payloads(events, STREAM)
                .filter(CalendarDeclaration.class::isInstance)
                .map(CalendarDeclaration.class::cast)
                .toList();
        WorkingDayCalendar calendar = WorkingDayCalendar.replay(declarations);
        loaded.set(new Loaded(calendar, realTime.instant()));
        return calendar;
    }

    /**
     * domain-rules §2 (ADR 0046 items 126, 131; ADR 0035 item 94): the last day {@code n} working days after {@code dayZero} on the calendar
     * in force at this moment, read again from its stream (not the copy a node keeps for up to {@link #MAX_AGE} after another node's
     * declaration): what a firing, or an act after the day held, is judged against. The permits' and the registrations' services both ask it.
     */
    public Deadline dueOnTheCalendarInForceNow(LocalDate dayZero, WorkingDays n) {
        return refresh().deadline(dayZero, n);
    }
}
