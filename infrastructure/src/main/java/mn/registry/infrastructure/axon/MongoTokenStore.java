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
 */
public final class MongoTokenStore implements TokenStore {

    static final String COLLECTION = "tracking_tokens";
    private static final String IDENTIFIER_ID = "~storage-identifier";

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final String owner;
    private final Duration claimTimeout;
    private final Clock clock;

    public MongoTokenStore(MongoDatabase database, Serializer serializer, String owner, Duration claimTimeout, Clock clock) {
        this.tokens = database.getCollection(COLLECTION);
        this.serializer = serializer;
        this.owner = owner;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    private static String id(String processorName, int segment) {
        return processorName + "#" + segment;
    }

    private long now() {
        return clock.millis();
    }

    private Bson claimable(String processorName, int segment) {
        return Filters.and(Filters.eq("_id", id(processorName, segment)),
                Filters.or(Filters.eq("owner", null), Filters.eq("owner", owner),
                        Filters.lt("timestamp", now() - claimTimeout.toMillis())));
    }

    private Bson ownedByUs(String processorName, int segment) {
        return Filters.and(Filters.eq("_id", id(processorName, segment)), Filters.eq("owner", owner));
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
        Document set = new Document("timestamp", now());
        writeToken(set, token);
        if (tokens.updateOne(ownedByUs(processorName, segment), new Document("$set", set)).getMatchedCount() == 0) {
            // Axon's contract: storing a token for an unclaimed segment claims it if it is free.
            Document claimed = tokens.findOneAndUpdate(claimable(processorName, segment),
                    new Document("$set", set.append("owner", owner)), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (claimed == null) {
                throw new UnableToClaimTokenException("Unable to store token: segment " + segment + " of " + processorName
                        + " is missing or claimed by another node");
            }
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        Document doc = tokens.findOneAndUpdate(claimable(processorName, segment),
                Updates.combine(Updates.set("owner", owner), Updates.set("timestamp", now())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
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
        if (tokens.updateOne(ownedByUs(processorName, segment), Updates.set("timestamp", now())).getMatchedCount() == 0) {
            throw new UnableToClaimTokenException("Unable to extend claim on segment " + segment + " of " + processorName + ": not ours");
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        tokens.updateOne(ownedByUs(processorName, segment), Updates.set("owner", null));
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        if (tokens.deleteOne(ownedByUs(processorName, segment)).getDeletedCount() == 0) {
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
                Updates.setOnInsert("identifier", UUID.randomUUID().toString()),
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

    /** Creates the index on processor name the segment listing uses (harmless where ignored). */
    public void ensureIndexes() {
        tokens.createIndex(new Document("processorName", 1).append("segment", 1));
    }

}
