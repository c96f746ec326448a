package mn.registry.command.look;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
        if (events.lastSequenceNumberFor(streamId).isEmpty()) {
            return Optional.empty();
        }
        UnitOfWork<?> readOnly = DefaultUnitOfWork.startAndGet(null);
        try {
            return Optional.of(repository.load(streamId).invoke(question));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        } finally {
            readOnly.rollback();
        }
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
