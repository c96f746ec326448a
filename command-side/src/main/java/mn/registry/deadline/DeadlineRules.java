package mn.registry.deadline;

import mn.registry.kernel.calendar.Deadline;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one bounded context asks of the deadline service (a Spring bean per context): which events start and end
 * which deadlines, the command that fires a due one, and the command that records a due date moved by a calendar
 * change. The firing command must be idempotent in its aggregate: firing twice records once, and a deadline the
 * aggregate no longer waits for records nothing.
 */
public interface DeadlineRules {

    /** The kinds of deadline these rules own (unique across contexts), e.g. {@code "permit.decision"}. */
    Set<String> kinds();

    /**
     * What {@code event} (payload) does to deadlines; empty for an event that concerns none. {@code sequence} is the
     * event's sequence number in its aggregate (-1 for an event of no aggregate): a deterministic {@code n} for
     * {@link ScheduledDeadline#idOf} when an aggregate can have several deadlines of one kind over its life.
     */
    List<DeadlineInstruction> instructionsFor(Object event, long sequence);

    /** The command that records that {@code deadline} fell due, sent at {@code firedAt} (registry time). */
    Object firingCommand(ScheduledDeadline deadline, Instant firedAt);

    /** The command that records a working-day due date moved by a calendar change; its event restarts the deadline with the new date. */
    Object recomputeCommand(ScheduledDeadline deadline, Deadline recomputed);
}
