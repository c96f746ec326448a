package mn.registry.store.mongo;

import mn.registry.kernel.log.SealedEvent;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Hands the sealed events this engine's readers decoded to a consumer that needs more than Axon's message carries
 * (the seal, the hash, the stored payload and metadata strings, the global position): the log's sequencer, which would
 * otherwise read each public event back from {@code events} (issue 17 item 1). The engine's read path offers every
 * event it hands to Axon; only those whose payload type the consumer asked for ({@link #keepWhen}) are kept, at most
 * {@code capacity} of them, until the consumer {@linkplain #take takes} one.
 *
 * <p>Which are kept when it is full (session 17, ADR 0053's first "not done"): the consumer reads in global order, so it
 * needs the lowest positions above the last one it took. A full hand-over drops first what lies below that position (a
 * batch handled again may still ask for it, and then reads the store), then the highest position, which may be the one
 * offered. Before, the oldest offered was dropped: in a first start the other processors' readers, far ahead of the
 * sequencer, offered tens of thousands of later events and pushed out the ones the sequencer's own reader had just
 * offered, so the sequencer read most public events back from the store.
 *
 * <p>Correct whatever reader filled it: a stored sealed event and its position never change once written, so the copy
 * any stream of this engine decoded is the copy in the store. A consumer must still read the store when an event is
 * not here (after a restart the reader refills it, but a consumer far behind the readers, or a second delivery of an
 * event it took, misses); {@link #missed} counts those.
 */
public final class SealedHandOver {

    /** A sealed event as stored, at its global position. */
    public record Handed(SealedEvent event, long position) {
    }

    private final int capacity;
    /** Guarded by itself, as {@link #byEventId} and {@link #lastTaken}. */
    private final java.util.TreeMap<Long, Handed> byPosition = new java.util.TreeMap<>();
    private final Map<String, Long> byEventId = new java.util.HashMap<>();
    private long lastTaken = -1;
    private volatile Predicate<String> keep = payloadType -> false;
    private final java.util.concurrent.atomic.LongAdder missed = new java.util.concurrent.atomic.LongAdder();

    public SealedHandOver(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps the events whose payload type passes {@code payloadType} (none until called). */
    public void keepWhen(Predicate<String> payloadType) {
        this.keep = payloadType;
    }

    /** Called by the engine's read path for each event it decoded. */
    void offer(long position, StoredEvent e) {
        if (!keep.test(e.payloadType()) || capacity <= 0) {
            return;
        }
        synchronized (byPosition) {
            if (byEventId.containsKey(e.eventId())) {
                return; // the same stored event, offered by another reader
            }
            if (byPosition.size() >= capacity && !makeRoomFor(position)) {
                return;
            }
            byPosition.put(position, new Handed(new SealedEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.seq(), e.timestamp(),
                    e.payloadType(), e.payloadRevision(), e.payload(), e.metaData(), e.prevHash(), e.hash(), e.keyId(), e.seal()), position));
            byEventId.put(e.eventId(), position);
        }
    }

    /** Drops one kept event to make room for {@code position}: one below the last taken, else the highest if above it; false when {@code position} is the one to drop. */
    private boolean makeRoomFor(long position) {
        Map.Entry<Long, Handed> drop = byPosition.firstEntry();
        if (drop.getKey() > lastTaken) {
            drop = byPosition.lastEntry();
            if (drop.getKey() < position) {
                return false;
            }
        }
        byPosition.remove(drop.getKey());
        byEventId.remove(drop.getValue().event().eventId());
        return true;
    }

    /** The sealed event with this id if a reader handed it over and nobody took it yet; counts a miss otherwise. */
    public Optional<Handed> take(String eventId) {
        Handed handed = null;
        synchronized (byPosition) {
            Long position = byEventId.remove(eventId);
            if (position != null) {
                handed = byPosition.remove(position);
                lastTaken = Math.max(lastTaken, position);
            }
        }
        if (handed == null) {
            missed.increment();
        }
        return Optional.ofNullable(handed);
    }

    /** How many {@link #take}s found nothing (the consumer then read the store). */
    public long missed() {
        return missed.sum();
    }

    /** How many are waiting to be taken. */
    public int size() {
        synchronized (byPosition) {
            return byPosition.size();
        }
    }
}
