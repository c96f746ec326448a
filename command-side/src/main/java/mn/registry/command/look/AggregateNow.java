package mn.registry.command.look;

import mn.registry.kernel.look.Folded;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The command side's answer now (ADR 0065; ADR 0035 items 75, 81): the aggregate of a stream asked a question at the registry's clock (a
 * demo registry's moved clock too), as a command received now would be judged, loaded by {@link AggregateLook} inside a unit of work that
 * is rolled back. The one shape of the desks' answers ({@code GovernorActsNow}, {@code LandActsNow}); each keeps its own question and
 * services, and no rule is here.
 */
public final class AggregateNow<A> {

    private final Clock clock;
    private final EventStore events;
    private final Supplier<Repository<A>> repository;

    public AggregateNow(Clock clock, EventStore events, Supplier<Repository<A>> repository) {
        this.clock = clock;
        this.events = events;
        this.repository = repository;
    }

    /** What the aggregate of stream {@code streamId} answers {@code question} at the registry's instant now; empty when no such stream exists. */
    public <R> Optional<R> ask(String streamId, BiFunction<A, Instant, R> question) {
        return AggregateLook.ask(events, repository.get(), streamId, atNow(question));
    }

    /** As {@link #ask}, with the position of the last event the answer folded ({@link AggregateLook#fold}, ADR 0071 item 10). */
    public <R> Optional<Folded<R>> fold(String streamId, BiFunction<A, Instant, R> question) {
        return AggregateLook.fold(events, repository.get(), streamId, atNow(question));
    }

    private <R> java.util.function.Function<A, R> atNow(BiFunction<A, Instant, R> question) {
        Instant now = clock.instant();
        return aggregate -> question.apply(aggregate, now);
    }
}
