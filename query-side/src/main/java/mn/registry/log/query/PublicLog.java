package mn.registry.log.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.log.Checkpoint;
import mn.registry.kernel.log.EntryBundles;
import mn.registry.kernel.log.LogLayout;
import mn.registry.kernel.log.Merkle;
import mn.registry.kernel.log.SealedEvent;
import mn.registry.kernel.log.SignedNote;
import mn.registry.kernel.log.Tiles;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the log as published: the latest checkpoint (re-read at most every 200 ms), entries, tiles (cached: a tile only grows),
 * proofs computed from the tiles, and sealed events from the store (ADR 0015: a bundle carries no signed command).
 */
class PublicLog {

    private static final int CACHE_LIMIT = 4096;

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> tiles;
    private final MongoCollection<Document> state;
    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> events;
    /** Tiles only grow and never change what they hold, so any cached prefix long enough is right. */
    private final Map<String, byte[]> tileCache = new ConcurrentHashMap<>();
    private volatile Published latest;
    private volatile long latestReadAt;
    /** How stale the latest checkpoint may be when served (C2SP: the checkpoint may be cached a few seconds). */
    static final long LATEST_TTL_NANOS = 200_000_000L;

    PublicLog(MongoDatabase database) {
        this.entries = database.getCollection(LogLayout.ENTRIES);
        this.tiles = database.getCollection(LogLayout.TILES);
        this.state = database.getCollection(LogLayout.STATE);
        this.checkpoints = database.getCollection(LogLayout.CHECKPOINTS);
        this.events = database.getCollection("events");
    }

    /** A published checkpoint: the signed note, its parsed body and its time-stamp token. */
    record Published(String note, Checkpoint checkpoint, byte[] timeStampToken) {
    }

    Optional<Published> latest() {
        Published cached = latest;
        if (cached != null && System.nanoTime() - latestReadAt < LATEST_TTL_NANOS) {
            return Optional.of(cached);
        }
        Document pointer = state.find(Filters.eq("_id", "checkpoint")).first();
        Optional<Published> read = pointer == null ? Optional.empty() : checkpoint(pointer.get(LogLayout.SIZE, Number.class).longValue());
        read.ifPresent(p -> {
            latest = p;
            latestReadAt = System.nanoTime();
        });
        return read;
    }

    Optional<Published> checkpoint(long size) {
        Document doc = checkpoints.find(Filters.eq("_id", size)).first();
        if (doc == null) {
            return Optional.empty();
        }
        String note = doc.getString(LogLayout.NOTE);
        return Optional.of(new Published(note, Checkpoint.parse(SignedNote.parse(note).text()),
                doc.get(LogLayout.TIME_STAMP, Binary.class).getData()));
    }

    /** The hashes of tile (level, index): at least {@code minWidth} of them, or fewer if the log has fewer. */
    byte[] tile(int level, long index, int minWidth) {
        String id = LogLayout.tileId(level, index);
        byte[] cached = tileCache.get(id);
        if (cached != null && cached.length >= minWidth * Merkle.HASH_SIZE) {
            return cached;
        }
        Document doc = tiles.find(Filters.eq("_id", id)).first();
        byte[] data = doc == null ? new byte[0] : doc.get(LogLayout.HASHES, Binary.class).getData();
        if (tileCache.size() >= CACHE_LIMIT) {
            tileCache.clear();
        }
        tileCache.merge(id, data, (old, fresh) -> fresh.length >= old.length ? fresh : old);
        return data;
    }

    Merkle.HashReader hashes() {
        return Tiles.hashReader(this::tile);
    }

    /** The bytes of a tile or entry bundle as of a tree of {@code size}, if that tree has it. */
    Optional<byte[]> resource(Tiles.Tile tile, long size) {
        if (!Tiles.exists(tile, size)) {
            return Optional.empty();
        }
        if (tile.entries()) {
            long first = tile.index() * Tiles.WIDTH;
            List<Long> ids = new ArrayList<>();
            for (long i = first; i < first + tile.width(); i++) {
                ids.add(i);
            }
            Map<Long, byte[]> byIndex = new HashMap<>();
            for (Document d : entries.find(Filters.in("_id", ids))) {
                byIndex.put(d.get("_id", Number.class).longValue(), d.getString(LogLayout.LEAF).getBytes(StandardCharsets.UTF_8));
            }
            List<byte[]> leaves = new ArrayList<>();
            for (Long i : ids) {
                byte[] leaf = byIndex.get(i);
                if (leaf == null) {
                    throw new IllegalStateException("log entry " + i + " is missing");
                }
                leaves.add(leaf);
            }
            return Optional.of(EntryBundles.encode(leaves));
        }
        byte[] data = tile(tile.level(), tile.index(), tile.width());
        int bytes = tile.width() * Merkle.HASH_SIZE;
        if (data.length < bytes) {
            throw new IllegalStateException("tile " + tile.path() + " is shorter than its checkpoint says");
        }
        return Optional.of(Arrays.copyOf(data, bytes));
    }

    Optional<Document> entry(long index) {
        return Optional.ofNullable(entries.find(Filters.eq("_id", index)).first());
    }

    /** An event as sealed in the store, with the salts of its fields and the seal over their commitment (ADR 0015; null before). */
    record Stored(SealedEvent event, String salts, String sdSeal) {
    }

    /** The event as sealed in the store, by event id. */
    Optional<Stored> sealed(String eventId) {
        Document commit = events.find(Filters.eq("eventIds", eventId)).first();
        if (commit == null) {
            return Optional.empty();
        }
        for (Document d : commit.getList("events", Document.class, List.of())) {
            if (eventId.equals(d.getString("eventId"))) {
                Number seq = d.get("seq", Number.class);
                return Optional.of(new Stored(new SealedEvent(d.getString("eventId"), d.getString("aggregateType"),
                        d.getString("aggregateId"), seq == null ? -1 : seq.longValue(), d.getString("timestamp"),
                        d.getString("payloadType"), d.getString("payloadRevision"), d.getString("payload"),
                        d.getString("metaData"), d.getString("prevHash"), d.getString("hash"), d.getString("keyId"),
                        d.getString("seal")), d.getString("salts"), d.getString("sdSeal")));
            }
        }
        return Optional.empty();
    }
}
