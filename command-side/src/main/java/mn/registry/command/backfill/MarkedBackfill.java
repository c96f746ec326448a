package mn.registry.command.backfill;

import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A {@link StartupBackfill} that is due while its {@link BackfillMarker} is missing and can also run alone, with a pass over the
 * store of its own: what the start-up backfills that read the whole store share (their name for the log, their marker, the store).
 * One whose result a rule reads (a claim, a judgement) holds that rule back until its pass is done on this node ({@link #awaitPass}):
 * the web server may take requests while the store is still read, and an act judged before the pass ran must not slip through.
 */
public abstract class MarkedBackfill implements StartupBackfill {

    private final String name;
    protected final BackfillMarker marker;
    private final EventStore events;
    private final BackfillDone done = new BackfillDone();

    protected MarkedBackfill(String name, BackfillMarker marker, EventStore events) {
        this.name = name;
        this.marker = marker;
        this.events = events;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public boolean due() {
        return marker.missing();
    }

    /** The marker was found: what the rules wait for is there. */
    @Override
    public void skipped() {
        done.done();
    }

    /** Called by the pass once it wrote what the rules read (and its marker): they wait no longer. */
    protected final void passDone() {
        done.done();
    }

    /** Waits for this node's pass (or the marker found) before a rule reads what it writes; {@code notReady}'s refusal after a minute. */
    protected final void awaitPass(Supplier<RegistryProblem> notReady) {
        done.await(notReady);
    }

    /** Whether this node's pass is done (or the marker found), asked without waiting. */
    protected final boolean passIsDone() {
        return done.isDone();
    }

    /** Runs this backfill alone (its own pass over the store), as at start when the other backfills' markers are written. */
    public void start() {
        StoreBackfills.run(events, List.of(this));
    }

    /** The global position of an event the pass reads, for its log lines (an event without a tracking token has none). */
    protected static OptionalLong positionOf(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null ? tracked.trackingToken().position() : OptionalLong.empty();
    }
}
