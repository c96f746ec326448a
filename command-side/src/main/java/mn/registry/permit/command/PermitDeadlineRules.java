package mn.registry.permit.command;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.DeadlineRules;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitApplicationRefused;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitDeadlines;
import mn.registry.kernel.permit.PermitDecisionDueRecomputed;
import mn.registry.kernel.permit.PermitDecisionOverdue;
import mn.registry.kernel.permit.PermitDutyOverdue;
import mn.registry.kernel.permit.RevocationGroundRaised;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.PermitDutyDueRecomputed;
import mn.registry.kernel.permit.PermitDutyFulfilled;
import mn.registry.kernel.permit.PermitDutyRaised;
import mn.registry.kernel.permit.PermitExpired;
import mn.registry.kernel.permit.PermitExtended;
import mn.registry.kernel.permit.PermitExtendedAfterExpiry;
import mn.registry.kernel.permit.PermitExtensionRequestDueRecomputed;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.permit.command.PermitCommands.EscalateOverdueDecision;
import mn.registry.permit.command.PermitCommands.Expire;
import mn.registry.permit.command.PermitCommands.ExtensionRequestDueDatePassed;
import mn.registry.permit.command.PermitCommands.FlagOverdueDuty;
import mn.registry.permit.command.PermitCommands.RecomputeDecisionDue;
import mn.registry.permit.command.PermitCommands.RecomputeDutyDue;
import mn.registry.permit.command.PermitCommands.SuspensionRanOut;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The special-permit deadlines (002 ch. 6) for the deadline service: the decision (26.1), every raised duty
 * (26.4, 27.3, 27.6, 27.7, 28.3, 29.3, 31.1.7), the extension request date (27.2), the expiry (29.2) and the end of a
 * suspension (28.1, 29.1.5). Each firing command is recorded by the aggregate at most once.
 */
@Component
public class PermitDeadlineRules implements DeadlineRules {

    private final java.util.function.Supplier<WorkingDayCalendar> calendar;

    /** With the base calendar (tests). */
    public PermitDeadlineRules() {
        this(WorkingDayCalendar::base);
    }

    /** With the calendar in force, for the supervisor's deadline after a suspension ran out (ADR 0013 §4). */
    @org.springframework.beans.factory.annotation.Autowired
    public PermitDeadlineRules(mn.registry.infrastructure.calendar.CurrentCalendar calendar) {
        this(calendar::get);
    }

    PermitDeadlineRules(java.util.function.Supplier<WorkingDayCalendar> calendar) {
        this.calendar = calendar;
    }

    static final String DECISION = "permit.decision";
    static final String EXPIRY = "permit.expiry";
    static final String EXTENSION_REQUEST = "permit.extension-request";
    static final String SUSPENSION = "permit.suspension";
    static final String DUTY = "permit.duty.";

    static String dutyKind(PermitDuty duty) {
        return DUTY + duty.name();
    }

    /**
     * ADR 0046 item 129 (abuse audit F491): the deadline of a duty's last day moved by a calendar change, recorded by the act that does the
     * duty after the day held had passed ({@code PermitDutyDueRecomputed} before its {@code PermitDutyFulfilled}, which ends the duty's
     * deadlines): one per moved day (its epoch day numbers it, as a term's deadlines are numbered by their last day). Also the deadline a
     * firing records the moved day under (ADR 0046 item 134; F480): not the one that fired, which stays fired.
     */
    static String deadlineOfTheMovedDay(ApplicationId applicationId, PermitDuty duty, LocalDate movedDay) {
        return ScheduledDeadline.idOf(applicationId.value(), dutyKind(duty), movedDay.toEpochDay());
    }

    @Override
    public Set<String> kinds() {
        return Stream.concat(Stream.of(DECISION, EXPIRY, EXTENSION_REQUEST, SUSPENSION),
                Stream.of(PermitDuty.values()).map(PermitDeadlineRules::dutyKind)).collect(Collectors.toSet());
    }

    @Override
    public List<DeadlineInstruction> instructionsFor(Object event, long sequence) {
        if (event instanceof PermitApplicationRegistered e) {
            return List.of(new DeadlineInstruction.Start(ScheduledDeadline.workingDays(e.applicationId().value(), DECISION, 1,
                    UlaanbaatarTime.dateOf(e.receivedAt()), e.workingDays(), e.decisionDue(), e.calendarVersion(), "decision", e.article())));
        }
        // 002 art. 27.2 (ADR 0046 item 132; F476): a request's due date moved at its firing is scheduled again, numbered by the moved date
        // (a term's deadlines are numbered by its last day), so the moved deadline is not the one that fired
        if (event instanceof PermitExtensionRequestDueRecomputed e) {
            return List.of(end(e.applicationId(), EXTENSION_REQUEST), new DeadlineInstruction.Start(ScheduledDeadline.endOfDay(e.applicationId().value(),
                    EXTENSION_REQUEST, e.requestDue().toEpochDay(), e.requestDue(), "extension request due", e.article())));
        }
        // domain-rules §2 (ADR 0046 item 134; F480): a moved decision deadline is a deadline of its own, numbered after the recompute's
        // sequence (the registration's, at sequence 0, is numbered 1), and the earlier one ends: the firing that records the move (F486) has
        // its deadline marked fired after the command, so a start under the fired deadline's id, handled after that mark, stayed fired and
        // the decision was never escalated on the moved day
        if (event instanceof PermitDecisionDueRecomputed e) {
            return List.of(end(e.applicationId(), DECISION), new DeadlineInstruction.Start(ScheduledDeadline.workingDays(e.applicationId().value(),
                    DECISION, sequence + 1, e.receivedOn(), PermitDeadlines.DECISION, e.decisionDue(), e.calendarVersion(), "decision", e.article())));
        }
        // a firing that left its event ends its deadline, so a replay of this processor does not send it again
        if (event instanceof PermitDecisionOverdue e) {
            return List.of(end(e.applicationId(), DECISION));
        }
        if (event instanceof PermitDutyOverdue e) {
            return List.of(end(e.applicationId(), dutyKind(e.duty())));
        }
        if (event instanceof RevocationGroundRaised e) {
            return List.of(end(e.applicationId(), SUSPENSION));
        }
        if (event instanceof PermitApplicationApproved e) {
            return List.of(end(e.applicationId(), DECISION));
        }
        if (event instanceof PermitApplicationRefused e) {
            return List.of(end(e.applicationId(), DECISION));
        }
        if (event instanceof PermitDutyRaised e) {
            String id = e.applicationId().value();
            ScheduledDeadline deadline = e.workingDays() == null
                    ? ScheduledDeadline.endOfDay(id, dutyKind(e.duty()), sequence, e.due(), e.duty().name(), e.article())
                    : ScheduledDeadline.workingDays(id, dutyKind(e.duty()), sequence, e.startedOn(), e.workingDays(), e.due(),
                    e.calendarVersion(), e.duty().name(), e.article());
            return List.of(end(e.applicationId(), dutyKind(e.duty())), new DeadlineInstruction.Start(deadline)); // a duty raised again replaces the open one
        }
        if (event instanceof PermitDutyDueRecomputed e) {
            return List.of(new DeadlineInstruction.Start(new ScheduledDeadline(e.deadlineId(), e.applicationId().value(), dutyKind(e.duty()),
                    e.due(), UlaanbaatarTime.endOf(e.due()).toInstant(), e.duty().name(), e.duty().article(), e.calendarVersion(),
                    e.startedOn(), e.workingDays())));
        }
        if (event instanceof PermitDutyFulfilled e) {
            return List.of(end(e.applicationId(), dutyKind(e.duty())));
        }
        if (event instanceof PermitIssued e) {
            return term(e.applicationId(), e.validUntil());
        }
        if (event instanceof PermitExtended e) {
            return extended(e.applicationId(), e.validUntil());
        }
        if (event instanceof PermitExtendedAfterExpiry e) {
            return extended(e.applicationId(), e.validUntil()); // 002 art. 27.4: in force again, the new term's deadlines run
        }
        if (event instanceof PermitSuspended e) {
            return List.of(new DeadlineInstruction.Start(ScheduledDeadline.endOfDay(e.applicationId().value(), SUSPENSION, sequence, e.until(),
                    "suspension ends", "002 art. 28.1")));
        }
        if (event instanceof PermitRestored e) {
            return List.of(end(e.applicationId(), SUSPENSION));
        }
        if (event instanceof PermitExpired e) {
            // ADR 0013 §3: a request made before expiry is still decided after it; its deadline keeps running and escalates
            return endOfPermit(e.applicationId()).stream()
                    .filter(i -> !(i instanceof DeadlineInstruction.End stop && stop.kind().equals(dutyKind(PermitDuty.DECIDE_EXTENSION)))).toList();
        }
        if (event instanceof PermitRevoked e) {
            return endOfPermit(e.applicationId());
        }
        if (event instanceof RevocationComplaintDecided e && e.upheld()) {
            // 002 art. 29.6: reinstated, its term runs again (the open duties run again by their PermitDutyRaised, ADR 0046 item 58), and
            // the hand-over of its certificate database (29.3), the revocation's own duty, no more: it keeps the database
            List<DeadlineInstruction> all = new ArrayList<>(term(e.applicationId(), e.validUntil()));
            all.add(end(e.applicationId(), dutyKind(PermitDuty.HAND_OVER_DATABASE)));
            return all;
        }
        return List.of();
    }

    private List<DeadlineInstruction> extended(ApplicationId applicationId, LocalDate validUntil) {
        List<DeadlineInstruction> all = new ArrayList<>(List.of(end(applicationId, EXPIRY), end(applicationId, EXTENSION_REQUEST),
                end(applicationId, dutyKind(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS))));
        all.addAll(term(applicationId, validUntil));
        return all;
    }

    // 002 art. 27.2, 29.2: the extension request is due three months before expiry, on the next working day when that is a day off
    // (ADR 0046 item 15, with the calendar in force); the permit expires at the end of its term
    private List<DeadlineInstruction> term(ApplicationId applicationId, LocalDate validUntil) {
        String id = applicationId.value();
        LocalDate requestDue = PermitApplication.extensionRequestDueOnAWorkingDay(validUntil, calendar.get()::deadline);
        return List.of(
                new DeadlineInstruction.Start(ScheduledDeadline.endOfDay(id, EXPIRY, validUntil.toEpochDay(), validUntil, "expiry", "002 art. 29.2")),
                new DeadlineInstruction.Start(ScheduledDeadline.endOfDay(id, EXTENSION_REQUEST, validUntil.toEpochDay(),
                        requestDue, "extension request due", "002 art. 27.2")));
    }

    /** A permit no longer in force waits for nothing but the hand-over of its certificate database (29.3). */
    private static List<DeadlineInstruction> endOfPermit(ApplicationId applicationId) {
        List<DeadlineInstruction> all = new ArrayList<>();
        for (String kind : List.of(EXPIRY, EXTENSION_REQUEST, SUSPENSION)) {
            all.add(end(applicationId, kind));
        }
        for (PermitDuty duty : PermitDuty.values()) {
            if (endsWithThePermit(duty)) {
                all.add(end(applicationId, dutyKind(duty)));
            }
        }
        return all;
    }

    /**
     * Whether a revocation (or an expiry) ends the deadline of {@code duty}: all but the hand-over of the certificate database, which the
     * revocation owes (29.3), and the registry's publications, which the checkpoint fulfils whatever the permit's state (26.4, 27.6).
     */
    static boolean endsWithThePermit(PermitDuty duty) {
        return duty != PermitDuty.HAND_OVER_DATABASE && duty != PermitDuty.PUBLISH_GRANT && duty != PermitDuty.PUBLISH_EXTENSION;
    }

    private static DeadlineInstruction end(ApplicationId applicationId, String kind) {
        return new DeadlineInstruction.End(applicationId.value(), kind);
    }

    @Override
    public Object firingCommand(ScheduledDeadline deadline, Instant firedAt) {
        ApplicationId id = new ApplicationId(deadline.aggregateId());
        return switch (deadline.kind()) {
            case DECISION -> new EscalateOverdueDecision(id, deadline.due(), firedAt);
            case EXPIRY -> new Expire(id, deadline.due(), firedAt);
            case EXTENSION_REQUEST -> new ExtensionRequestDueDatePassed(id, deadline.due(), firedAt);
            case SUSPENSION -> new SuspensionRanOut(id, deadline.due(), firedAt,
                    calendar.get().deadline(firedAt, PermitDuty.AFTER_SUSPENSION_DECISION));
            default -> new FlagOverdueDuty(id, PermitDuty.valueOf(deadline.kind().substring(DUTY.length())), deadline.due(), firedAt,
                    deadline.id());
        };
    }

    @Override
    public Object recomputeCommand(ScheduledDeadline deadline, Deadline recomputed) {
        ApplicationId id = new ApplicationId(deadline.aggregateId());
        if (DECISION.equals(deadline.kind())) {
            return new RecomputeDecisionDue(id, recomputed.due(), recomputed.dueAt().toInstant(), recomputed.calendarVersion());
        }
        return new RecomputeDutyDue(id, PermitDuty.valueOf(deadline.kind().substring(DUTY.length())), deadline.id(), deadline.startedOn(),
                deadline.workingDays(), recomputed.due(), recomputed.calendarVersion());
    }
}
