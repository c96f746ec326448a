package mn.registry.infrastructure.axon;

import mn.registry.infrastructure.mongo.GroupCommit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event storage engine the registry runs on: the gapless MongoDB engine, plus a durability
 * barrier after every append. Axon appends in the unit of work's commit, before the command is
 * answered, so a command is acknowledged only once its events are durable: on the embedded server
 * that is the H2 file commit (grouped across concurrent commands); on a replica set the write
 * concern already waited for the journal and the barrier costs nothing.
 */
public final class DurableEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final GroupCommit durability;
    private final Runnable beforeAppend;

    public DurableEventStorageEngine(EventStorageEngine delegate, GroupCommit durability) {
        this(delegate, durability, () -> {
        });
    }

    /** {@code beforeAppend} runs before each append and may refuse it (the store's format, ADR 0068: {@link StoreFormatGuard#beforeAppend}). */
    public DurableEventStorageEngine(EventStorageEngine delegate, GroupCommit durability, Runnable beforeAppend) {
        this.delegate = delegate;
        this.durability = durability;
        this.beforeAppend = beforeAppend;
    }

    /** The engine underneath. */
    public EventStorageEngine delegate() {
        return delegate;
    }

    /**
     * The registry's own engine behind {@code engine} (this wrapper's delegate, or the engine itself), null when it is another (a test's
     * in-memory one) or none: for the reads beside Axon's interface (ADR 0071's positions, ADR 0035 item 91's streams begun).
     */
    public static mn.registry.store.mongo.GaplessEventStorageEngine gapless(EventStorageEngine engine) {
        EventStorageEngine own = engine instanceof DurableEventStorageEngine durable ? durable.delegate() : engine;
        return own instanceof mn.registry.store.mongo.GaplessEventStorageEngine g ? g : null;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        beforeAppend.run();
        delegate.appendEvents(events);
        long mark = delegate instanceof mn.registry.store.mongo.GaplessEventStorageEngine gapless ? gapless.takeDurabilityMark() : -1;
        if (mark >= 0) {
            // session 9: the mark was taken when this commit's group insert returned: one step for the whole group
            durability.awaitStepAfter(mark);
        } else {
            durability.await();
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    /**
     * ADR 0028: a global position at or after the commits just stored on this node, without a database lookup where
     * the engine underneath knows it (the gapless engine); the head token otherwise.
     */
    public long positionAfterOwnCommits() {
        if (delegate instanceof mn.registry.store.mongo.GaplessEventStorageEngine gapless) {
            return gapless.positionAfterOwnCommits();
        }
        return delegate.createHeadToken().position().orElse(0L);
    }

    /**
     * ADR 0061: {@code engine}'s {@code storedUpTo()} (a position every commit at or below which is stored and visible, with no look-up),
     * through this wrapper; 0 for an engine that does not know it (tests on another engine), whose callers then read what is there.
     */
    public static java.util.function.LongSupplier storedUpTo(EventStorageEngine engine) {
        EventStorageEngine stored = engine instanceof DurableEventStorageEngine durable ? durable.delegate() : engine;
        return stored instanceof mn.registry.store.mongo.GaplessEventStorageEngine gapless ? gapless::storedUpTo : () -> 0;
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
