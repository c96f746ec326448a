package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.DeadlineRules;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.freezone.zone.ZoneStreamCommands;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.DateOutsideCalendarException;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Free Zone deadlines for the deadline service: the review of an application within 5 business days (003 art.
 * 12.2, escalated once, moved by a calendar change), the duty to record a court decision recorded in another zone (12.5.3, as
 * the review: ADR 0035 items 85, 89), the year to start operations (12.5.1) and the 12 months of
 * interruption (12.5.2), whose passing raises the ground; the year to start runs from the certificate until an investment
 * agreement is recorded (ADR 0035 item 6). Due dates are facts in the events; every firing command
 * is idempotent in the ZoneRegistration aggregate. The quarterly report (003 art. 12.3, due 15 working days after the
 * quarter's end) is escalated once on its zone; that escalation records the due date of the next quarter.
 */
@Component
class FreeZoneDeadlineRules implements DeadlineRules {

    static final String REVIEW = "freezone.review";
    static final String START = "freezone.start";
    static final String INTERRUPTION = "freezone.interruption";
    /** 003 art. 12.3: the quarterly report, one deadline per zone and quarter (aggregate id {@code <zone>/<year>-Q<n>}). */
    static final String REPORT = "freezone.report";
    /** 003 art. 12.5.3 (ADR 0035 item 85, F417): a court's dissolution recorded in another zone, to be recorded on this registration. */
    static final String COURT_DECISION = "freezone.court-decision";

    private final Supplier<WorkingDayCalendar> calendar;

    /** The calendar in force read again at each report's firing (ADR 0035 item 97: not the copy a node keeps for a few seconds). */
    @Autowired
    FreeZoneDeadlineRules(CurrentCalendar calendar) {
        this.calendar = calendar::refresh;
    }

    FreeZoneDeadlineRules(Supplier<WorkingDayCalendar> calendar) {
        this.calendar = calendar;
    }

    FreeZoneDeadlineRules() {
        this(WorkingDayCalendar::base);
    }

    @Override
    public Set<String> kinds() {
        return Set.of(REVIEW, START, INTERRUPTION, REPORT, COURT_DECISION);
    }

    private static String reportDeadlineId(ZoneId zone, int year, int quarter) {
        return zone.value() + "/" + new Quarter(year, quarter).label();
    }

    @Override
    public List<DeadlineInstruction> instructionsFor(Object event, long sequence) {
        if (event instanceof RegistrationEvents.ZoneRegistrationApplied e) {
            return List.of(new DeadlineInstruction.Start(ScheduledDeadline.workingDays(e.registrationId().value(), REVIEW, sequence,
                    UlaanbaatarTime.dateOf(e.receivedAt()), e.workingDays(), e.reviewDue(), e.calendarVersion(), "review", e.article())));
        }
        if (event instanceof RegistrationEvents.ZoneRegistrationReviewDueRecomputed e) {
            return List.of(end(e.registrationId(), REVIEW), new DeadlineInstruction.Start(ScheduledDeadline.workingDays(e.registrationId().value(), REVIEW,
                    sequence, e.receivedOn(), FreeZoneTerms.REVIEW, e.reviewDue(), e.calendarVersion(), "review", e.article())));
        }
        if (event instanceof RegistrationEvents.EntityRegistered e) {
            return List.of(end(e.registrationId(), REVIEW), startFromCertificate(e, sequence));
        }
        if (event instanceof RegistrationEvents.ZoneRegistrationRejected e) {
            return List.of(end(e.registrationId(), REVIEW));
        }
        if (event instanceof RegistrationEvents.InvestmentAgreementRecorded e) {
            return List.of(end(e.registrationId(), START), new DeadlineInstruction.Start(ScheduledDeadline.endOfDay(e.registrationId().value(), START,
                    sequence, e.startDueBy(), "start of operations", DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR.article())));
        }
        if (event instanceof RegistrationEvents.OperationsStarted e) {
            return List.of(end(e.registrationId(), START));
        }
        if (event instanceof RegistrationEvents.OperationsInterrupted e) {
            return List.of(new DeadlineInstruction.Start(ScheduledDeadline.endOfDay(e.registrationId().value(), INTERRUPTION, sequence, e.resumeDueBy(),
                    "resumption of operations", DeregistrationGround.INTERRUPTED_TWELVE_MONTHS.article())));
        }
        if (event instanceof RegistrationEvents.GroundDueMovedByClosure e) { // ADR 0035 item 21: the same deadline, to its moved last day
            boolean start = e.ground() == DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR;
            String kind = start ? START : INTERRUPTION;
            return List.of(end(e.registrationId(), kind), new DeadlineInstruction.Start(ScheduledDeadline.endOfDay(e.registrationId().value(), kind,
                    sequence, e.dueBy(), start ? "start of operations" : "resumption of operations", e.ground().article())));
        }
        if (event instanceof RegistrationEvents.OperationsResumed e) {
            return List.of(end(e.registrationId(), INTERRUPTION));
        }
        if (event instanceof ZoneEvents.QuarterlyReportDue e) {
            return List.of(new DeadlineInstruction.Start(ScheduledDeadline.workingDays(reportDeadlineId(e.zoneId(), e.year(), e.quarter()), REPORT,
                    sequence, e.quarterEnds(), e.workingDays(), e.dueOn(), e.calendarVersion(), "quarterly report", e.article())));
        }
        if (event instanceof ZoneEvents.QuarterlyReportDueRecomputed e) {
            String id = reportDeadlineId(e.zoneId(), e.year(), e.quarter());
            return List.of(new DeadlineInstruction.End(id, REPORT), new DeadlineInstruction.Start(ScheduledDeadline.workingDays(id, REPORT,
                    sequence, e.quarterEnds(), FreeZoneTerms.REPORT_DUE, e.dueOn(), e.calendarVersion(), "quarterly report", e.article())));
        }
        if (event instanceof ZoneEvents.QuarterlyReportSigned e) {
            return List.of(new DeadlineInstruction.End(reportDeadlineId(e.zoneId(), e.year(), e.quarter()), REPORT));
        }
        if (event instanceof ZoneEvents.QuarterlyReportOverdue e) {
            return List.of(new DeadlineInstruction.End(reportDeadlineId(e.zoneId(), e.year(), e.quarter()), REPORT));
        }
        if (event instanceof RegistrationEvents.CourtDecisionToRecord e) { // ADR 0035 item 85: the governor's duty, escalated once
            return List.of(new DeadlineInstruction.Start(courtDecisionDue(e, sequence)));
        }
        if (event instanceof RegistrationEvents.CourtDecisionToRecordDueRecomputed e) { // ADR 0035 item 89: moved by a calendar change
            return List.of(end(e.registrationId(), COURT_DECISION), new DeadlineInstruction.Start(ScheduledDeadline.workingDays(e.registrationId().value(),
                    COURT_DECISION, sequence, e.raisedOn(), FreeZoneTerms.REVIEW, e.dueOn(), e.calendarVersion(), COURT_DECISION_RULE, e.article())));
        }
        if (event instanceof RegistrationEvents.CourtDissolutionRecorded e) {
            return List.of(end(e.registrationId(), COURT_DECISION));
        }
        if (event instanceof RegistrationEvents.CourtDecisionToRecordOverdue e) {
            return List.of(end(e.registrationId(), COURT_DECISION));
        }
        if (event instanceof RegistrationEvents.CourtDecisionRecordingDeclined e) { // ADR 0035 item 88: declined with reasons
            return List.of(end(e.registrationId(), COURT_DECISION));
        }
        if (event instanceof RegistrationEvents.EntityDeregistered e) {
            return List.of(end(e.registrationId(), REVIEW), end(e.registrationId(), START), end(e.registrationId(), INTERRUPTION),
                    end(e.registrationId(), COURT_DECISION));
        }
        return List.of();
    }

    /**
     * 003 art. 12.5.1 (choice, ADR 0035 item 6): until an investment agreement is recorded, the year to start runs from the
     * certificate; the agreement's event ends this deadline and starts its own. Also what {@link StartDeadlineBackfill} schedules
     * for registrations stored before the rule.
     */
    static DeadlineInstruction.Start startFromCertificate(RegistrationEvents.EntityRegistered e, long sequence) {
        return new DeadlineInstruction.Start(ScheduledDeadline.endOfDay(e.registrationId().value(), START, sequence,
                FreeZoneTerms.startDueBy(e.certificate().issuedOn()), "start of operations", DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR.article()));
    }

    private static final String COURT_DECISION_RULE = "court decision recorded in another zone";

    /**
     * 003 art. 12.5.3 (ADR 0035 items 85, 89; O259): the duty's business days counted from its raise on the calendar it names, so that the
     * deadline service's recompute of every open working-day deadline moves it as it moves the review's; a duty stored before item 89 names no
     * calendar and ends with its recorded last day, as it did.
     */
    private static ScheduledDeadline courtDecisionDue(RegistrationEvents.CourtDecisionToRecord e, long sequence) {
        String id = e.registrationId().value();
        return e.calendarVersion() == null ? ScheduledDeadline.endOfDay(id, COURT_DECISION, sequence, e.dueOn(), COURT_DECISION_RULE, e.article())
                : ScheduledDeadline.workingDays(id, COURT_DECISION, sequence, UlaanbaatarTime.dateOf(e.raisedAt()), FreeZoneTerms.REVIEW, e.dueOn(),
                        e.calendarVersion(), COURT_DECISION_RULE, e.article());
    }

    private static DeadlineInstruction end(RegistrationId id, String kind) {
        return new DeadlineInstruction.End(id.value(), kind);
    }

    @Override
    public Object firingCommand(ScheduledDeadline deadline, Instant firedAt) {
        if (REPORT.equals(deadline.kind())) {
            String[] zoneAndQuarter = deadline.aggregateId().split("/");
            Quarter overdue = quarterOf(zoneAndQuarter[1]);
            // the next quarter, not the one running at firing: after a long outage every quarter in between still falls due in turn
            WorkingDayCalendar inForce = calendar.get();
            // the overdue quarter counted on the calendar in force (ADR 0035 item 97; F473): the zone judges its escalation against it
            ZoneStreamCommands.ReportDue counted = reportDueOn(overdue, inForce);
            // the next quarter, not the one running at firing: after a long outage every quarter in between still falls due in turn;
            // the escalation is not held up by a calendar without the next year: the next act on the zone schedules it
            ZoneStreamCommands.ReportDue next = reportDueOn(overdue.next(), inForce);
            return new ZoneStreamCommands.EscalateOverdueReport(ZoneId.of(zoneAndQuarter[0]), overdue.year(), overdue.quarter(), firedAt, counted,
                    next);
        }
        RegistrationId id = new RegistrationId(deadline.aggregateId());
        String stream = RegistrationStreamCommands.stream(id);
        return switch (deadline.kind()) {
            case REVIEW -> new RegistrationStreamCommands.EscalateOverdueReview(stream, id, deadline.due(), firedAt);
            case COURT_DECISION -> new RegistrationStreamCommands.EscalateCourtDecisionDuty(stream, id, firedAt);
            case START -> new RegistrationStreamCommands.RaiseGroundIfDue(stream, id, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                    UlaanbaatarTime.dateOf(firedAt), firedAt);
            case INTERRUPTION -> new RegistrationStreamCommands.RaiseGroundIfDue(stream, id, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS,
                    UlaanbaatarTime.dateOf(firedAt), firedAt);
            default -> throw new IllegalArgumentException("not a Free Zone deadline: " + deadline.kind());
        };
    }

    /** The quarter's report due date on {@code calendar}; null when the calendar has no data for it. */
    private static ZoneStreamCommands.ReportDue reportDueOn(Quarter quarter, WorkingDayCalendar calendar) {
        try {
            return ZoneStreamCommands.ReportDue.of(quarter, calendar);
        } catch (DateOutsideCalendarException e) {
            return null;
        }
    }

    private static Quarter quarterOf(String label) {
        return new Quarter(Integer.parseInt(label.substring(0, label.indexOf("-Q"))), Integer.parseInt(label.substring(label.indexOf("-Q") + 2)));
    }

    @Override
    public Object recomputeCommand(ScheduledDeadline deadline, Deadline recomputed) {
        if (REPORT.equals(deadline.kind())) {
            String[] zoneAndQuarter = deadline.aggregateId().split("/");
            Quarter quarter = quarterOf(zoneAndQuarter[1]);
            return new ZoneStreamCommands.RecomputeReportDue(ZoneId.of(zoneAndQuarter[0]), quarter.year(), quarter.quarter(), recomputed.due(),
                    recomputed.dueAt().toInstant(), recomputed.calendarVersion());
        }
        RegistrationId id = new RegistrationId(deadline.aggregateId());
        String stream = RegistrationStreamCommands.stream(id);
        return switch (deadline.kind()) {
            case REVIEW -> new RegistrationStreamCommands.RecomputeReviewDue(stream, id, recomputed.due(), recomputed.dueAt().toInstant(),
                    recomputed.calendarVersion());
            case COURT_DECISION -> new RegistrationStreamCommands.RecomputeCourtDecisionDue(stream, id, deadline.startedOn(), recomputed.due(),
                    recomputed.calendarVersion());
            default -> throw new IllegalArgumentException("not a working-day Free Zone deadline: " + deadline.kind());
        };
    }
}
