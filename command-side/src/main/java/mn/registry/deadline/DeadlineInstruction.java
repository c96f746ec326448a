package mn.registry.deadline;

import java.util.Objects;

/** What an event does to deadlines: start (or move, when the id is already open) one, or end every open one of a kind. */
public sealed interface DeadlineInstruction {

    /** Starts the deadline; an open deadline with the same id takes the new due date (a recomputation). */
    record Start(ScheduledDeadline deadline) implements DeadlineInstruction {
        public Start {
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /** Ends every open deadline of {@code kind} on {@code aggregateId}: what it waited for has happened. */
    record End(String aggregateId, String kind) implements DeadlineInstruction {
        public End {
            Objects.requireNonNull(aggregateId, "aggregateId");
            Objects.requireNonNull(kind, "kind");
        }
    }

    static DeadlineInstruction start(ScheduledDeadline deadline) {
        return new Start(deadline);
    }

    static DeadlineInstruction end(String aggregateId, String kind) {
        return new End(aggregateId, kind);
    }
}
