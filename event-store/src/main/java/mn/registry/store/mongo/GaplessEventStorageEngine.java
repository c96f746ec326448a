package mn.registry.store.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.log.TakesEffectWhenStored;
import mn.registry.store.SealingKey;
import mn.registry.store.StreamChangedException;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.AbstractEventEntry;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static mn.registry.store.mongo.CommitDocuments.*;

/**
 * Axon {@code EventStorageEngine} on the MongoDB sync driver with gapless global positions (see
 * docs/adr/0001-event-store.md, 0024-insert-as-reservation.md). Each {@code appendEvents} call is ONE document
 * inserted with one {@code insertOne} right after the end of the chain: the insert itself reserves the positions
 * (unique {@code _id}), no counter is asked; a writer that finds its position taken learns the end from there and
 * inserts after it. Readers walk the chain of commits; a hole (only left by ADR 0001's earlier reservations) is
 * tombstoned after the hole timeout. Every event is sealed (Ed25519 over its canonical envelope, chained
 * per aggregate by the previous event's hash).
 */
public class GaplessEventStorageEngine extends AbstractEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(GaplessEventStorageEngine.class);
    private static final int PREV_HASH_CACHE_SIZE = 10_000;
    /** Positions between two raises of the start hint in {@code counters} (ADR 0024). */
    static final long COUNTER_STRIDE = 256;

    /** Called after choosing the first position and before inserting the commit; lets tests stall or fail a writer there. */
    interface ReservationHook {
        void reserved(long firstPosition, int count);
    }

    private final MongoDatabase database;
    private final MongoCollection<Document> events;
    /** {@link #events} for inserting commits already encoded (the driver copies the bytes). */
    private final MongoCollection<RawBsonDocument> encodedEvents;
    private final org.bson.codecs.Encoder<Document> documentCodec;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final SealingKey sealingKey;
    private final Duration holeTimeout;
    private final long pollIntervalMillis;
    private final int batchSize;
    private final ReservationHook reservationHook;
    /** See {@link Builder#durabilityMark}. */
    private final java.util.function.LongSupplier durabilityMark;
    /** The registry's clock: the time at which a commit taking effect when stored has its position fixed (ADR 0061 item 9). */
    private final java.time.Clock clock;
    private final ThreadLocal<long[]> lastDurabilityMark = ThreadLocal.withInitial(() -> new long[]{-1});
    /**
     * One insert at a time per engine (ADR 0024): a commit is inserted right after the end of the chain this engine
     * knows, so a document never starts anywhere but right after the end of another; sealing happens before, in parallel.
     */
    private final ReentrantLock appendLock = new ReentrantLock();
    /** The last position of the chain as this engine knows it, -1 when it must be learned (guarded by appendLock). */
    private long end = -1;
    /** Sealed commits waiting for {@link #appendLock}; the writer holding it inserts them together. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Pending> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Writers whose commit is queued wait here for its answer or for {@link #appendLock} to be free ({@link #insertOrAwait}). */
    private final Object turn = new Object();
    /** Commits inserted in one round trip at most. */
    static final int MAX_GROUP = 64;
    /** The start hint last written to or read from {@code counters} (guarded by appendLock). */
    private long counterWritten;
    /**
     * A lower bound of the end of the chain for readers at the head (ADR 0019, 0024): the highest position this engine
     * stored or found stored. The end only grows, so a reader that trusts a lower bound can only think it is at the head
     * too early and look again later; it never passes a position. This engine's commits raise it at once; other nodes'
     * commits are looked for at most once per {@link #knownReservedFreshNanos}.
     */
    private final java.util.concurrent.atomic.AtomicLong knownReserved = new java.util.concurrent.atomic.AtomicLong();
    /**
     * ADR 0061 item 12: the latest receipt (epoch ms, {@link CommandCommits#RECEIVED}) of the commits this engine stored or found
     * stored, raised before {@link #knownReserved} is: every commit up to a position this engine knows is stored had its receipt
     * looked at, by whichever node's clock it was timed (those below the start hint by the receipt kept beside it, ADR 0061 item 13).
     */
    private final java.util.concurrent.atomic.AtomicLong latestReceipt = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);
    private volatile long knownReservedReadAt = System.nanoTime() - Long.MAX_VALUE / 2;
    private final long knownReservedFreshNanos;
    private final Map<Long, Long> holesFirstSeen = new ConcurrentHashMap<>();
    private final Map<String, SeqHash> lastHashes = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SeqHash> eldest) {
                    return size() > PREV_HASH_CACHE_SIZE;
                }
            });
    private final ChainReader.Chain chain = new ChainReader.Chain() {
        @Override
        public MongoCollection<Document> events() {
            return events;
        }

        @Override
        public long reservedUpTo() {
            return GaplessEventStorageEngine.this.knownReservedUpTo();
        }

        @Override
        public boolean closeHoleIfExpired(long position, long reservedUpTo) {
            return GaplessEventStorageEngine.this.closeHoleIfExpired(position, reservedUpTo);
        }

        @Override
        public long pollIntervalMillis() {
            return pollIntervalMillis;
        }

        @Override
        public int batchSize() {
            return batchSize;
        }

        @Override
        public boolean isCommitBoundary(long position) {
            for (int i = 0; i < boundaries.length(); i++) {
                if (boundaries.get(i) == position) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void commitBoundary(long position) {
            boundaries.set(Math.floorMod(boundaryCursor.getAndIncrement(), boundaries.length()), position);
        }

        @Override
        public List<StoredEvent> heldCommit(long position) {
            return held.get(position);
        }
    };
    /**
     * The sealed events of this engine's last stored commits, by the commit's first position (ADR 0050): put once the
     * insert that stored the commit returned (the moment a read of the database would first return it), so a reader of
     * this node gets its own events without reading them back (issue 15 target 1: {@code find events [_id]} 0.72 per
     * command). Bounded by {@value #HELD_EVENTS} events; the oldest are dropped first and read from the database as
     * before, as are other nodes' commits, tombstones and holes. Written under appendLock, read by any reader.
     */
    private final Map<Long, List<StoredEvent>> held = new ConcurrentHashMap<>();
    /** The first positions in {@link #held}, oldest first, and how many events they hold (guarded by appendLock). */
    private final java.util.ArrayDeque<Long> heldOrder = new java.util.ArrayDeque<>();
    private int heldEvents;
    static final int HELD_EVENTS = 8_192;
    /**
     * The last positions where readers of this engine saw a commit end: a new reader starting at one of them (the
     * producer after each poll, a processor's own stream) needs no lookup of the commit covering it (issue 15 target
     * 1: one {@code find events [_id]} per poll). A chain boundary never moves: ids are reserved once (ADR 0001).
     */
    private final java.util.concurrent.atomic.AtomicLongArray boundaries = new java.util.concurrent.atomic.AtomicLongArray(64);
    private final java.util.concurrent.atomic.AtomicInteger boundaryCursor = new java.util.concurrent.atomic.AtomicInteger();

    private record SeqHash(long seq, String hash) {
    }

    protected GaplessEventStorageEngine(Builder builder) {
        super(builder);
        this.database = builder.database;
        this.events = database.getCollection(EVENTS);
        this.encodedEvents = events.withDocumentClass(RawBsonDocument.class);
        this.documentCodec = events.getCodecRegistry().get(Document.class);
        this.counters = database.getCollection(COUNTERS);
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.sealingKey = builder.sealingKey;
        this.holeTimeout = builder.holeTimeout;
        this.pollIntervalMillis = builder.pollInterval.toMillis();
        this.batchSize = builder.batchSize;
        this.reservationHook = builder.reservationHook;
        this.durabilityMark = builder.durabilityMark;
        this.clock = builder.clock;
        this.knownReservedFreshNanos = builder.headLookInterval.toNanos();
        ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the unique indexes on {@code events} (heads, tails, event ids); idempotent, run at construction. */
    public void ensureIndexes() {
        CommitDocuments.ensureIndexes(database);
    }

    // ---------------------------------------------------------------- append

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<StoredEvent> sealed;
        try {
            sealed = seal(messages, serializer); // outside the lock: writers of this engine seal in parallel
        } catch (DuplicateInCommitException e) {
            handlePersistenceException(e, messages.get(0));
            return;
        }
        // ADR 0019: only a signed command's own commits, while it runs; taken on this thread, as the group may be inserted by another
        String commandKey = CommandCommits.keyFor(messages);
        // ADR 0061: the precondition of this thread's work (a signed command: its signer's stream unchanged), checked under the lock
        Pending own = new Pending(sealed, commandKey, CommandCommits.receiptFor(messages), StreamUnchanged.current(), documentCodec); // built and encoded here, in parallel
        if (messages.stream().anyMatch(m -> m.getPayload() instanceof TakesEffectWhenStored)) {
            own.sealAgainAt = storedAt -> seal(inForceFrom(messages, storedAt), serializer); // ADR 0061 item 9: under the lock
        }
        waiting.add(own);
        insertOrAwait(own);
        if (own.error != null) {
            throw own.error;
        }
        if (own.failure instanceof MongoException e) {
            handlePersistenceException(e, isDuplicateKey(e) ? conflictingEvent(messages, own.commit) : messages.get(0));
            return;
        }
        if (own.failure != null) {
            throw own.failure;
        }
        CommandCommits.stored(commandKey);
        StreamUnchanged.placed();
        remember(own.sealed);
        lastDurabilityMark.get()[0] = own.durabilityMark;
    }

    /**
     * The durability mark (see {@link Builder#durabilityMark}) taken once the last commit this thread appended was
     * stored, and forgotten; -1 when none was taken. A caller that waits for a durability step started after it waits
     * for one that started after the commit was stored (and after the other commits of its group).
     */
    public long takeDurabilityMark() {
        long[] mark = lastDurabilityMark.get();
        long value = mark[0];
        mark[0] = -1;
        return value;
    }

    /**
     * Leader and followers (session 9): the writer that gets {@link #appendLock} inserts every commit waiting, in groups,
     * until its own is stored or refused; a writer that does not get it waits on {@link #turn} for its own commit to be
     * answered or for the lock to be free, and does not queue on the lock. Before, every writer queued on the lock and
     * took it in turn only to find that its commit had been inserted by the one before: one hand-over of the lock (a
     * park and an unpark, serial) per commit, during which no insert ran (JFR, 8 appenders: 3,657 parks on the lock for
     * 4,000 commits, on average 6 of the 8 appenders parked there).
     */
    private void insertOrAwait(Pending own) {
        boolean interrupted = false;
        while (!own.done) {
            if (appendLock.tryLock()) {
                try {
                    while (!own.done) {
                        List<Pending> group = new ArrayList<>();
                        Pending next;
                        while (group.size() < MAX_GROUP && (next = waiting.poll()) != null) {
                            group.add(next);
                        }
                        insertGroup(group);
                        if (!own.done) {
                            wakeWaiters(); // the commits of this group are answered while the leader goes on
                        }
                    }
                } finally {
                    appendLock.unlock();
                    wakeWaiters(); // the answered ones return; one that is not answered yet becomes the next leader
                }
            } else {
                synchronized (turn) {
                    // the lock is released before turn is notified, so a writer that saw it held is woken afterwards
                    while (!own.done && appendLock.isLocked()) {
                        try {
                            turn.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // as lock() did: the commit is in the queue and must be answered
                        }
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits sealed and waiting for a leader to insert them (for tests that line up a group). */
    int waitingCommits() {
        return waiting.size();
    }

    private void wakeWaiters() {
        synchronized (turn) {
            turn.notifyAll();
        }
    }

    /** A sealed commit waiting for the append lock, and what became of it (set under the lock). */
    private static final class Pending {
        /** The sealed events: sealed again under the lock for a commit taking effect when stored ({@link #sealAgainAt}). */
        List<StoredEvent> sealed;
        /** ADR 0061 item 9: seals this commit's events again, in force from the given time; null for a commit that takes effect when received. */
        java.util.function.Function<Instant, List<StoredEvent>> sealAgainAt;
        final String commandKey;
        /** ADR 0061 item 12: the registry's time of receipt of the signed command whose run made this commit, or null. */
        final Instant receivedAt;
        /** ADR 0061: the stream that must not have moved before this commit, or null. */
        final StreamUnchanged precondition;
        /** The position up to which {@link #precondition} is known to hold (guarded by appendLock). */
        long checkedUpTo;
        /** The commit document; its {@code _id} is set to the position chosen under the lock. */
        Document commit;
        /** {@link #commit} encoded to BSON outside the lock, {@code _id} first (ADR 0024). */
        private byte[] encoded;
        long lastPosition;
        /** The durability mark taken right after the insert that stored this commit returned (-1: none). */
        long durabilityMark = -1;
        /** Set under the append lock after the outcome below; read by the waiting writer without it. */
        volatile boolean done;
        RuntimeException failure;
        Error error;

        Pending(List<StoredEvent> sealed, String commandKey, Instant receivedAt, StreamUnchanged precondition,
                org.bson.codecs.Encoder<Document> codec) {
            this.sealed = sealed;
            this.commandKey = commandKey;
            this.receivedAt = receivedAt;
            this.precondition = precondition;
            this.checkedUpTo = precondition == null ? Long.MAX_VALUE : precondition.checkedUpTo();
            encode(codec);
        }

        private void encode(org.bson.codecs.Encoder<Document> codec) {
            this.commit = CommitDocuments.commit(0L, sealed);
            if (commandKey != null) {
                commit.append(CommandCommits.FIELD, commandKey);
            }
            if (receivedAt != null) {
                commit.append(CommandCommits.RECEIVED, receivedAt.toEpochMilli());
            }
            this.encoded = CommitDocuments.encode(commit, codec);
        }

        /**
         * ADR 0061 item 9: a commit taking effect when stored is sealed and encoded again, in force from {@code storedAt}'s time, each time its
         * position is fixed (under the lock, every position before it stored); any other commit is left as sealed outside the lock.
         */
        void inForceFrom(java.util.function.Supplier<Instant> storedAt, org.bson.codecs.Encoder<Document> codec) {
            if (sealAgainAt != null) {
                sealed = sealAgainAt.apply(storedAt.get());
                encode(codec);
            }
        }

        /** The commit at {@code position}, as bytes for the insert (the encoding done outside the lock, its id replaced). */
        RawBsonDocument at(long position) {
            commit.put(CommitDocuments.ID, position);
            return CommitDocuments.withId(encoded, position);
        }

        void fail(Throwable t) {
            if (t instanceof Error e) {
                error = e;
            } else {
                failure = (RuntimeException) t;
            }
            done = true;
        }
    }

    /**
     * Inserts the waiting commits one after the other right after the end of the chain, in one round trip (an ordered
     * {@code insertMany} stops at the first refusal, so the commits before it are stored and gapless, ADR 0024). A
     * position another writer took first: learn the end from there and try again after it. A refused commit (an
     * aggregate conflict) fails alone; the ones after it are tried again. Guarded by appendLock.
     */
    private void insertGroup(List<Pending> group) {
        List<Pending> todo = new ArrayList<>(group);
        try {
            long known = end >= 0 ? end : startingEnd();
            while (!todo.isEmpty()) {
                long chainEnd = Math.max(known, knownReserved.get());
                long nextPosition = chainEnd + 1;
                List<Pending> tried = new ArrayList<>(todo.size());
                List<RawBsonDocument> docs = new ArrayList<>(todo.size());
                for (Pending p : todo) {
                    if (streamMoved(p, chainEnd, tried)) {
                        p.fail(new StreamChangedException(p.precondition.aggregateId(), p.precondition.lastSequence()));
                        continue; // not inserted: it takes no position, the commits after it close up
                    }
                    try {
                        p.inForceFrom(() -> storedAt(tried), documentCodec); // once every position before this one is stored
                        reservationHook.reserved(nextPosition, p.sealed.size());
                    } catch (RuntimeException | Error e) {
                        p.fail(e);
                        continue;
                    }
                    docs.add(p.at(nextPosition));
                    p.lastPosition = nextPosition + p.sealed.size() - 1;
                    tried.add(p);
                    nextPosition += p.sealed.size();
                }
                todo.clear();
                if (tried.isEmpty()) {
                    return;
                }
                int stored;
                MongoException failure = null;
                try {
                    if (docs.size() == 1) {
                        encodedEvents.insertOne(docs.get(0));
                    } else {
                        encodedEvents.insertMany(docs, new InsertManyOptions().ordered(true));
                    }
                    stored = docs.size();
                } catch (MongoBulkWriteException e) {
                    stored = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
                    failure = e;
                } catch (MongoException e) {
                    stored = 0;
                    failure = e;
                }
                for (int i = 0; i < stored; i++) {
                    succeed(tried.get(i));
                }
                if (stored > 0) {
                    known = tried.get(stored - 1).lastPosition;
                }
                if (failure == null) {
                    return;
                }
                Pending refused = tried.get(stored);
                List<Pending> after = tried.subList(stored + 1, tried.size());
                Document atPosition = documentAtQuietly(CommitDocuments.id(refused.commit));
                if (atPosition != null && refused.sealed.get(0).eventId().equals(firstEventId(atPosition))) {
                    succeed(refused); // the insert landed although the call failed (e.g. a retried write)
                    known = refused.lastPosition;
                    todo.addAll(after);
                } else if (atPosition != null) {
                    // another writer (another node) took the position first: learn the end from there, try again after it
                    receiptFound(atPosition);
                    known = walkToEnd(CommitDocuments.id(atPosition) + CommitDocuments.count(atPosition) - 1);
                    end = known;
                    todo.add(refused);
                    todo.addAll(after);
                } else if (isDuplicateKey(failure)) {
                    refused.fail(failure); // an aggregate or event id conflict: this commit alone is refused
                    todo.addAll(after);
                } else {
                    // the outcome of the rest is unknown (not a refusal): ask for each, fail the rest; learn the end again
                    end = -1;
                    for (Pending p : tried.subList(stored, tried.size())) {
                        Document at = documentAtQuietly(CommitDocuments.id(p.commit));
                        if (at != null && p.sealed.get(0).eventId().equals(firstEventId(at))) {
                            succeed(p);
                        } else {
                            p.fail(failure);
                        }
                    }
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            end = -1;
            for (Pending p : group) {
                if (!p.done) {
                    p.fail(e);
                }
            }
        }
    }

    /**
     * ADR 0061: whether the stream {@code p}'s precondition names has an event after the sequence number read, at a position
     * before the one {@code p} is about to take: in the commits of its own group inserted before it ({@code before}), or up to
     * {@code chainEnd} (every position of which was stored before now). This engine's own commits there are looked at in memory
     * ({@link #held}); the first position it did not store (another node's commit, a tombstone, a commit no longer held) costs one
     * look-up of the stream's next key instead, which covers every position up to {@code chainEnd}. Guarded by appendLock.
     */
    private boolean streamMoved(Pending p, long chainEnd, List<Pending> before) {
        StreamUnchanged precondition = p.precondition;
        if (precondition == null) {
            return false;
        }
        for (Pending earlier : before) {
            if (precondition.movedBy(earlier.sealed)) {
                return true;
            }
        }
        long position = p.checkedUpTo + 1;
        while (position <= chainEnd) {
            List<StoredEvent> own = held.get(position);
            if (own == null) {
                boolean moved = events.find(Filters.eq(HEADS, precondition.nextKey())).projection(Projections.include(ID)).first() != null;
                p.checkedUpTo = moved ? p.checkedUpTo : chainEnd;
                return moved;
            }
            if (precondition.movedBy(own)) {
                return true;
            }
            position += own.size();
        }
        p.checkedUpTo = Math.max(p.checkedUpTo, chainEnd);
        return false;
    }

    /**
     * ADR 0061 items 9 and 12: the time from which a commit taking effect when stored, about to be inserted after every commit this
     * engine knows is stored and after {@code before} (its group's commits ahead of it), is in force: the registry's clock now, or the
     * millisecond after the latest receipt of those commits if that is later (an act received on a node whose clock runs ahead, or
     * before this clock was set back). Guarded by appendLock.
     */
    private Instant storedAt(List<Pending> before) {
        long latest = latestReceipt.get();
        for (Pending earlier : before) {
            latest = Math.max(latest, receiptOf(earlier));
        }
        Instant now = clock.instant();
        return latest == Long.MIN_VALUE || now.toEpochMilli() > latest ? now : Instant.ofEpochMilli(latest + 1);
    }

    private static long receiptOf(Pending p) {
        return p.receivedAt == null ? Long.MIN_VALUE : p.receivedAt.toEpochMilli();
    }

    /** ADR 0061 item 12: a stored commit's receipt (none: nothing) counts for the ends stored after it; item 13: so does the start hint's. */
    private void receiptFound(Document commit) {
        Number received = commit.get(CommandCommits.RECEIVED, Number.class);
        if (received != null) {
            latestReceipt.accumulateAndGet(received.longValue(), Math::max);
        }
    }

    private void succeed(Pending p) {
        latestReceipt.accumulateAndGet(receiptOf(p), Math::max); // before landed() raises knownReserved past it
        hold(p.lastPosition - p.sealed.size() + 1, p.sealed);
        p.durabilityMark = durabilityMark.getAsLong();
        landed(p.lastPosition);
        p.done = true;
    }

    /** Keeps a stored commit's events for this engine's readers (guarded by appendLock), dropping the oldest beyond the bound. */
    private void hold(long firstPosition, List<StoredEvent> sealed) {
        if (held.putIfAbsent(firstPosition, List.copyOf(sealed)) != null) {
            return;
        }
        heldOrder.addLast(firstPosition);
        heldEvents += sealed.size();
        while (heldEvents > HELD_EVENTS && heldOrder.size() > 1) {
            List<StoredEvent> dropped = held.remove(heldOrder.pollFirst());
            heldEvents -= dropped == null ? 0 : dropped.size();
        }
    }

    /** Our commit is stored and ends at {@code lastPosition} (guarded by appendLock). */
    private void landed(long lastPosition) {
        end = lastPosition;
        knownReserved.accumulateAndGet(lastPosition, Math::max);
        if (lastPosition >= counterWritten + COUNTER_STRIDE) {
            raiseCounter(lastPosition);
        }
    }

    /**
     * The first event of the aggregate whose stream key already exists, so that Axon reports a creation conflict
     * or a concurrency conflict for the aggregate that actually collided; the first event when none is found.
     */
    private EventMessage<?> conflictingEvent(List<? extends EventMessage<?>> messages, Document commit) {
        List<String> heads = commit.getList(HEADS, String.class);
        Set<String> taken = new HashSet<>();
        for (Document d : events.find(Filters.in(HEADS, heads))) {
            taken.addAll(d.getList(HEADS, String.class));
        }
        for (EventMessage<?> m : messages) {
            if (m instanceof DomainEventMessage<?> dm
                    && taken.contains(streamKey(dm.getSequenceNumber(), dm.getAggregateIdentifier()))) {
                return m;
            }
        }
        return messages.get(0);
    }

    private Document documentAtQuietly(long position) {
        try {
            return events.find(Filters.eq(ID, position)).projection(Projections.include(EVENT_IDS, COUNT, CommandCommits.RECEIVED)).first();
        } catch (MongoException e) {
            return null;
        }
    }

    private static String firstEventId(Document commit) {
        List<String> ids = commit.getList(EVENT_IDS, String.class, List.of());
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * Where this engine starts appending: from the start hint in {@code counters} (the highest position of the chain
     * that some engine wrote there, at most {@value #COUNTER_STRIDE} positions behind; under ADR 0001's design the
     * highest reserved position) and what its readers know, walked forward to the end. Guarded by appendLock.
     */
    private long startingEnd() {
        long hint = Math.max(readOrCreateCounter(), knownReserved.get());
        counterWritten = Math.max(counterWritten, hint);
        long found = walkToEnd(hint);
        knownReserved.accumulateAndGet(found, Math::max);
        return found;
    }

    /**
     * The end of the chain from {@code from}, the last position of a stored document (or 0, or a start hint): looks at
     * the ids after it by {@code $in} (index lookups on both servers), 16 and growing fourfold to 1,000 while documents
     * are found, and returns the highest position any document found covers. Documents only ever start right after
     * the end of another (ADR 0024), so the first id after an end exists whenever anything was stored beyond it.
     */
    private long walkToEnd(long from) {
        long at = from;
        int window = 16;
        while (true) {
            List<Long> ids = new ArrayList<>(window);
            for (long p = at + 1; p <= at + window; p++) {
                ids.add(p);
            }
            long highest = at;
            for (Document d : events.find(Filters.in(ID, ids)).projection(Projections.include(ID, COUNT, CommandCommits.RECEIVED))) {
                receiptFound(d); // ADR 0061 item 12: the head look reads the receipts of the commits it finds
                highest = Math.max(highest, CommitDocuments.id(d) + CommitDocuments.count(d) - 1);
            }
            if (highest == at) {
                return at;
            }
            at = highest;
            window = Math.min(window * 4, 1000);
        }
    }

    /**
     * Raises the start hint to {@code position} if it is lower (a conditional update, atomic on both servers); once
     * every {@value #COUNTER_STRIDE} positions, so that a new engine's walk to the end stays short. Best effort: a
     * failure only makes a later start walk further. ADR 0061 item 13: the latest receipt this engine knows goes with it (it covers
     * every commit up to {@code position}, which this engine stored or found, and those below its own start hint by the receipt it read
     * there), so that an engine starting from the hint knows the receipts below it without reading their commits.
     */
    private void raiseCounter(long position) {
        try {
            long receipt = latestReceipt.get();
            counters.updateOne(Filters.and(Filters.eq(ID, POSITION_COUNTER), Filters.lt(NEXT, position)), receipt == Long.MIN_VALUE
                    ? Updates.set(NEXT, position) : Updates.combine(Updates.set(NEXT, position), Updates.max(CommandCommits.RECEIVED, receipt)));
            counterWritten = position;
        } catch (MongoException e) {
            log.debug("could not raise the position hint to {}", position, e);
        }
    }

    private long readOrCreateCounter() {
        Document counter = counters.find(Filters.eq(ID, POSITION_COUNTER)).first();
        if (counter != null) {
            receiptFound(counter); // ADR 0061 item 13: the receipts of the commits below the hint, which this engine does not walk
            return counter.get(NEXT, Number.class).longValue();
        }
        try {
            counters.insertOne(new Document(ID, POSITION_COUNTER).append(NEXT, 0L));
        } catch (MongoException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
        return readOrCreateCounter();
    }

    /**
     * The end of the chain, looked up now: from what this engine knows (or the start hint), walked forward. Every
     * position up to it is stored, or a hole left under ADR 0001's reservations that readers tombstone.
     */
    long reservedUpTo() {
        long from = knownReserved.get();
        if (from == 0) {
            Document counter = counters.find(Filters.eq(ID, POSITION_COUNTER)).first();
            if (counter != null) {
                receiptFound(counter); // ADR 0061 item 13, as at the start of appending
            }
            from = counter == null ? 0 : counter.get(NEXT, Number.class).longValue();
        }
        long found = walkToEnd(from);
        return knownReserved.accumulateAndGet(found, Math::max);
    }

    /**
     * For readers at the head: a lower bound of the end of the chain, looked up at most once per head look interval
     * (shared by every reader of this engine: one {@code $in} of the next ids when nothing is new) and raised at once by
     * this engine's own commits (ADR 0019, 0024). ADR 0059: once per poll interval (20 ms), the look was 0.6 of a round
     * trip per command at 90 commands/s, each woken by this engine's own commit, which the look never needed.
     */
    long knownReservedUpTo() {
        long now = System.nanoTime();
        if (now - knownReservedReadAt >= knownReservedFreshNanos) {
            knownReservedReadAt = now;
            return reservedUpTo();
        }
        return knownReserved.get();
    }

    /** ADR 0061 item 9: the messages whose payload takes effect when stored, in force from {@code storedAt}; the others as they are. */
    private static List<EventMessage<?>> inForceFrom(List<? extends EventMessage<?>> messages, Instant storedAt) {
        List<EventMessage<?>> stamped = new ArrayList<>(messages.size());
        for (EventMessage<?> m : messages) {
            if (m.getPayload() instanceof TakesEffectWhenStored end && m instanceof DomainEventMessage<?> dm) {
                stamped.add(new GenericDomainEventMessage<>(dm.getType(), dm.getAggregateIdentifier(), dm.getSequenceNumber(),
                        end.inForceFrom(storedAt), dm.getMetaData(), dm.getIdentifier(), dm.getTimestamp()));
            } else {
                stamped.add(m);
            }
        }
        return stamped;
    }

    private List<StoredEvent> seal(List<? extends EventMessage<?>> messages, Serializer serializer) {
        List<StoredEvent> sealed = new ArrayList<>(messages.size());
        Set<String> eventIds = new HashSet<>();
        Map<String, SeqHash> inCommit = new HashMap<>();
        for (EventMessage<?> message : messages) {
            if (!eventIds.add(message.getIdentifier())) {
                throw new DuplicateInCommitException("event " + message.getIdentifier() + " appears twice in one commit");
            }
            boolean domain = message instanceof DomainEventMessage<?>;
            String aggregateId;
            String aggregateType;
            long seq;
            if (domain) {
                DomainEventMessage<?> dm = (DomainEventMessage<?>) message;
                aggregateId = dm.getAggregateIdentifier();
                aggregateType = dm.getType();
                seq = dm.getSequenceNumber();
            } else {
                aggregateId = StoredEvent.GENERIC_PREFIX + message.getIdentifier();
                aggregateType = null;
                seq = 0;
            }
            SeqHash before = inCommit.get(aggregateId);
            if (before != null && seq <= before.seq()) {
                throw new DuplicateInCommitException("aggregate " + aggregateId + " seq " + seq + " appears twice in one commit");
            }
            String prevHash = before != null && before.seq() == seq - 1 ? before.hash() : previousHash(aggregateId, seq);
            StoredEvent event = sealOne(message, serializer, domain, aggregateType, aggregateId, seq, prevHash, sealingKey);
            inCommit.put(aggregateId, new SeqHash(seq, event.hash()));
            sealed.add(event);
        }
        return sealed;
    }

    private static StoredEvent sealOne(EventMessage<?> message, Serializer serializer, boolean domain, String aggregateType,
                                       String aggregateId, long seq, String prevHash, SealingKey key) {
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        return StoredEvent.seal(message.getIdentifier(), domain, aggregateType, aggregateId, seq,
                message.getTimestamp().toString(), payload.getType().getName(), payload.getType().getRevision(),
                payload.getData(), metaData.getData(), prevHash, key);
    }

    /**
     * The engine's own work for a one-event commit without the server, for {@code EventStoreBenchmark}: serializing the
     * payload and metadata, sealing (canonical JSON, SHA-256, Ed25519 over the envelope and over the field commitment of
     * ADR 0015) and building the commit document at {@code position} (prevHash as given, no lookup).
     */
    public static Document sealedCommit(long position, DomainEventMessage<?> message, String prevHash, Serializer serializer,
                                        SealingKey key) {
        StoredEvent event = sealOne(message, serializer, true, message.getType(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), prevHash, key);
        return CommitDocuments.commit(position, List.of(event));
    }

    /** The hash of event {@code seq - 1} of the aggregate: from the cache, else by its unique tail key; null for seq 0. */
    private String previousHash(String aggregateId, long seq) {
        if (seq == 0) {
            return null;
        }
        SeqHash cached = lastHashes.get(aggregateId);
        if (cached != null && cached.seq() == seq - 1) {
            return cached.hash();
        }
        Document commit = events.find(Filters.eq(TAILS, streamKey(seq - 1, aggregateId))).first();
        if (commit == null) {
            return null;
        }
        for (StoredEvent e : CommitDocuments.events(commit)) {
            if (e.aggregateId().equals(aggregateId) && e.seq() == seq - 1) {
                return e.hash();
            }
        }
        return null;
    }

    private void remember(List<StoredEvent> sealed) {
        for (StoredEvent e : sealed) {
            lastHashes.merge(e.aggregateId(), new SeqHash(e.seq(), e.hash()),
                    (old, now) -> now.seq() >= old.seq() ? now : old);
        }
    }

    // ---------------------------------------------------------------- holes

    private boolean closeHoleIfExpired(long position, long reservedUpTo) {
        long now = System.nanoTime();
        long firstSeen = holesFirstSeen.computeIfAbsent(position, p -> now);
        if (now - firstSeen < holeTimeout.toNanos()) {
            return false;
        }
        Document next = events.find(Filters.gt(ID, position)).sort(Sorts.ascending(ID)).limit(1).first();
        long end = next != null ? CommitDocuments.id(next) : Math.max(reservedUpTo, reservedUpTo()) + 1;
        int inserted = CommitDocuments.insertTombstones(events, position, end);
        log.warn("closed a hole open for {} ms: tombstoned {} of positions {}..{}",
                Duration.ofNanos(now - firstSeen).toMillis(), inserted, position, end - 1);
        holesFirstSeen.keySet().removeIf(p -> p < end);
        return true;
    }

    // ---------------------------------------------------------------- read

    /** Public events of the latest few thousand read, until the log's sequencer takes them (ADR 0004). */
    private final SealedHandOver handOver = new SealedHandOver(4096);

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return chainFrom(positionOf(trackingToken), mayBlock).map(this::toTrackedData);
    }

    private Stream<ChainReader.ChainEvent> chainFrom(long afterPosition, boolean mayBlock) {
        ChainReader reader = new ChainReader(chain, afterPosition, mayBlock);
        return StreamSupport.stream(reader, false).onClose(reader::close);
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof GlobalSequenceTrackingToken g) {
            return g.getGlobalIndex();
        }
        throw new IllegalArgumentException("this engine reads by GlobalSequenceTrackingToken, not " + token.getClass().getName());
    }

    /** The sealed events this engine's readers decoded, for a consumer that needs the seal and the stored strings (the log). */
    public SealedHandOver handOver() {
        return handOver;
    }

    private TrackedEventData<String> toTrackedData(ChainReader.ChainEvent ce) {
        StoredEvent e = ce.event();
        handOver.offer(ce.position(), e);
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(ce.position());
        if (e.domain()) {
            return new TrackedDomainEventData<>(token, toDomainData(e));
        }
        return new TrackedGenericEventData(token, e);
    }

    private static DomainEventData<String> toDomainData(StoredEvent e) {
        return new StoredDomainEventData(e);
    }

    /**
     * A stored domain event as Axon's event data, its time parsed once ({@link StoredTimestamps}): Axon's entry keeps
     * the stored string and would parse it again each time the message is asked its time (ADR 0030).
     */
    private static final class StoredDomainEventData extends GenericDomainEventEntry<String> {
        private final Instant timestamp;

        StoredDomainEventData(StoredEvent e) {
            super(e.aggregateType(), e.aggregateId(), e.seq(), e.eventId(), e.timestamp(), e.payloadType(), e.payloadRevision(),
                    e.payload(), e.metaData());
            this.timestamp = StoredTimestamps.parse(e.timestamp());
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    /** A stored event that belongs to no aggregate, as Axon's tracked event data (its time parsed once, as above). */
    private static final class TrackedGenericEventData extends AbstractEventEntry<String> implements TrackedEventData<String> {
        private final TrackingToken token;
        private final Instant timestamp;

        TrackedGenericEventData(TrackingToken token, StoredEvent e) {
            super(e.eventId(), e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
            this.token = token;
            this.timestamp = StoredTimestamps.parse(e.timestamp());
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public TrackingToken trackingToken() {
            return token;
        }
    }

    /**
     * The aggregate's events from {@code firstSequenceNumber}, each with its global position (ADR 0071 item 10): Axon makes a tracked domain
     * message of each ({@code GenericTrackedDomainEventMessage}), so that a page's look knows the position of the last event it folded.
     * The position is the commit's {@code _id} plus the event's index in it, as the chain reader numbers events.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventData<?>> result = new ArrayList<>();
        Document commit = commitHolding(aggregateIdentifier, firstSequenceNumber);
        while (commit != null) {
            long last = -1;
            List<StoredEvent> stored = CommitDocuments.events(commit);
            for (int i = 0; i < stored.size(); i++) {
                StoredEvent e = stored.get(i);
                if (e.domain() && e.aggregateId().equals(aggregateIdentifier)) {
                    last = Math.max(last, e.seq());
                    if (e.seq() >= firstSequenceNumber) {
                        result.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(CommitDocuments.id(commit) + i), toDomainData(e)));
                    }
                }
            }
            if (last < 0) {
                break;
            }
            commit = events.find(Filters.eq(HEADS, streamKey(last + 1, aggregateIdentifier))).first();
        }
        return result.stream();
    }

    /**
     * The commit holding event {@code seq} of the aggregate, found by its head key (looking back 64 seqs, then from 0); none when the stream
     * ends before {@code seq}. ADR 0069 item 10 (abuse audit F485, was O326): the load right after a snapshot taken at the stream's last
     * event asks for the event after it; a commit holding {@code seq - 1} and not {@code seq} says the stream ends there (a later event
     * would have its own head key), so the stream is not walked from 0 to find nothing.
     */
    private Document commitHolding(String aggregateId, long seq) {
        Document exact = events.find(Filters.eq(HEADS, streamKey(seq, aggregateId))).first();
        if (exact != null || seq == 0) {
            return exact;
        }
        List<String> keys = new ArrayList<>();
        for (long s = seq - 1; s >= 0 && s > seq - 64; s--) {
            keys.add(streamKey(s, aggregateId));
        }
        boolean previousStored = false;
        for (Document d : events.find(Filters.in(HEADS, keys))) {
            for (StoredEvent e : CommitDocuments.events(d)) {
                if (e.aggregateId().equals(aggregateId) && e.seq() == seq) {
                    return d;
                }
                previousStored |= e.aggregateId().equals(aggregateId) && e.seq() == seq - 1;
            }
        }
        return previousStored ? null : events.find(Filters.eq(HEADS, streamKey(0, aggregateId))).first();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        SeqHash cached = lastHashes.get(aggregateIdentifier);
        long seq = cached == null ? -1 : cached.seq();
        Document commit;
        while ((commit = events.find(Filters.eq(HEADS, streamKey(seq + 1, aggregateIdentifier))).first()) != null) {
            for (StoredEvent e : CommitDocuments.events(commit)) {
                if (e.aggregateId().equals(aggregateIdentifier)) {
                    seq = Math.max(seq, e.seq());
                }
            }
        }
        return seq < 0 ? Optional.empty() : Optional.of(seq);
    }

    /**
     * ADR 0071: the global position of the aggregate's last event, empty when it has none: the last sequence number as
     * {@link #lastSequenceNumberFor} finds it, then the commit holding it by its unique key (one more indexed find). A page waits
     * for the projections it reads to pass it before it reads them.
     */
    public java.util.OptionalLong lastPositionFor(String aggregateIdentifier) {
        Optional<Long> last = lastSequenceNumberFor(aggregateIdentifier);
        if (last.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        Document commit = events.find(Filters.eq(HEADS, streamKey(last.get(), aggregateIdentifier))).first();
        List<StoredEvent> stored = commit == null ? List.of() : CommitDocuments.events(commit);
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).aggregateId().equals(aggregateIdentifier) && stored.get(i).seq() == last.get()) {
                return java.util.OptionalLong.of(commit.get(CommitDocuments.ID, Number.class).longValue() + i);
            }
        }
        return java.util.OptionalLong.empty();
    }

    /**
     * ADR 0035 item 91 (abuse audit O257): which of {@code aggregateIds} have a stream, a stored first event: one find, the {@code $in} of
     * their first events' head keys on the unique heads index (an index lookup on both servers, as the reader's), projected to the keys.
     * Beside Axon's interface, which asks one stream at a time.
     */
    public Set<String> streamsBegun(java.util.Collection<String> aggregateIds) {
        Map<String, String> idOfFirstKey = new HashMap<>();
        aggregateIds.forEach(id -> idOfFirstKey.put(streamKey(0, id), id));
        Set<String> begun = new HashSet<>();
        if (idOfFirstKey.isEmpty()) {
            return begun;
        }
        for (Document d : events.find(Filters.in(HEADS, idOfFirstKey.keySet())).projection(Projections.include(HEADS))) {
            d.getList(HEADS, String.class).stream().map(idOfFirstKey::get).filter(java.util.Objects::nonNull).forEach(begun::add);
        }
        return begun;
    }

    /**
     * ADR 0061 item 68 (abuse audit F534, was O417): the ids of the streams whose id begins with {@code prefix} (e.g. {@code person-}), in
     * the order of their ids: one find of the first events' head keys ({@code 0:<id>}) by an anchored prefix on the unique heads index,
     * projected to the keys. For a staff list over a kind of stream; the events themselves are read per stream.
     */
    public java.util.SortedSet<String> streamsBegunWith(String prefix) {
        String first = streamKey(0, prefix);
        java.util.SortedSet<String> begun = new java.util.TreeSet<>();
        for (Document d : events.find(Filters.regex(HEADS, "^" + java.util.regex.Pattern.quote(first))).projection(Projections.include(HEADS))) {
            d.getList(HEADS, String.class).stream().filter(key -> key.startsWith(first)).map(key -> key.substring(2)).forEach(begun::add);
        }
        return begun;
    }

    // ---------------------------------------------------------------- tokens

    /** Before position 1: a processor starting here reads everything. */
    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(0);
    }

    /** The highest reserved position: appends still in flight when it is taken count as before the head. */
    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(reservedUpTo());
    }

    /**
     * A position at or after every commit this engine has stored, with no lookup once it has stored one (ADR 0028): its
     * own commits raise it before their append returns, and it never passes the stored end. Enough for read-your-writes
     * of a command carried out here; {@link #createHeadToken} when this engine has stored nothing yet.
     */
    public long positionAfterOwnCommits() {
        long known = knownReserved.get();
        return known > 0 ? known : reservedUpTo();
    }

    /**
     * ADR 0061: a position every commit at or below which is stored and visible to a read that starts after this call, with no
     * look-up (the highest this engine stored or found stored). Taken before a stream's head is read, it is the
     * {@link StreamUnchanged#checkedUpTo} of a precondition on what that read found.
     */
    public long storedUpTo() {
        return knownReserved.get();
    }

    /** Just before the first event (in global order) whose timestamp is at or after {@code dateTime}; the head if none. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        try (Stream<ChainReader.ChainEvent> chainEvents = chainFrom(0, false)) {
            return chainEvents.filter(ce -> !StoredTimestamps.parse(ce.event().timestamp()).isBefore(dateTime))
                    .findFirst()
                    .<TrackingToken>map(ce -> new GlobalSequenceTrackingToken(ce.position() - 1))
                    .orElseGet(this::createHeadToken);
        }
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document doc = new Document(ID, snapshot.getAggregateIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("seq", snapshot.getSequenceNumber())
                .append("eventId", snapshot.getIdentifier())
                .append("timestamp", snapshot.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
        try {
            // latest wins: replace only an older snapshot; when a newer one exists the upsert hits the _id and is ignored
            snapshots.replaceOne(Filters.and(Filters.eq(ID, snapshot.getAggregateIdentifier()),
                    Filters.lt("seq", snapshot.getSequenceNumber())), doc, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /**
     * The latest snapshot its filter allows, its payload decoded here, once (ADR 0069; session 26): Axon decodes a snapshot's payload
     * lazily, when the aggregate is made from it, which is after the event store's guard for a snapshot that cannot be read. Decoded here,
     * a payload this release cannot read (a field the class no longer has) fails inside that guard, which passes the snapshot over and folds
     * the events; a payload read is kept by the message, so the load does not decode it again.
     */
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
        snapshot.ifPresent(DomainEventMessage::getPayload);
        return snapshot;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document d = snapshots.find(Filters.eq(ID, aggregateIdentifier)).first();
        if (d == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(d.getString("aggregateType"), aggregateIdentifier,
                d.get("seq", Number.class).longValue(), d.getString("eventId"), Instant.parse(d.getString("timestamp")),
                d.getString("payloadType"), d.getString("payloadRevision"), d.getString("payload"), d.getString("metaData")));
    }

    /** Two events of one commit collide (same event id, or same aggregate sequence). */
    static final class DuplicateInCommitException extends RuntimeException {
        DuplicateInCommitException(String message) {
            super(message);
        }
    }

    /** Duplicate keys from MongoDB (code 11000) and collisions inside one commit. */
    static boolean isDuplicateKeyViolation(Exception e) {
        return e instanceof DuplicateInCommitException || isDuplicateKey(e);
    }

    /**
     * Builder: {@link #database} and {@link #sealingKey} are required. Serializers default to Axon's
     * {@link JacksonSerializer} (the seal covers the payload as JSON).
     */
    public static class Builder extends AbstractEventStorageEngine.Builder {
        private MongoDatabase database;
        private SealingKey sealingKey;
        private Duration holeTimeout = Duration.ofSeconds(10);
        private Duration pollInterval = Duration.ofMillis(20);
        private Duration headLookInterval = Duration.ofMillis(100);
        private int batchSize = 1000;
        private ReservationHook reservationHook = (first, count) -> {
        };
        private java.util.function.LongSupplier durabilityMark = () -> -1;
        private java.time.Clock clock = java.time.Clock.systemUTC();

        protected Builder() {
            persistenceExceptionResolver(GaplessEventStorageEngine::isDuplicateKeyViolation);
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            eventSerializer(serializer);
            snapshotSerializer(serializer);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder sealingKey(SealingKey sealingKey) {
            this.sealingKey = sealingKey;
            return this;
        }

        /** How long a reserved but missing position may stay open before readers tombstone it (default 10 s). */
        public Builder holeTimeout(Duration holeTimeout) {
            this.holeTimeout = holeTimeout;
            return this;
        }

        /** How often a blocking reader re-checks a hole (default 20 ms). */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * How often readers at the head look in the database for commits of other nodes (default 100 ms; ADR 0059). This
         * engine's own commits reach its readers at once, whatever the interval; another node's wait at most this long.
         */
        public Builder headLookInterval(Duration headLookInterval) {
            this.headLookInterval = headLookInterval;
            return this;
        }

        /** Ids per {@code $in} poll and cursor batch size (default 1000). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Asked right after the insert that stored a commit returned, by the writer that inserted its group; the
         * commit's own caller reads it with {@link #takeDurabilityMark()} (session 9: the registry's durability barrier
         * then waits for one step started after the group was stored, shared by the whole group). Default: none (-1).
         */
        public Builder durabilityMark(java.util.function.LongSupplier durabilityMark) {
            this.durabilityMark = durabilityMark;
            return this;
        }

        /**
         * The registry's clock, which times the receipt of commands: an event that takes effect when stored (ADR 0061 item 9) is in force
         * from its time when its commit's position is fixed. Default: the system's UTC clock.
         */
        public Builder clock(java.time.Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            return this;
        }

        Builder reservationHook(ReservationHook hook) {
            this.reservationHook = hook;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            // each stored payload decoded once, by a reader made once per type (Session 8; DecodeOnceSerializer)
            super.eventSerializer(DecodeOnceSerializer.readingOnce(eventSerializer));
            return this;
        }

        @Override
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("a MongoDatabase is required");
            }
            if (sealingKey == null) {
                throw new AxonConfigurationException("a SealingKey is required: every event is sealed");
            }
            if (holeTimeout == null || holeTimeout.isNegative() || pollInterval == null || pollInterval.isNegative() || headLookInterval == null
                    || headLookInterval.isNegative() || batchSize < 1) {
                throw new AxonConfigurationException("hole timeout, poll interval, head look interval and batch size must be positive");
            }
        }

        public GaplessEventStorageEngine build() {
            validate();
            return new GaplessEventStorageEngine(this);
        }
    }
}
