package mn.registry.infrastructure.axon;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Axon's {@link TokenStore} on the MongoDB driver. One document per processor segment, claimed
 * with a single conditional {@code findOneAndUpdate} (owner is us, nobody, or a claim older than
 * the claim timeout), which both the embedded server and a replica set execute atomically on one
 * document. So at most one node processes a segment at a time, and a crashed node's segment is
 * taken over once its claim has gone stale.
 *
 * <p>Claims use the real clock, never the registry's demo clock: a moved demo clock must not steal
 * claims.
 *
 * <p>Every document also carries {@code lease = "processor#segment|owner"} ({@code "…|"} when free), kept in
 * step with {@code owner} by every write and uniquely indexed. The frequent operations (store, extend,
 * release, delete by the owner; claiming a free segment) filter on {@code lease} alone: the embedded server
 * uses an index only for a filter made of exactly the index's keys, and scans (deserializing every document)
 * for anything else, such as {@code _id} and {@code owner} together. Only taking over a stale claim keeps
 * the compound filter.
 *
 * <p>ADR 0038: the processors named as {@code deferred} (idempotent projections that nobody waits on by their token)
 * store their tokens at most once per {@code writeInterval}: a batch inside the interval leaves its token in memory;
 * the next store after the interval writes the held tokens of all the processor's segments in one bulk write, and a
 * segment's claim extension (Axon's, about every 5 s when idle) or release writes its own. After a crash such a processor handles again what it handled since its last written token, as after a
 * failed batch; the claim's timestamp is still written at least once per interval while it works, well inside the
 * claim timeout. ADR 0071 item 12 (abuse audit O264): a segment's store that follows a quiet interval of that segment (it stored nothing for
 * the write interval) is written at once, so that after an act on a quiet registry the stored tokens, which a page on another node reads,
 * pass it within the batch; a segment that stores more often than once per interval (under load) is deferred as above. ADR 0071 item 13:
 * a token held back is written when the interval ends even if no batch follows (one waiting write per processor), so no stored token lags
 * more than about the interval behind what the node handled.
 * Every other processor (the log sequencer, whose token {@code ReadYourWrites} reads) stores each batch.
 */
final class MongoTokenStore implements TokenStore {

    static final String COLLECTION = "tracking_tokens";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MongoTokenStore.class);
    private static final String IDENTIFIER_ID = "~storage-identifier";

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final String owner;
    private final Duration claimTimeout;
    private final Clock clock;
    private final java.util.Set<String> deferred;
    private final long writeIntervalMillis;
    /** Per segment of a deferred processor held by this store: when its token was last written, and the one not written yet. */
    private final java.util.concurrent.ConcurrentHashMap<String, Held> held = new java.util.concurrent.ConcurrentHashMap<>();

    /** Writes later what is held when the interval ends (ADR 0071 item 13); null with no deferred processor. */
    private final Later later;
    /** The deferred processors whose trailing write is waiting (one at a time each). */
    private final java.util.Set<String> trailingWrites = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** When each deferred processor last wrote its held tokens. */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> processorWrittenAt = new java.util.concurrent.ConcurrentHashMap<>();

    private static final class Held {
        final String processorName;
        final int segment;
        final java.util.concurrent.atomic.AtomicReference<TrackingToken> pending = new java.util.concurrent.atomic.AtomicReference<>();
        /** When the segment last stored a token (ADR 0071 item 12: a store after a quiet interval of its segment is written at once). */
        volatile long storedAt;

        Held(String processorName, int segment, long storedAt) {
            this.processorName = processorName;
            this.segment = segment;
            this.storedAt = storedAt;
        }
    }

    public MongoTokenStore(MongoDatabase database, Serializer serializer, String owner, Duration claimTimeout, Clock clock) {
        this(database, serializer, owner, claimTimeout, clock, java.util.Set.of(), Duration.ZERO);
    }

    /** As above; the processors in {@code deferred} store their token at most once per {@code writeInterval} (ADR 0038). */
    public MongoTokenStore(MongoDatabase database, Serializer serializer, String owner, Duration claimTimeout, Clock clock,
                           java.util.Set<String> deferred, Duration writeInterval) {
        this(database, serializer, owner, claimTimeout, clock, deferred, writeInterval, deferred.isEmpty() ? null : timer());
    }

    /** As above, the trailing writes run by {@code later} (a test's hand). */
    MongoTokenStore(MongoDatabase database, Serializer serializer, String owner, Duration claimTimeout, Clock clock,
                    java.util.Set<String> deferred, Duration writeInterval, Later later) {
        if (!deferred.isEmpty() && writeInterval.compareTo(claimTimeout.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("a deferred token must be written well inside the claim timeout " + claimTimeout);
        }
        this.tokens = database.getCollection(COLLECTION);
        this.serializer = serializer;
        this.owner = owner;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        this.deferred = java.util.Set.copyOf(deferred);
        this.writeIntervalMillis = writeInterval.toMillis();
        this.later = later;
    }

    /**
     * Runs a write later (ADR 0071 item 13): the held tokens' write when the interval ends with no store to write them. The registry's is one
     * daemon thread ({@link #timer}), stopped by {@link #close}.
     */
    interface Later extends AutoCloseable {
        void after(long millis, Runnable write);

        @Override
        default void close() {
        }
    }

    private static Later timer() {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "deferred-token-writes");
            thread.setDaemon(true);
            return thread;
        });
        return new Later() {
            @Override
            public void after(long millis, Runnable write) {
                timer.schedule(write, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }

    /** Stops the trailing writes' thread (Spring calls it when the registry stops, after the processors released their segments). */
    public void close() {
        if (later != null) {
            later.close();
        }
    }

    private static String id(String processorName, int segment) {
        return processorName + "#" + segment;
    }

    /** The lease key of a segment held by {@code holder}, or free when {@code holder} is null. */
    private static String lease(String id, String holder) {
        return id + "|" + (holder == null ? "" : holder);
    }

    private Bson ours(String processorName, int segment) {
        return Filters.eq("lease", lease(id(processorName, segment), owner));
    }

    private long now() {
        return clock.millis();
    }

    /**
     * Claims the segment with {@code set} added to the claim's own fields: if it is ours already, free, or held by a
     * claim older than the timeout (in that order: the first two by their indexed lease key). Null when another
     * node holds it (or it does not exist).
     */
    private Document claim(String processorName, int segment, Document set) {
        String id = id(processorName, segment);
        Document claimed = new Document(set).append("owner", owner).append("lease", lease(id, owner)).append("timestamp", now());
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        Document doc = tokens.findOneAndUpdate(Filters.eq("lease", lease(id, owner)), new Document("$set", claimed), after);
        if (doc == null) {
            doc = tokens.findOneAndUpdate(Filters.eq("lease", lease(id, null)), new Document("$set", claimed), after);
        }
        if (doc == null) {
            doc = tokens.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.lt("timestamp", now() - claimTimeout.toMillis())),
                    new Document("$set", claimed), after);
        }
        return doc;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (fetchSegments(processorName).length > 0) {
            throw new UnableToClaimTokenException("Could not initialize segments: processor " + processorName + " already has segments");
        }
        for (int segment = 0; segment < segmentCount; segment++) {
            initializeSegment(initialToken, processorName, segment);
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        Document doc = new Document("_id", id(processorName, segment))
                .append("processorName", processorName)
                .append("segment", segment)
                .append("owner", null)
                .append("lease", lease(id(processorName, segment), null))
                .append("timestamp", now());
        writeToken(doc, token);
        try {
            tokens.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new UnableToInitializeTokenException("Segment " + segment + " of " + processorName + " already exists");
            }
            throw e;
        }
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        Held h = deferred.contains(processorName) ? held.get(id(processorName, segment)) : null;
        if (h == null) {
            write(token, processorName, segment);
            return;
        }
        h.pending.set(token);
        long at = now();
        boolean afterAQuietInterval = at - h.storedAt >= writeIntervalMillis;
        h.storedAt = at;
        Long last = processorWrittenAt.get(processorName);
        if (!afterAQuietInterval && last != null && at - last < writeIntervalMillis) {
            writeWhenTheIntervalEnds(processorName, last + writeIntervalMillis - at);
            return;
        }
        writeHeld(processorName);
        if (!held.containsKey(id(processorName, segment))) {
            throw new UnableToClaimTokenException("Unable to store token: segment " + segment + " of " + processorName
                    + " is no longer claimed by this node");
        }
    }

    /**
     * ADR 0071 item 13 (abuse audit O264): the held tokens of {@code processorName} written when the interval ends, whether or not a batch
     * follows (the last batch before a quiet spell, such as a second act within a second of the first). One waiting write per processor:
     * under load it is the processor's one write per interval (the stores after it are held until the next), so the deferral's cost is kept.
     * A write that fails (the segment taken over, the database gone at shut-down) is left to the next store, the claim's extension or the
     * release, as before.
     */
    private void writeWhenTheIntervalEnds(String processorName, long inMillis) {
        if (trailingWrites.add(processorName)) {
            later.after(Math.max(0, inMillis), () -> {
                trailingWrites.remove(processorName);
                try {
                    writeHeld(processorName);
                } catch (RuntimeException leftToTheNextWrite) {
                    log.debug("the held tokens of {} stay held until the next write: {}", processorName, leftToTheNextWrite.toString());
                }
            });
        }
    }

    /**
     * Writes the held tokens of every segment of {@code processorName} this node holds, in one unordered bulk write (a
     * processor has up to 16 segments, each an event's aggregate's share; one round trip for all of them, ADR 0038).
     * A segment whose update matched nothing is no longer ours: it is forgotten, so its next store tries to claim it
     * and fails as before.
     */
    private void writeHeld(String processorName) {
        long at = now();
        processorWrittenAt.put(processorName, at);
        List<Held> writing = new ArrayList<>();
        List<TrackingToken> tokensWritten = new ArrayList<>();
        List<com.mongodb.client.model.WriteModel<Document>> updates = new ArrayList<>();
        for (Held h : held.values()) {
            TrackingToken token = h.processorName.equals(processorName) ? h.pending.get() : null;
            if (token != null) {
                Document set = new Document("timestamp", at);
                writeToken(set, token);
                updates.add(new com.mongodb.client.model.UpdateOneModel<>(ours(processorName, h.segment), new Document("$set", set)));
                writing.add(h);
                tokensWritten.add(token);
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        int matched = tokens.bulkWrite(updates, new com.mongodb.client.model.BulkWriteOptions().ordered(false)).getMatchedCount();
        for (int i = 0; i < writing.size(); i++) {
            writing.get(i).pending.compareAndSet(tokensWritten.get(i), null);
        }
        if (matched < updates.size()) {
            // rare: some segment was taken over; find which by its lease and forget it
            for (Held h : writing) {
                if (tokens.find(ours(processorName, h.segment)).first() == null) {
                    held.remove(id(processorName, h.segment), h);
                }
            }
        }
    }

    /** Writes the token (and the claim's timestamp) now, and remembers when for a deferred processor. */
    private void write(TrackingToken token, String processorName, int segment) {
        long at = now();
        Document set = new Document("timestamp", at);
        writeToken(set, token);
        if (tokens.updateOne(ours(processorName, segment), new Document("$set", set)).getMatchedCount() == 0) {
            // Axon's contract: storing a token for an unclaimed segment claims it if it is free.
            Document claimed = claim(processorName, segment, set);
            if (claimed == null) {
                held.remove(id(processorName, segment));
                throw new UnableToClaimTokenException("Unable to store token: segment " + segment + " of " + processorName
                        + " is missing or claimed by another node");
            }
        }
        if (deferred.contains(processorName)) {
            held.putIfAbsent(id(processorName, segment), new Held(processorName, segment, at));
            processorWrittenAt.put(processorName, at);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        // a (re)claim starts from the written token: what was handled after it is handled again (idempotent, ADR 0038)
        held.remove(id(processorName, segment));
        Document doc = claim(processorName, segment, new Document());
        if (doc == null) {
            boolean exists = tokens.find(Filters.eq("_id", id(processorName, segment))).first() != null;
            throw new UnableToClaimTokenException(exists
                    ? "Segment " + segment + " of " + processorName + " is claimed by another node"
                    : "No token for segment " + segment + " of " + processorName + "; initialize it first");
        }
        return readToken(doc);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return fetchToken(processorName, segment.getSegmentId());
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        Held h = held.get(id(processorName, segment));
        TrackingToken pending = h == null ? null : h.pending.getAndSet(null);
        if (pending != null) {
            write(pending, processorName, segment);
            return;
        }
        if (tokens.updateOne(ours(processorName, segment), Updates.set("timestamp", now())).getMatchedCount() == 0) {
            throw new UnableToClaimTokenException("Unable to extend claim on segment " + segment + " of " + processorName + ": not ours");
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        Held h = held.remove(id(processorName, segment));
        TrackingToken pending = h == null ? null : h.pending.getAndSet(null);
        Document set = new Document("owner", null).append("lease", lease(id(processorName, segment), null));
        if (pending != null) {
            writeToken(set, pending);
        }
        tokens.updateOne(ours(processorName, segment), new Document("$set", set));
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        held.remove(id(processorName, segment));
        if (tokens.deleteOne(ours(processorName, segment)).getDeletedCount() == 0) {
            throw new UnableToClaimTokenException("Unable to delete segment " + segment + " of " + processorName + ": not claimed by us");
        }
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        List<Integer> segments = new ArrayList<>();
        for (Document doc : tokens.find(Filters.eq("processorName", processorName)).sort(Sorts.ascending("segment"))) {
            segments.add(doc.getInteger("segment"));
        }
        return segments.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The tokens of {@code processorName}'s segments as written, read without claiming them (for {@link ProjectionRebuild#rebuilding}). */
    List<TrackingToken> peek(String processorName) {
        List<TrackingToken> written = new ArrayList<>();
        tokens.find(Filters.eq("processorName", processorName)).forEach(doc -> written.add(readToken(doc)));
        return written;
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        int[] all = fetchSegments(processorName);
        long staleBefore = now() - claimTimeout.toMillis();
        List<Segment> available = new ArrayList<>();
        for (Document doc : tokens.find(Filters.eq("processorName", processorName))) {
            String holder = doc.getString("owner");
            if (holder == null || holder.equals(owner) || doc.getLong("timestamp") < staleBefore) {
                available.add(Segment.computeSegment(doc.getInteger("segment"), all));
            }
        }
        available.sort((a, b) -> Integer.compare(a.getSegmentId(), b.getSegmentId()));
        return available;
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        Document doc = tokens.findOneAndUpdate(Filters.eq("_id", IDENTIFIER_ID),
                Updates.combine(Updates.setOnInsert("identifier", UUID.randomUUID().toString()),
                        Updates.setOnInsert("lease", lease(IDENTIFIER_ID, null))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return Optional.of(doc.getString("identifier"));
    }

    private void writeToken(Document target, TrackingToken token) {
        if (token == null) {
            target.append("token", null).append("tokenType", null);
            return;
        }
        SerializedObject<String> serialized = serializer.serialize(token, String.class);
        target.append("token", serialized.getData()).append("tokenType", serialized.getType().getName());
    }

    private TrackingToken readToken(Document doc) {
        String data = doc.getString("token");
        if (data == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, String.class, new SimpleSerializedType(doc.getString("tokenType"), null)));
    }

    /**
     * Creates the unique index on {@code lease} (after giving documents stored before it existed their lease key)
     * and the index on processor name the segment listing uses (harmless where ignored).
     */
    public void ensureIndexes() {
        for (Document doc : tokens.find(Filters.exists("lease", false))) {
            String id = doc.getString("_id");
            tokens.updateOne(Filters.eq("_id", id), Updates.set("lease", lease(id, doc.getString("owner"))));
        }
        mn.registry.store.mongo.MongoIndexes.ensure(tokens);
    }

}
