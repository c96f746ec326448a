package mn.registry.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import mn.registry.store.CommitAbandonedException;
import mn.registry.store.SealingKey;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.AbstractEventEntry;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
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
 * docs/adr/0001-event-store.md). Each {@code appendEvents} call is ONE document inserted with one
 * {@code insertOne}, at the positions reserved by one {@code $inc} on a counter; readers walk the chain of
 * commits; a hole left by a stalled or crashed writer is tombstoned after the hole timeout so that the late
 * writer fails instead of being skipped. Every event is sealed (Ed25519 over its canonical envelope, chained
 * per aggregate by the previous event's hash).
 */
public class GaplessEventStorageEngine extends AbstractEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(GaplessEventStorageEngine.class);
    private static final int PREV_HASH_CACHE_SIZE = 10_000;

    /** Called between reserving positions and inserting the commit; lets tests stall or fail a writer there. */
    interface ReservationHook {
        void reserved(long firstPosition, int count);
    }

    private final MongoDatabase database;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final SealingKey sealingKey;
    private final Duration holeTimeout;
    private final long pollIntervalMillis;
    private final int batchSize;
    private final ReservationHook reservationHook;
    private final ReentrantLock reserveLock = new ReentrantLock();
    private long counterHint = -1; // guarded by reserveLock
    /**
     * A lower bound of the position counter for readers at the head (ADR 0019): the highest value this engine set
     * or read. The counter only grows, so a reader that trusts a lower bound can only think it is at the head too
     * early and look again later; it never passes a position. Reservations of this engine raise it at once; the
     * counter is read again (for other nodes' reservations) at most once per {@link #knownReservedFreshNanos}.
     */
    private final java.util.concurrent.atomic.AtomicLong knownReserved = new java.util.concurrent.atomic.AtomicLong();
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
    };

    private record SeqHash(long seq, String hash) {
    }

    protected GaplessEventStorageEngine(Builder builder) {
        super(builder);
        this.database = builder.database;
        this.events = database.getCollection(EVENTS);
        this.counters = database.getCollection(COUNTERS);
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.sealingKey = builder.sealingKey;
        this.holeTimeout = builder.holeTimeout;
        this.pollIntervalMillis = builder.pollInterval.toMillis();
        this.batchSize = builder.batchSize;
        this.reservationHook = builder.reservationHook;
        this.knownReservedFreshNanos = builder.pollInterval.toNanos();
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
            sealed = seal(messages, serializer);
        } catch (DuplicateInCommitException e) {
            handlePersistenceException(e, messages.get(0));
            return;
        }
        int count = sealed.size();
        long firstPosition = reserve(count);
        Document commit = CommitDocuments.commit(firstPosition, sealed);
        try {
            reservationHook.reserved(firstPosition, count);
            events.insertOne(commit);
        } catch (MongoException e) {
            Document atPosition = documentAtQuietly(firstPosition);
            if (atPosition != null && sealed.get(0).eventId().equals(firstEventId(atPosition))) {
                remember(sealed); // the insert landed although the call failed (e.g. a retried or timed-out write)
                return;
            }
            if (atPosition != null) {
                abandonRest(firstPosition, count);
                throw new CommitAbandonedException(firstPosition, count, e);
            }
            closeOwnReservation(firstPosition, count);
            handlePersistenceException(e, isDuplicateKey(e) ? conflictingEvent(messages, commit) : messages.get(0));
            return;
        } catch (RuntimeException | Error e) {
            closeOwnReservation(firstPosition, count);
            throw e;
        }
        remember(sealed);
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
            return events.find(Filters.eq(ID, position)).projection(Projections.include(EVENT_IDS)).first();
        } catch (MongoException e) {
            return null;
        }
    }

    private static String firstEventId(Document commit) {
        List<String> ids = commit.getList(EVENT_IDS, String.class, List.of());
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Our insert failed: tombstone our own positions at once so readers need not wait for the hole timeout. */
    private void closeOwnReservation(long firstPosition, int count) {
        try {
            CommitDocuments.insertTombstones(events, firstPosition, firstPosition + count);
        } catch (RuntimeException e) {
            log.warn("could not tombstone positions {}..{} after a failed append; readers will after the hole timeout",
                    firstPosition, firstPosition + count - 1, e);
        }
    }

    /** Our first position was tombstoned by a reader; the rest of our range is tombstoned too (off-chain if not needed). */
    private void abandonRest(long firstPosition, int count) {
        if (count > 1) {
            closeOwnReservation(firstPosition + 1, count - 1);
        }
    }

    /**
     * Reserves {@code count} positions and returns the first. A compare-and-set on the counter document
     * ({@code next == v} -> {@code v + count}), not {@code findOneAndUpdate $inc}: the embedded server applies a
     * concurrent {@code $inc} atomically but may return the same "after" value to two callers (measured: 3,928
     * distinct values for 4,000 concurrent increments), which would hand out overlapping ranges. The CAS is
     * atomic on both servers; the in-process lock and the remembered value keep it to one round trip here, and
     * writers on other nodes only cost a retry.
     */
    private long reserve(int count) {
        reserveLock.lock();
        try {
            long v = counterHint >= 0 ? counterHint : readOrCreateCounter();
            while (true) {
                UpdateResult result = counters.updateOne(Filters.and(Filters.eq(ID, POSITION_COUNTER), Filters.eq(NEXT, v)),
                        Updates.set(NEXT, v + count));
                if (result.getModifiedCount() == 1) {
                    counterHint = v + count;
                    knownReserved.accumulateAndGet(v + count, Math::max);
                    return v + 1;
                }
                v = readOrCreateCounter();
            }
        } finally {
            reserveLock.unlock();
        }
    }

    private long readOrCreateCounter() {
        Document counter = counters.find(Filters.eq(ID, POSITION_COUNTER)).first();
        if (counter != null) {
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

    /** The highest position reserved so far (0 when none), read now. */
    long reservedUpTo() {
        Document counter = counters.find(Filters.eq(ID, POSITION_COUNTER)).first();
        long reserved = counter == null ? 0 : counter.get(NEXT, Number.class).longValue();
        knownReserved.accumulateAndGet(reserved, Math::max);
        return reserved;
    }

    /**
     * For readers at the head: a lower bound of the counter, read from the database at most once per poll interval
     * (shared by every reader of this engine) and raised at once by this engine's own reservations. Saves the
     * counter read of every poll at the head (1.4 to 2.9 round trips per command, docs/benchmarks.md Session 4).
     */
    long knownReservedUpTo() {
        long now = System.nanoTime();
        if (now - knownReservedReadAt >= knownReservedFreshNanos) {
            knownReservedReadAt = now;
            return reservedUpTo();
        }
        return knownReserved.get();
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
            SerializedObject<String> payload = message.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
            StoredEvent event = StoredEvent.seal(message.getIdentifier(), domain, aggregateType, aggregateId, seq,
                    message.getTimestamp().toString(), payload.getType().getName(), payload.getType().getRevision(),
                    payload.getData(), metaData.getData(), prevHash, sealingKey);
            inCommit.put(aggregateId, new SeqHash(seq, event.hash()));
            sealed.add(event);
        }
        return sealed;
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
        return new GenericDomainEventEntry<>(e.aggregateType(), e.aggregateId(), e.seq(), e.eventId(),
                Instant.parse(e.timestamp()), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
    }

    /** A stored event that belongs to no aggregate, as Axon's tracked event data. */
    private static final class TrackedGenericEventData extends AbstractEventEntry<String> implements TrackedEventData<String> {
        private final TrackingToken token;

        TrackedGenericEventData(TrackingToken token, StoredEvent e) {
            super(e.eventId(), Instant.parse(e.timestamp()), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
            this.token = token;
        }

        @Override
        public TrackingToken trackingToken() {
            return token;
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventData<?>> result = new ArrayList<>();
        Document commit = commitHolding(aggregateIdentifier, firstSequenceNumber);
        while (commit != null) {
            long last = -1;
            for (StoredEvent e : CommitDocuments.events(commit)) {
                if (e.domain() && e.aggregateId().equals(aggregateIdentifier)) {
                    last = Math.max(last, e.seq());
                    if (e.seq() >= firstSequenceNumber) {
                        result.add(toDomainData(e));
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

    /** The commit holding event {@code seq} of the aggregate, found by its head key (looking back 64 seqs, then from 0). */
    private Document commitHolding(String aggregateId, long seq) {
        Document exact = events.find(Filters.eq(HEADS, streamKey(seq, aggregateId))).first();
        if (exact != null || seq == 0) {
            return exact;
        }
        List<String> keys = new ArrayList<>();
        for (long s = seq - 1; s >= 0 && s > seq - 64; s--) {
            keys.add(streamKey(s, aggregateId));
        }
        for (Document d : events.find(Filters.in(HEADS, keys))) {
            for (StoredEvent e : CommitDocuments.events(d)) {
                if (e.aggregateId().equals(aggregateId) && e.seq() == seq) {
                    return d;
                }
            }
        }
        return events.find(Filters.eq(HEADS, streamKey(0, aggregateId))).first();
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

    /** Just before the first event (in global order) whose timestamp is at or after {@code dateTime}; the head if none. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        try (Stream<ChainReader.ChainEvent> chainEvents = chainFrom(0, false)) {
            return chainEvents.filter(ce -> !Instant.parse(ce.event().timestamp()).isBefore(dateTime))
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
        private int batchSize = 1000;
        private ReservationHook reservationHook = (first, count) -> {
        };

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

        /** Ids per {@code $in} poll and cursor batch size (default 1000). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
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
            super.eventSerializer(eventSerializer);
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
            if (holeTimeout == null || holeTimeout.isNegative() || pollInterval == null || pollInterval.isNegative() || batchSize < 1) {
                throw new AxonConfigurationException("hole timeout, poll interval and batch size must be positive");
            }
        }

        public GaplessEventStorageEngine build() {
            validate();
            return new GaplessEventStorageEngine(this);
        }
    }
}
