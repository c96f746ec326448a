package mn.registry.projection;

import mn.registry.infrastructure.axon.DurableEventStorageEngine;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * ADR 0071: a page that shows the command side's answer on an aggregate beside the register's record of it waits, bounded
 * ({@code registry.pages.catch-up}, 2 s), until the projections it reads have handled the aggregate's last event, so that it does not
 * show the moment between an act and the register's record of it (the start's form gone, the interruption's form not there yet). Past
 * the bound the page renders anyway and says the register is catching up.
 *
 * <p>How far a projection is: on a node that runs every segment of its processor, the processor's own status in memory (advanced
 * after the batch's writes are committed; no database read, looked at every {@value ReadYourWrites#POLL_MILLIS} ms). Otherwise (several nodes,
 * ADR 0016: the segments run elsewhere) the stored tokens, read at most once per {@value #STORED_MILLIS} ms, with this node's
 * segments from memory; a processor that writes its token at most once a second (ADR 0038) is then seen up to that much later.
 */
@Component
public class RegisterCatchUp {

    /** The page's model attribute, true when the page rendered before the register caught up (the layout then says so). */
    public static final String CATCHING_UP = "registerCatchingUp";

    static final long STORED_MILLIS = 100;

    private final LongSupplier storedUpTo;
    private final ToLongFunction<String> lastPositionOf;
    private final ObjectProvider<Configuration> axon;
    private final ReadYourWrites stored;
    private final Duration bound;

    RegisterCatchUp(ObjectProvider<EventStorageEngine> engine, ObjectProvider<Configuration> axon, ReadYourWrites stored,
                    @Value("${registry.pages.catch-up:2s}") Duration bound) {
        GaplessEventStorageEngine gapless = DurableEventStorageEngine.gapless(engine.getIfAvailable());
        this.storedUpTo = gapless == null ? () -> 0 : gapless::storedUpTo;
        this.lastPositionOf = gapless == null ? stream -> 0 : stream -> gapless.lastPositionFor(stream).orElse(0);
        this.axon = axon;
        this.stored = stored;
        this.bound = bound;
    }

    /**
     * Waits until every processing group in {@code groups} has handled the last event of each of {@code streams} (one or two indexed reads
     * of the store each), at most the bound; whether they have. For a stream the page also asks the command side about, the position the
     * answer folded is the one to wait for ({@link #caughtUpTo}, ADR 0071 item 10).
     */
    public boolean caughtUpWith(java.util.List<String> streams, String... groups) {
        return caughtUpTo(lastPositionOf(streams), groups);
    }

    /** The highest global position of the last events of {@code streams} (one or two indexed reads of the store each); 0 for none. */
    public long lastPositionOf(java.util.List<String> streams) {
        return streams.stream().mapToLong(lastPositionOf).max().orElse(0);
    }

    /** As {@link #caughtUpWith}, for a page that lists many aggregates: every event this node knows stored (no read of the store). */
    public boolean caughtUpWithTheStore(String... groups) {
        return caughtUpTo(storedUpTo.getAsLong(), groups);
    }

    /**
     * ADR 0071 item 10 (O265): waits until every processing group in {@code groups} has handled global position {@code position}, the position
     * the command side's answer folded ({@link mn.registry.kernel.look.Folded}), at most the bound; whether they have. 0 or less: at once.
     */
    public boolean caughtUpTo(long position, String... groups) {
        if (position <= 0) {
            return true;
        }
        long deadline = System.nanoTime() + bound.toNanos();
        long[] storedReadAt = {System.nanoTime() - Duration.ofMillis(STORED_MILLIS).toNanos()};
        for (String group : groups) {
            if (ReadYourWrites.until(position, deadline, () -> handled(group, storedReadAt)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** How far {@code group} is: from memory when this node runs all of it, else by its stored tokens at most once per {@value #STORED_MILLIS} ms. */
    private OptionalLong handled(String group, long[] storedReadAt) {
        OptionalLong handled = inNode(group);
        if (handled.isEmpty() && System.nanoTime() - storedReadAt[0] >= Duration.ofMillis(STORED_MILLIS).toNanos()) {
            storedReadAt[0] = System.nanoTime();
            handled = withStored(group);
        }
        return handled;
    }

    /** The processor of {@code group} running here, if any. */
    private Optional<StreamingEventProcessor> processor(String group) {
        Configuration configuration = axon.getIfAvailable();
        return configuration == null ? Optional.empty()
                : configuration.eventProcessingConfiguration().eventProcessor(group, StreamingEventProcessor.class).filter(StreamingEventProcessor::isRunning);
    }

    /** How far {@code group} is when this node runs all its segments (their shares of the token space add up to one), from memory. */
    private OptionalLong inNode(String group) {
        Map<Integer, EventTrackerStatus> segments = processor(group).map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        long share = 0;
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : segments.values()) {
            share += SHARES / (status.getSegment().getMask() + 1L);
            OptionalLong at = status.getCurrentPosition();
            if (at.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, at.getAsLong());
        }
        return share == SHARES ? OptionalLong.of(lowest) : OptionalLong.empty();
    }

    /** The token space in shares: a segment of mask m holds 1/(m+1) of it (masks are 2^k - 1, k at most 30). */
    private static final long SHARES = 1L << 31;

    /** How far {@code group} is by its stored tokens, each segment this node runs taken from memory (one read of the tokens). */
    private OptionalLong withStored(String group) {
        Map<Integer, EventTrackerStatus> here = processor(group).map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        Map<Integer, OptionalLong> segments = stored.positions(group);
        long lowest = Long.MAX_VALUE;
        for (Map.Entry<Integer, OptionalLong> segment : segments.entrySet()) {
            EventTrackerStatus running = here.get(segment.getKey());
            OptionalLong at = running != null && running.getCurrentPosition().isPresent() ? running.getCurrentPosition() : segment.getValue();
            if (at.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, at.getAsLong());
        }
        return segments.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lowest);
    }
}
