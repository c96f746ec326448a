package mn.registry.infrastructure.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * ADR 0063: a pooled processor's reader stays at most a few batches ahead of its slowest work package on this node.
 * <p>
 * Axon 4.13's coordinator offers every event to every work package of the node and stops reading when one of their queues
 * holds 1,024 events; it then sleeps a fixed 100 ms, however soon the work packages empty their queues. A catch-up is thus
 * capped near 1,024 events per 100 ms, and each event offered counts both queues by walking them
 * ({@code WorkPackage.hasRemainingCapacity()}: {@code ConcurrentLinkedQueue.size()}). This source hands the coordinator's stream
 * no event while the stream is {@link #limit(int) the limit} positions ahead of the work packages' processed positions
 * ({@link EventTrackerStatus#getCurrentPosition()}, moved after each batch's commit), and wakes the coordinator once they are
 * below it again. So the queues stay short and the coordinator never sleeps for a full queue. Which events are read, their
 * order, the batches' tokens and the claims are Axon's as before: only when the next event is handed over changes.
 * <p>
 * Where a position cannot be told (no work package yet, a token without a position), events are handed over as before.
 */
public final class ReadAheadLimit implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Axon's queue of one work package, which the reader must stay below (WorkPackage.BUFFER_SIZE, 1,024), with room to spare. */
    static final int MOST = 1_000;
    /**
     * The fewest positions ahead: a work package of two segments finds about five batches of its own queued, so that a coordinator
     * woken late (a loaded machine) still leaves it full batches.
     */
    static final int LEAST = 512;
    /** How often a held-back stream looks whether the work packages have caught up. */
    static final Duration LOOK_AGAIN = Duration.ofMillis(1);
    /**
     * How soon a stream that found no event wakes the coordinator to look again, when the source below it cannot say when
     * events arrive (Axon's EmbeddedEventStore): the 500 ms the coordinator waits by itself for such a stream.
     */
    static final Duration NO_EVENT_LOOK_AGAIN = Duration.ofMillis(500);
    /**
     * How long a held-back stream lets the coordinator wait at most: the 100 ms it waited by itself on a full queue. So it looks
     * at least as often as before at what it does in each run (a work package that failed, a segment to release or claim).
     */
    static final Duration HELD_BACK_AT_MOST = Duration.ofMillis(100);

    private static final ScheduledExecutorService WAKER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "processor-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final int batchSize;
    private final Supplier<Map<Integer, EventTrackerStatus>> workPackages;

    /**
     * @param source       where the processor reads
     * @param batchSize    the processor's batch size
     * @param workPackages the processor's work packages on this node, by segment ({@code processingStatus()}), asked lazily: the
     *                     processor is built after its source
     */
    public ReadAheadLimit(StreamableMessageSource<TrackedEventMessage<?>> source, int batchSize,
                          Supplier<Map<Integer, EventTrackerStatus>> workPackages) {
        this.source = source;
        this.batchSize = batchSize;
        this.workPackages = workPackages;
    }

    /**
     * Positions the reader may be ahead when the processor has {@code segments} segments in all: each work package gets every
     * event and handles its segment's share, so four batches of its own need about {@code 4 × batch × segments} positions;
     * at least {@link #LEAST}, below Axon's queue of 1,024.
     */
    int limit(int segments) {
        return (int) Math.min(MOST, Math.max(LEAST, 4L * batchSize * segments));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new HeldBack(source.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return source.createTokenSince(duration);
    }

    /** The coordinator's stream, held back while it is {@link #limit(int)} positions ahead of the work packages. */
    final class HeldBack implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final AtomicBoolean lookingAgain = new AtomicBoolean();
        private volatile long heldBackSince;
        private final AtomicBoolean noEventLookAgain = new AtomicBoolean();
        private volatile boolean closed;
        private volatile Runnable onAvailable = () -> {
        };
        private boolean sourceCallsBack;
        /** The position of the last event handed over; read by the waker's thread. */
        private volatile long handedOver = -1;
        /** The position of the first event handed over. */
        private volatile long first = -1;

        HeldBack(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        /** Whether the stream is at the limit ahead of the slowest work package on this node (false where it cannot be told). */
        boolean ahead() {
            long last = handedOver;
            if (last < 0) {
                return false;
            }
            Map<Integer, EventTrackerStatus> statuses = workPackages.get();
            if (statuses == null || statuses.isEmpty()) {
                // no work package has reported yet (each does after its first batch): none is past this stream's first event
                return first >= 0 && last - (first - 1) >= limit(1);
            }
            long slowest = Long.MAX_VALUE;
            int segments = 1;
            for (EventTrackerStatus status : statuses.values()) {
                OptionalLong position = status.getCurrentPosition();
                if (position.isEmpty()) {
                    return false;
                }
                slowest = Math.min(slowest, position.getAsLong());
                segments = Math.max(segments, status.getSegment().getMask() + 1);
            }
            return last - slowest >= limit(segments);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (ahead()) {
                lookAgainSoon();
                return false;
            }
            boolean available = stream.hasNextAvailable(timeout, unit);
            if (!available && !sourceCallsBack) {
                lookAgainAfterNoEvent();
            }
            return available;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = stream.nextAvailable();
            OptionalLong position = event.trackingToken() == null ? OptionalLong.empty() : event.trackingToken().position();
            handedOver = position.isPresent() ? position.getAsLong() : -1;
            if (first < 0) {
                first = handedOver;
            }
            return event;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public void close() {
            closed = true;
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        /**
         * Keeps the coordinator's callback: this stream wakes it when the work packages have caught up, and, over a source that
         * cannot call back itself, {@link #NO_EVENT_LOOK_AGAIN} after it found no event (as the coordinator would look by itself).
         */
        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            sourceCallsBack = stream.setOnAvailableCallback(callback);
            return true;
        }

        private void lookAgainSoon() {
            if (lookingAgain.compareAndSet(false, true)) {
                heldBackSince = System.nanoTime();
                WAKER.schedule(this::wakeWhenCaughtUp, LOOK_AGAIN.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        private void wakeWhenCaughtUp() {
            if (closed) {
                lookingAgain.set(false);
                return;
            }
            if (ahead() && System.nanoTime() - heldBackSince < HELD_BACK_AT_MOST.toNanos()) {
                WAKER.schedule(this::wakeWhenCaughtUp, LOOK_AGAIN.toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
            lookingAgain.set(false);
            onAvailable.run();
        }

        private void lookAgainAfterNoEvent() {
            if (noEventLookAgain.compareAndSet(false, true)) {
                WAKER.schedule(() -> {
                    noEventLookAgain.set(false);
                    if (!closed) {
                        onAvailable.run();
                    }
                }, NO_EVENT_LOOK_AGAIN.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }
}
