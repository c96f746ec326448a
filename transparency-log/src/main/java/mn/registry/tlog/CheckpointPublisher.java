package mn.registry.tlog;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import mn.registry.kernel.log.Checkpoint;
import mn.registry.kernel.log.Merkle;
import mn.registry.kernel.log.Tiles;
import mn.registry.kernel.log.TimeStamps;
import mn.registry.kernel.pki.RegistryKey;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Signs a new checkpoint (C2SP signed note under the registry's checkpoint key) when the tree has grown, and
 * gets it an RFC 3161 time-stamp token from the registry's time-stamp authority over the signed note's bytes.
 * Polled a few times a second, so entries arriving together share one checkpoint. Every checkpoint is kept
 * ({@code _id} = tree size), and {@code log_state/"checkpoint"} points to the latest.
 */
final class CheckpointPublisher {

    static final String LATEST = LogCollections.LATEST_CHECKPOINT;
    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> state;
    private final MongoCollection<Document> tiles;
    private final String origin;
    private final RegistryKey checkpointKey;
    private final RegistryKey tsaKey;
    private final Clock clock;
    private final Runnable durable;
    private final SecureRandom random = new SecureRandom();

    CheckpointPublisher(MongoDatabase database, String origin, RegistryKey checkpointKey, RegistryKey tsaKey, Clock clock) {
        this(database, origin, checkpointKey, tsaKey, clock, () -> { });
    }

    /**
     * @param durable makes every write so far durable (the store's group commit): a checkpoint is signed only
     *                over entries, tiles and events that a crash cannot take back, so the public never sees a
     *                tree that the registry could later grow differently (a fork)
     */
    CheckpointPublisher(MongoDatabase database, String origin, RegistryKey checkpointKey, RegistryKey tsaKey, Clock clock, Runnable durable) {
        this.checkpoints = database.getCollection(LogCollections.CHECKPOINTS);
        this.state = database.getCollection(LogCollections.STATE);
        this.tiles = database.getCollection(LogCollections.TILES);
        this.origin = origin;
        this.checkpointKey = checkpointKey;
        this.tsaKey = tsaKey;
        this.clock = clock;
        this.durable = durable;
    }

    /** Publishes a checkpoint of the current tree if none covers it yet; returns the size published, if any. */
    Optional<Long> publishIfGrown() {
        Document tree = state.find(Filters.eq("_id", LogCollections.TREE)).first();
        long size = tree == null ? 0 : tree.get(LogCollections.SIZE, Number.class).longValue();
        Document latest = state.find(Filters.eq("_id", LATEST)).first();
        if (latest != null && latest.get(LogCollections.SIZE, Number.class).longValue() >= size) {
            return Optional.empty();
        }
        durable.run();
        byte[] root = Merkle.root(size, Tiles.hashReader(this::readTile));
        String note = new Checkpoint(origin, size, root).sign(checkpointKey.privateKey());
        Instant now = clock.instant();
        byte[] token = TimeStamps.stamp(note.getBytes(StandardCharsets.UTF_8), tsaKey.jcaPrivateKey(), tsaKey.chain(),
                new BigInteger(63, random), now);
        try {
            checkpoints.insertOne(new Document("_id", size).append(LogCollections.NOTE, note)
                    .append(LogCollections.TIME_STAMP, new Binary(token)).append(LogCollections.PUBLISHED_AT, Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another node published this size first: point to it all the same
        }
        durable.run();
        state.updateOne(Filters.and(Filters.eq("_id", LATEST), Filters.lt(LogCollections.SIZE, size)),
                new Document("$set", new Document(LogCollections.SIZE, size)), new UpdateOptions().upsert(false));
        if (state.find(Filters.eq("_id", LATEST)).first() == null) {
            try {
                state.insertOne(new Document("_id", LATEST).append(LogCollections.SIZE, size));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        log.debug("Published log checkpoint of size {}", size);
        return Optional.of(size);
    }

    private byte[] readTile(int level, long index, int minWidth) {
        Document doc = tiles.find(Filters.eq("_id", LogCollections.tileId(level, index))).first();
        return doc == null ? new byte[0] : doc.get(LogCollections.HASHES, Binary.class).getData();
    }
}
