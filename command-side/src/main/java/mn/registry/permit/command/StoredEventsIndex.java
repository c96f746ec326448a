package mn.registry.permit.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import mn.registry.infrastructure.time.RepeatedTask;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An index a permit act is judged by, folded from the stored events (ADR 0058; the representatives of {@link PermitRepresentatives}, the
 * companies of {@link CompaniesOnRecord}): the store is read from the position the index last reached ({@code _id:} {@value #THROUGH}) to
 * its head, every {@value #CATCH_UP_SECONDS} s in the background and again by every act judged on it, so that the act sees every event
 * stored before its receipt; no command writes it on its own path. A fold's writes add nothing twice and the position only moves forward
 * ({@code $max}), after them: a catch-up stopped half-way, run again, or run by two nodes at once writes nothing twice. Each index has its
 * own collection; the embedded server uses no index but {@code _id}, so an index is read by {@code _id} only.
 */
abstract class StoredEventsIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoredEventsIndex.class);
    /** The position of the last stored event the index has read: never a person id nor a registration number (those have no colon). */
    static final String THROUGH = "through:events";
    static final long CATCH_UP_SECONDS = 2;
    /** How long an act waits for a catch-up another thread runs (the first, over a large store, reads it all). */
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** One catch-up's fold: the events read, then the writes of what they added. */
    interface Fold {

        void accept(TrackedEventMessage<?> event);

        /** The writes of what the events read added (upserts that add nothing twice); none when nothing was added. */
        List<? extends WriteModel<Document>> writes();
    }

    final MongoCollection<Document> index;
    private final EventStore events;
    private final String name;
    private final Supplier<RegistryProblem> notReady;
    /**
     * What the fold reads, numbered: an index whose position was written by an earlier fold (a release that read fewer events into it) is
     * read again from the start, once, by the next catch-up; its writes add nothing twice, so what it had stays. 1 for an index that never
     * changed its fold (the position of such an index names none).
     */
    private final int foldVersion;
    private final ReentrantLock catchingUp = new ReentrantLock();
    private RepeatedTask background;

    /**
     * @param name     the index as the log names it
     * @param notReady the refusal of an act that waited {@link #WAIT} for another thread's catch-up (503: retry is safe)
     */
    StoredEventsIndex(MongoCollection<Document> index, EventStore events, String name, Supplier<RegistryProblem> notReady) {
        this(index, events, name, notReady, 1);
    }

    /** @param foldVersion what the fold reads, numbered from 1: raised, the index is read again from the start once */
    StoredEventsIndex(MongoCollection<Document> index, EventStore events, String name, Supplier<RegistryProblem> notReady, int foldVersion) {
        this.index = index;
        this.events = events;
        this.name = name;
        this.notReady = notReady;
        this.foldVersion = foldVersion;
    }

    /** A fold of the events one catch-up reads. */
    abstract Fold fold();

    /**
     * Reads the store from the index's position to its head and writes what it adds; answers how many events were read. One catch-up at a
     * time on a node; another waits for it and then reads what is left.
     */
    long catchUp() {
        catchingUp.lock();
        try {
            return readToTheHead();
        } finally {
            catchingUp.unlock();
        }
    }

    /** Catches up before an act is judged on the index; refused ({@code notReady}) after waiting a minute for another catch-up. */
    void catchUpOrRefuse() {
        try {
            if (catchingUp.tryLock(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                try {
                    readToTheHead();
                    return;
                } finally {
                    catchingUp.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw notReady.get();
    }

    private long readToTheHead() {
        long started = System.nanoTime();
        long from = position();
        long through = from;
        long read = 0;
        Fold fold = fold();
        TrackingToken after = from == 0 ? null : new GlobalSequenceTrackingToken(from);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(after)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                read++;
                through = event.trackingToken().position().orElse(through);
                fold.accept(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store for the " + name, e);
        }
        List<? extends WriteModel<Document>> writes = fold.writes();
        if (!writes.isEmpty()) {
            index.bulkWrite(writes);
        }
        if (through > from) {
            // after the fold's writes: a stop in between reads the events again, and the writes add nothing twice
            index.updateOne(Filters.eq("_id", THROUGH), Updates.combine(Updates.max("position", through), Updates.max("fold", foldVersion)),
                    new UpdateOptions().upsert(true));
        }
        if (read > 1_000) {
            log.info("{}: read {} events to position {}, {} documents updated, in {} ms", name, read, through, writes.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return read;
    }

    /** The position of the last stored event the index has read; 0 before the first, or when an earlier fold read them (to read again). */
    long position() {
        Document through = index.find(Filters.eq("_id", THROUGH)).first();
        if (through == null || ((Number) through.get("fold", 1)).intValue() < foldVersion) {
            return 0;
        }
        return ((Number) through.get("position")).longValue();
    }

    // ------------------------------------------------------------------ the background catch-up

    @Override
    public synchronized void start() {
        background = RepeatedTask.start(name, Duration.ZERO, Duration.ofSeconds(CATCH_UP_SECONDS), this::catchUp, log,
                "Catch-up of the " + name);
    }

    @Override
    public synchronized void stop() {
        if (background != null) {
            background.close();
            background = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return background != null;
    }

    @Override
    public int getPhase() {
        // with the start-up backfills (StoreBackfills), after Axon has started the event store
        return Integer.MAX_VALUE - 200;
    }
}
