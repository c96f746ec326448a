package mn.registry.freezone.zone;

import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.DateOutsideCalendarException;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Records, after every act on a zone, when the report of the quarter then running is due (003 art. 12.3: 15 working
 * days after the quarter's end, ADR 0013 §7); the zone records it once per quarter. The overdue escalation of one
 * quarter schedules the next, so a zone with no acts at all still has every quarter's report due.
 */
@Component
public class QuarterlyReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(QuarterlyReportSchedule.class);

    private final CommandGateway gateway;
    private final CurrentCalendar calendar;

    public QuarterlyReportSchedule(CommandGateway gateway, CurrentCalendar calendar) {
        this.gateway = gateway;
        this.calendar = calendar;
    }

    public void scheduleQuarterOf(ZoneId zone, Instant at) {
        Quarter quarter = Quarter.of(UlaanbaatarTime.dateOf(at));
        try {
            gateway.sendAndWait(new ZoneStreamCommands.ScheduleQuarterlyReport(zone, ZoneStreamCommands.ReportDue.of(quarter, calendar.get())));
        } catch (DateOutsideCalendarException e) {
            // the act itself stands; the next act on the zone (or the previous quarter's escalation) schedules it again
            log.warn("The report of {} {} could not be scheduled: {}", zone, quarter.label(), e.getMessage());
        }
    }
}
