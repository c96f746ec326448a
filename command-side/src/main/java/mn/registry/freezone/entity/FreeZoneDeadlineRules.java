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
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The Free Zone deadlines for the deadline service: the review of an application within 5 business days (003 art.
 * 12.2, escalated once, moved by a calendar change), the year to start operations (12.5.1) and the 12 months of
 * interruption (12.5.2), whose passing raises the ground. Due dates are facts in the events; every firing command
 * is idempotent in the ZoneRegistration aggregate.
 */
@Component
public class FreeZoneDeadlineRules implements DeadlineRules {

    static final String REVIEW = "freezone.review";
    static final String START = "freezone.start";
    static final String INTERRUPTION = "freezone.interruption";

    @Override
    public Set<String> kinds() {
        return Set.of(REVIEW, START, INTERRUPTION);
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
            return List.of(end(e.registrationId(), REVIEW));
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
        if (event instanceof RegistrationEvents.OperationsResumed e) {
            return List.of(end(e.registrationId(), INTERRUPTION));
        }
        if (event instanceof RegistrationEvents.EntityDeregistered e) {
            return List.of(end(e.registrationId(), REVIEW), end(e.registrationId(), START), end(e.registrationId(), INTERRUPTION));
        }
        return List.of();
    }

    private static DeadlineInstruction end(RegistrationId id, String kind) {
        return new DeadlineInstruction.End(id.value(), kind);
    }

    @Override
    public Object firingCommand(ScheduledDeadline deadline, Instant firedAt) {
        RegistrationId id = new RegistrationId(deadline.aggregateId());
        String stream = RegistrationStreamCommands.stream(id);
        return switch (deadline.kind()) {
            case REVIEW -> new RegistrationStreamCommands.EscalateOverdueReview(stream, id, deadline.due(), firedAt);
            case START -> new RegistrationStreamCommands.RaiseGroundIfDue(stream, id, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                    UlaanbaatarTime.dateOf(firedAt), firedAt);
            case INTERRUPTION -> new RegistrationStreamCommands.RaiseGroundIfDue(stream, id, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS,
                    UlaanbaatarTime.dateOf(firedAt), firedAt);
            default -> throw new IllegalArgumentException("not a Free Zone deadline: " + deadline.kind());
        };
    }

    @Override
    public Object recomputeCommand(ScheduledDeadline deadline, Deadline recomputed) {
        RegistrationId id = new RegistrationId(deadline.aggregateId());
        return new RegistrationStreamCommands.RecomputeReviewDue(RegistrationStreamCommands.stream(id), id, recomputed.due(), recomputed.dueAt().toInstant(),
                recomputed.calendarVersion());
    }
}
