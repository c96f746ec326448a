package mn.registry.command.look;

import mn.registry.kernel.look.Folded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;
import java.util.function.Function;

/**
 * An aggregate asked a question by a page (ADR 0065; ADR 0035 item 75): loaded from Axon's repository, its stream folded as for a command,
 * inside a unit of work that is rolled back, so nothing is applied or stored and its lock is held only while it answers (a command on it
 * meanwhile waits, as for another command). One mechanism for every desk that asks the command side instead of mirroring its rules.
 */
public final class AggregateLook {

    private AggregateLook() {
    }

    /**
     * What the aggregate of stream {@code streamId} answers to {@code question}; empty when no such stream exists (asked of the event store
     * first, so that an unknown id does not have the repository log a stack trace).
     */
    public static <A, R> Optional<R> ask(EventStore events, Repository<A> repository, String streamId, Function<A, R> question) {
        return loaded(events, repository, streamId, aggregate -> aggregate.invoke(question));
    }

    /**
     * As {@link #ask}, with the global position of the last event the answer folded (ADR 0071 item 10, abuse audit O265): the aggregate's version
     * after the load, and that event's position as the event store gives it (read by its key; 0 when the store gives none). An event stored
     * after the load is not in the answer and not in its position; one stored before it is in both. A page waits for the register to reach
     * that position.
     */
    public static <A, R> Optional<Folded<R>> fold(EventStore events, Repository<A> repository, String streamId, Function<A, R> question) {
        return loaded(events, repository, streamId, aggregate -> new Folded<>(aggregate.invoke(question), positionOf(events, streamId, aggregate.version())));
    }

    private static <A, R> Optional<R> loaded(EventStore events, Repository<A> repository, String streamId, Function<Aggregate<A>, R> read) {
        if (events.lastSequenceNumberFor(streamId).isEmpty()) {
            return Optional.empty();
        }
        UnitOfWork<?> readOnly = DefaultUnitOfWork.startAndGet(null);
        try {
            return Optional.of(read.apply(repository.load(streamId)));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        } finally {
            readOnly.rollback();
        }
    }

    /** The global position of event {@code seq} of the stream (the registry's store reads it with its position), 0 when none is given. */
    private static long positionOf(EventStore events, String streamId, Long seq) {
        if (seq == null) {
            return 0;
        }
        DomainEventStream read = events.readEvents(streamId, seq);
        while (read.hasNext()) {
            DomainEventMessage<?> event = read.next();
            if (event.getSequenceNumber() == seq) {
                return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                        ? tracked.trackingToken().position().orElse(0) : 0;
            }
        }
        return 0;
    }

    /**
     * The answer's verdict on an act (ADR 0065 item 1; ADR 0035 items 75, 81): {@code accepted} when {@code rules}, the rules the act's handler
     * calls, refuse nothing; otherwise {@code refused} of the code of the problem they refuse it with. Each answer keeps its own verdict type.
     */
    public static <V> V verdictOf(Runnable rules, V accepted, Function<String, V> refused) {
        try {
            rules.run();
            return accepted;
        } catch (mn.registry.kernel.problem.RegistryProblem refusal) {
            return refused.apply(refusal.code());
        }
    }
}
