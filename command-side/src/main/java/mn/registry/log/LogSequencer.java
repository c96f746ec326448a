package mn.registry.log;

import mn.registry.kernel.log.PublicRecords;
import mn.registry.kernel.log.SealedEvent;
import mn.registry.store.mongo.SealedHandOver;
import mn.registry.tlog.LogWriter;
import mn.registry.tlog.SealedEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads every event in global order (processing group {@value #PROCESSING_GROUP}: one segment, so one node at a
 * time holds it through the token store) and appends the public record of each public event to the log. The
 * record is built from the event exactly as sealed in the store (its stored payload and metadata, hash, seal key
 * and global position), so anyone holding the sealed event can derive the same leaf. The Axon message carries
 * neither the seal nor the stored strings; the event store's read path, which decoded them for this message, hands
 * them over ({@link SealedHandOver}, issue 17 item 1). Only when the hand-over misses (the sequencer far behind the
 * store's readers, a batch handled again, a store that is not the gapless engine) is the sealed event read back from
 * the store ({@link SealedEvents}); {@link #storeReads()} counts those reads.
 */
@ProcessingGroup(LogSequencer.PROCESSING_GROUP)
class LogSequencer {

    static final String PROCESSING_GROUP = "log-sequencer";

    private final LogWriter writer;
    private final SealedHandOver handOver;
    private final SealedEvents events;
    private final PublicationDuties publications;
    private final LongAdder storeReads = new LongAdder();
    private final Runnable appended;

    LogSequencer(LogWriter writer, SealedHandOver handOver, SealedEvents events, PublicationDuties publications) {
        this(writer, handOver, events, publications, null);
    }

    /**
     * {@code handOver} may be null: then every public event is read back from the store. {@code appended} (may be null)
     * is told once per batch, after it committed, that entries were appended: the checkpoint schedule publishes then.
     */
    LogSequencer(LogWriter writer, SealedHandOver handOver, SealedEvents events, PublicationDuties publications, Runnable appended) {
        this.writer = writer;
        this.appended = appended;
        this.handOver = handOver;
        this.events = events;
        this.publications = publications;
        if (handOver != null) {
            handOver.keepWhen(PublicRecords::mayBePublic);
        }
    }

    /**
     * Queues each public event of a batch and appends their public records together after the batch's last event (ADR 0048:
     * a few writes per batch instead of a few per record; the events the hand-over missed read back with one query), before
     * the processor stores its token, as the projections' {@code BatchedWrites} do: a crash before the append leaves the
     * token behind it, so the batch is handled again, and a batch appended twice finds its entries by event id. Outside a
     * batch each event is appended at once.
     */
    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (PublicRecords.mayBePublic(message.getPayloadType().getName())) {
            pending().add(new Pending(message.getIdentifier(), handed(message).orElse(null), payload));
        }
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            appendPending();
        }
    }

    /** A public event of the batch: as the hand-over gave it, or {@code sealed} null when it is to be read back from the store. */
    private record Pending(String eventId, Sealed sealed, Object payload) {
    }

    private static final String PENDING = LogSequencer.class.getName() + ".pending";
    /** Outside a unit of work: the one event being handled. */
    private final ThreadLocal<List<Pending>> outside = ThreadLocal.withInitial(ArrayList::new);

    private List<Pending> pending() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, key -> new ArrayList<Pending>())
                : outside.get();
    }

    private void appendPending() {
        List<Pending> pending = pending();
        if (pending.isEmpty()) {
            return;
        }
        List<LogWriter.Leaf> leaves = new ArrayList<>();
        List<Pending> appended = new ArrayList<>();
        try {
            List<String> misses = pending.stream().filter(p -> p.sealed() == null).map(Pending::eventId).toList();
            java.util.Map<String, SealedEvents.Stored> read = events.byIds(misses);
            storeReads.add(misses.size());
            for (Pending p : pending) {
                SealedEvents.Stored stored = p.sealed() == null ? read.get(p.eventId()) : null;
                Sealed found = p.sealed() != null ? p.sealed() : stored == null ? null : new Sealed(stored.event(), stored.position());
                if (found == null) {
                    continue;
                }
                PublicRecords.record(found.event(), found.position()).ifPresent(record -> {
                    leaves.add(new LogWriter.Leaf(found.event().eventId(), PublicRecords.leafData(record), found.position(),
                            record.path("commandId").textValue()));
                    appended.add(p);
                });
            }
            long[] indexes = writer.appendAll(leaves);
            if (publications != null) { // 002 art. 26.4, 27.6: the checkpoint publishes it; one insert of the batch's notices
                List<PublicationDuties.Appended> entries = new ArrayList<>(indexes.length);
                for (int i = 0; i < indexes.length; i++) {
                    entries.add(new PublicationDuties.Appended(leaves.get(i).eventId(), indexes[i], appended.get(i).payload()));
                }
                publications.entriesAppended(entries);
            }
        } finally {
            pending.clear(); // appended, or failed: a failed batch is handled again from its first event
        }
        if (!leaves.isEmpty()) {
            afterBatch();
        }
    }

    /** Tells {@link #appended} once, when the batch (the unit of work) that appended has committed. */
    private void afterBatch() {
        if (appended == null) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            appended.run();
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.resources().computeIfAbsent(APPENDED, key -> {
            batch.afterCommit(u -> appended.run());
            return Boolean.TRUE;
        });
    }

    private static final String APPENDED = LogSequencer.class.getName() + ".appended";

    /** The event as sealed in the store, as the read that produced the message handed it over; empty on a miss (read back later). */
    private Optional<Sealed> handed(EventMessage<?> message) {
        if (handOver == null) {
            return Optional.empty();
        }
        Optional<SealedHandOver.Handed> handed = handOver.take(message.getIdentifier());
        OptionalLong position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position() : OptionalLong.empty();
        if (handed.isPresent() && (position.isEmpty() || position.getAsLong() == handed.get().position())) {
            return handed.map(h -> new Sealed(h.event(), h.position()));
        }
        return Optional.empty();
    }

    private record Sealed(SealedEvent event, long position) {
    }

    /** How many public events were read back from the store instead of handed over (0 in the steady state). */
    long storeReads() {
        return storeReads.sum();
    }
}
