package mn.registry.deadline;

import mn.registry.kernel.calendar.CalendarDeclaration;
import mn.registry.kernel.calendar.DeadlineChange;
import mn.registry.kernel.calendar.OpenDeadline;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns events into deadline documents with the rules of every context, in the global order of the event store.
 * Idempotent: an event seen again starts a deadline already there or ends one already ended. A calendar declaration
 * re-computes every open working-day deadline and sends each one that moved to its aggregate, whose event then
 * moves the document (domain-rules §2: a calendar change re-computes every open deadline).
 */
class DeadlineProjection {

    private static final Logger log = LoggerFactory.getLogger(DeadlineProjection.class);
    private static final String READ_AHEAD = DeadlineProjection.class.getName() + ".readAhead";

    private final MongoDeadlines deadlines;
    private final List<DeadlineRules> rules;
    private final Map<String, DeadlineRules> rulesByKind = new HashMap<>();
    private final Supplier<WorkingDayCalendar> calendarInForce;
    private final Consumer<Object> commands;

    public DeadlineProjection(MongoDeadlines deadlines, List<DeadlineRules> rules, Supplier<WorkingDayCalendar> calendarInForce,
                              Consumer<Object> commands) {
        this.deadlines = deadlines;
        this.rules = List.copyOf(rules);
        this.rules.forEach(r -> r.kinds().forEach(k -> rulesByKind.put(k, r)));
        this.calendarInForce = calendarInForce;
        this.commands = commands;
    }

    /** Applies what {@code event} does to deadlines; {@code sequence} as in {@link DeadlineRules#instructionsFor}. */
    public void on(Object event, long sequence) {
        on(event, sequence, MongoDeadlines.UNKNOWN_POSITION);
    }

    /**
     * As {@link #on(Object, long)}, for the event at {@code position} in the store (-1 when not known): an end ends only
     * the deadlines started before it, also when the event is handled again after a crash (ADR 0053).
     */
    public void on(Object event, long sequence, long position) {
        readAheadTheOpenSetsOfTheBatch();
        if (event instanceof CalendarDeclaration) {
            recomputeOpenDeadlines();
            return;
        }
        for (DeadlineRules r : rules) {
            List<DeadlineInstruction> instructions = r.instructionsFor(event, sequence);
            // an event that ends a kind and starts a new one of it, seen again, must not end the one it started the first time
            List<String> started = instructions.stream().filter(DeadlineInstruction.Start.class::isInstance)
                    .map(i -> ((DeadlineInstruction.Start) i).deadline().id()).toList();
            for (DeadlineInstruction instruction : instructions) {
                if (instruction instanceof DeadlineInstruction.Start start) {
                    deadlines.start(start.deadline(), position);
                } else if (instruction instanceof DeadlineInstruction.End end) {
                    deadlines.end(end.aggregateId(), end.kind(), started, position);
                }
            }
        }
    }

    /**
     * ADR 0056: at a batch's first event, the open sets that the batch's ends will read are read together (one query;
     * {@link MongoDeadlines#prefetchOpenSets}), where each end of a case and kind read its set with a round trip of its
     * own. Which sets are ended is known from the events alone: an end does not depend on the calendar or on what is
     * stored, so the rules' instructions for the batch's messages name them (their starts, which may depend on the
     * calendar in force, are computed again when each event is handled).
     */
    private void readAheadTheOpenSetsOfTheBatch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)
                || batch.getOrComputeResource(READ_AHEAD, k -> Boolean.FALSE)) {
            return;
        }
        batch.resources().put(READ_AHEAD, Boolean.TRUE);
        List<String> sets = new ArrayList<>();
        for (Message<?> message : batch.getMessages()) {
            Object payload = message.getPayload();
            long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
            for (DeadlineRules r : rules) {
                for (DeadlineInstruction instruction : r.instructionsFor(payload, sequence)) {
                    if (instruction instanceof DeadlineInstruction.End end) {
                        sets.add(MongoDeadlines.setId(end.aggregateId(), end.kind()));
                    }
                }
            }
        }
        if (!sets.isEmpty()) {
            deadlines.prefetchOpenSets(sets);
        }
    }

    /** Sends one recompute command per open working-day deadline whose due date the calendar in force moves. Returns how many. */
    public int recomputeOpenDeadlines() {
        WorkingDayCalendar calendar = calendarInForce.get();
        Map<String, ScheduledDeadline> open = new HashMap<>();
        List<OpenDeadline> openDeadlines = deadlines.openWorkingDayDeadlines().stream()
                .peek(d -> open.put(d.id(), d))
                .map(d -> new OpenDeadline(d.id(), d.startedOn(), d.workingDays(), d.due(), d.calendarVersion()))
                .toList();
        int sent = 0;
        for (DeadlineChange change : WorkingDayCalendar.recompute(openDeadlines, calendar)) {
            ScheduledDeadline deadline = open.get(change.before().reference());
            DeadlineRules owner = rulesByKind.get(deadline.kind());
            if (owner == null) {
                continue;
            }
            try {
                commands.accept(owner.recomputeCommand(deadline, change.after()));
                sent++;
            } catch (RuntimeException e) {
                log.warn("Deadline {} could not be recomputed under {}: {}", deadline.id(), calendar.version(), e.toString());
            }
        }
        return sent;
    }

    void reset() {
        deadlines.clear();
    }
}
