package mn.registry.store.mongo;

import mn.registry.kernel.log.SealedEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Hands the sealed events this engine's readers decoded to a consumer that needs more than Axon's message carries
 * (the seal, the hash, the stored payload and metadata strings, the global position): the log's sequencer, which would
 * otherwise read each public event back from {@code events} (issue 17 item 1). The engine's read path offers every
 * event it hands to Axon; only those whose payload type the consumer asked for ({@link #keepWhen}) are kept, at most
 * {@code capacity} of them (the oldest dropped first), until the consumer {@linkplain #take takes} one.
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
    private final Map<String, Handed> byEventId;
    private volatile Predicate<String> keep = payloadType -> false;
    private final java.util.concurrent.atomic.LongAdder missed = new java.util.concurrent.atomic.LongAdder();

    public SealedHandOver(int capacity) {
        this.capacity = capacity;
        this.byEventId = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Handed> eldest) {
                return size() > SealedHandOver.this.capacity;
            }
        };
    }

    /** Keeps the events whose payload type passes {@code payloadType} (none until called). */
    public void keepWhen(Predicate<String> payloadType) {
        this.keep = payloadType;
    }

    /** Called by the engine's read path for each event it decoded. */
    void offer(long position, StoredEvent e) {
        if (!keep.test(e.payloadType())) {
            return;
        }
        Handed handed = new Handed(new SealedEvent(e.eventId(), e.aggregateType(), e.aggregateId(), e.seq(), e.timestamp(),
                e.payloadType(), e.payloadRevision(), e.payload(), e.metaData(), e.prevHash(), e.hash(), e.keyId(), e.seal()), position);
        synchronized (byEventId) {
            byEventId.put(e.eventId(), handed);
        }
    }

    /** The sealed event with this id if a reader handed it over and nobody took it yet; counts a miss otherwise. */
    public Optional<Handed> take(String eventId) {
        Handed handed;
        synchronized (byEventId) {
            handed = byEventId.remove(eventId);
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
        synchronized (byEventId) {
            return byEventId.size();
        }
    }
}
