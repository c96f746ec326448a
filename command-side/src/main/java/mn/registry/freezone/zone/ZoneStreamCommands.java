package mn.registry.freezone.zone;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The commands on a zone's stream that nobody signs as such: the public record of an appointment or dismissal and the
 * report's signature (sent by the governor and report types of other packages after their own checks), and the report
 * schedule of the deadline service. The Cabinet member's signed bodies reach {@link FreeZone} as they are (ADR 0026).
 */
public final class ZoneStreamCommands {

    private ZoneStreamCommands() {
    }

    /** The public record of an appointment, sent by the governor command types after the role is granted. */
    /** @param decisionSha256 the decision's document (ADR 0061 item 27), null in the aggregate's own tests of a record without it */
    public record RecordAppointment(@TargetAggregateIdentifier String stream, ZoneId zoneId, PersonId governor, String displayName,
                                    String decision, Instant from, PersonId by, String decisionSha256) {
        public RecordAppointment(ZoneId zoneId, PersonId governor, String displayName, String decision, Instant from, PersonId by,
                                 String decisionSha256) {
            this(zoneId.stream(), zoneId, governor, displayName, decision, from, by, decisionSha256);
        }

        public RecordAppointment(ZoneId zoneId, PersonId governor, String displayName, String decision, Instant from, PersonId by) {
            this(zoneId, governor, displayName, decision, from, by, null);
        }
    }

    /** @param decisionSha256 the decision's document (ADR 0061 item 27), null in the aggregate's own tests of a record without it */
    public record RecordDismissal(@TargetAggregateIdentifier String stream, ZoneId zoneId, PersonId governor, String decision,
                                  Instant until, PersonId by, String decisionSha256) {
        public RecordDismissal(ZoneId zoneId, PersonId governor, String decision, Instant until, PersonId by, String decisionSha256) {
            this(zoneId.stream(), zoneId, governor, decision, until, by, decisionSha256);
        }

        public RecordDismissal(ZoneId zoneId, PersonId governor, String decision, Instant until, PersonId by) {
            this(zoneId, governor, decision, until, by, null);
        }
    }

    /**
     * The governor's signature over a quarter's report; {@code builtSha256} is the hash of the report the registry built
     * from its own records at receipt (null when the quarter is malformed or has not ended: the aggregate refuses first).
     */
    public record RecordReportSigned(@TargetAggregateIdentifier String stream, ZoneCommands.SignQuarterlyReport body, String builtSha256,
                                     Instant at, PersonId by) {
        public RecordReportSigned(ZoneCommands.SignQuarterlyReport body, String builtSha256, Instant at, PersonId by) {
            this(body.zoneId().stream(), body, builtSha256, at, by);
        }
    }

    /** When a quarter's report is due (003 art. 12.3): 15 working days after the quarter's last day, by the calendar in force. */
    public record ReportDue(int year, int quarter, LocalDate quarterEnds, LocalDate dueOn, Instant dueAt, WorkingDays workingDays,
                            CalendarVersion calendarVersion) {
        public static ReportDue of(Quarter quarter, WorkingDayCalendar calendar) {
            Deadline d = calendar.deadline(quarter.lastDay(), FreeZoneTerms.REPORT_DUE);
            return new ReportDue(quarter.year(), quarter.quarter(), quarter.lastDay(), d.due(), d.dueAt().toInstant(), d.workingDays(),
                    d.calendarVersion());
        }
    }

    /** Records the due date of a quarter's report unless already recorded (sent after every act on the zone). */
    public record ScheduleQuarterlyReport(@TargetAggregateIdentifier String stream, ZoneId zoneId, ReportDue due) {
        public ScheduleQuarterlyReport(ZoneId zoneId, ReportDue due) {
            this(zoneId.stream(), zoneId, due);
        }
    }

    /**
     * The deadline service: the quarter's report is overdue; {@code inForce} is that quarter's due date counted at the firing on the calendar
     * in force (ADR 0035 item 97; F473: the escalation is judged against it; null when the calendar has no data for it); {@code current} is
     * the due date of the next quarter, recorded if not yet.
     */
    public record EscalateOverdueReport(@TargetAggregateIdentifier String stream, ZoneId zoneId, int year, int quarter, Instant firedAt,
                                        ReportDue inForce, ReportDue current) {
        public EscalateOverdueReport(ZoneId zoneId, int year, int quarter, Instant firedAt, ReportDue inForce, ReportDue current) {
            this(zoneId.stream(), zoneId, year, quarter, firedAt, inForce, current);
        }
    }

    /** The deadline service: a calendar change moved a report's due date. */
    public record RecomputeReportDue(@TargetAggregateIdentifier String stream, ZoneId zoneId, int year, int quarter, LocalDate dueOn, Instant dueAt,
                                     CalendarVersion calendarVersion) {
        public RecomputeReportDue(ZoneId zoneId, int year, int quarter, LocalDate dueOn, Instant dueAt, CalendarVersion calendarVersion) {
            this(zoneId.stream(), zoneId, year, quarter, dueOn, dueAt, calendarVersion);
        }
    }
}
