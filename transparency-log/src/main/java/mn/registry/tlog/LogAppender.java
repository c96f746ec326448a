package mn.registry.tlog;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import mn.registry.kernel.log.Merkle;
import mn.registry.store.mongo.MongoIndexes;
import mn.registry.kernel.log.Tiles;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends leaves to the Merkle tree kept in MongoDB as tiles. An entry is first inserted at index = tree size
 * (unique {@code _id} and unique {@code eventId}: a redelivered event finds its entry and appends nothing), then
 * its hash is written into the level-0 tile (a completed tile's root into the level above), then the tree size
 * moves on by compare-and-set. A crash between those steps is repaired on the next load: entries past the
 * recorded size are put into the tiles again (tile writes are idempotent). Single writer by design (the
 * sequencer's one segment); a second writer is detected by the compare-and-set and reloads.
 */
final class LogAppender {

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> tiles;
    private final MongoCollection<Document> state;

    private long size = -1;
    /** The rightmost tile of each level: level -> {index, hashes}. */
    private final Map<Integer, Object[]> rightmost = new HashMap<>();

    LogAppender(MongoDatabase database) {
        this.entries = database.getCollection(LogCollections.ENTRIES);
        this.tiles = database.getCollection(LogCollections.TILES);
        this.state = database.getCollection(LogCollections.STATE);
    }

    void ensureIndexes() {
        MongoIndexes.ensure(entries);
    }

    /** The tree size: leaves whose hashes are in the tiles. */
    synchronized long size() {
        load();
        return size;
    }

    /**
     * Appends a leaf for {@code eventId} unless one is there already; returns its index either way.
     * {@code extra} fields are stored with the entry (e.g. the event's global position).
     */
    synchronized long append(String eventId, byte[] leafData, Document extra) {
        return appendAll(List.of(new Leaf(eventId, leafData, extra)))[0];
    }

    /** One leaf to append: the event's id, its leaf data and the fields stored with its entry. */
    record Leaf(String eventId, byte[] leafData, Document extra) {
    }

    /**
     * Appends the leaves of a batch in their order, each unless its event has an entry already; returns each one's index.
     * The same steps as {@link #append} in the same order (entries, then tiles, then the tree size), a step per batch
     * instead of per leaf: one read of the entries already there, one ordered insert of the new entries, one write per
     * tile touched, one compare-and-set of the tree size from its size before to its size after (ADR 0048). A crash
     * between the steps leaves entries past the recorded size, which the next load repairs, as for one leaf.
     */
    synchronized long[] appendAll(List<Leaf> leaves) {
        if (leaves.isEmpty()) {
            return new long[0];
        }
        for (int attempt = 0; ; attempt++) {
            load();
            Map<String, Long> existing = new HashMap<>();
            for (Document d : entries.find(Filters.in(LogCollections.EVENT_ID, leaves.stream().map(Leaf::eventId).toList()))
                    .projection(new Document(LogCollections.EVENT_ID, 1))) {
                existing.put(d.getString(LogCollections.EVENT_ID), d.get("_id", Number.class).longValue());
            }
            long[] indexes = new long[leaves.size()];
            List<Document> fresh = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            long next = size;
            for (int i = 0; i < leaves.size(); i++) {
                Leaf leaf = leaves.get(i);
                Long found = existing.get(leaf.eventId());
                if (found != null) {
                    indexes[i] = found;
                    continue;
                }
                byte[] leafHash = Merkle.leafHash(leaf.leafData());
                Document entry = new Document("_id", next)
                        .append(LogCollections.EVENT_ID, leaf.eventId())
                        .append(LogCollections.LEAF, new String(leaf.leafData(), StandardCharsets.UTF_8))
                        .append(LogCollections.LEAF_HASH, new Binary(leafHash));
                leaf.extra().forEach(entry::putIfAbsent);
                existing.put(leaf.eventId(), next); // the same event twice in one batch gets one entry
                fresh.add(entry);
                hashes.add(leafHash);
                indexes[i] = next++;
            }
            if (fresh.isEmpty()) {
                return indexes;
            }
            long before = size;
            try {
                entries.insertMany(fresh, new InsertManyOptions().ordered(true));
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY) || attempt > 5) {
                    throw e;
                }
                reset(); // another writer took an index, or our view is stale: the entries written are repaired by the load
                continue;
            }
            Map<String, Document> touched = new java.util.LinkedHashMap<>();
            for (int i = 0; i < hashes.size(); i++) {
                incorporate(before + i, hashes.get(i), touched);
            }
            writeTiles(touched);
            if (!advance(before, before + hashes.size())) {
                reset();
                continue;
            }
            return indexes;
        }
    }

    private boolean advance(long index) {
        return advance(index, index + 1);
    }

    private boolean advance(long from, long to) {
        boolean moved = state.updateOne(Filters.and(Filters.eq("_id", LogCollections.TREE), Filters.eq(LogCollections.SIZE, from)),
                new Document("$set", new Document(LogCollections.SIZE, to))).getModifiedCount() == 1;
        if (moved) {
            size = to;
        }
        return moved;
    }

    private void reset() {
        size = -1;
        rightmost.clear();
    }

    private void load() {
        if (size >= 0) {
            return;
        }
        Document tree = state.find(Filters.eq("_id", LogCollections.TREE)).first();
        if (tree == null) {
            try {
                state.insertOne(new Document("_id", LogCollections.TREE).append(LogCollections.SIZE, 0L));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            tree = state.find(Filters.eq("_id", LogCollections.TREE)).first();
        }
        size = tree.get(LogCollections.SIZE, Number.class).longValue();
        rightmost.clear();
        // Repair: entries written before a crash but not yet in the tiles.
        for (Document entry : entries.find(Filters.gte("_id", size)).sort(Sorts.ascending("_id"))) {
            long index = entry.get("_id", Number.class).longValue();
            if (index != size) {
                throw new IllegalStateException("the log has a hole: entry " + index + " after size " + size);
            }
            incorporate(index, entry.get(LogCollections.LEAF_HASH, Binary.class).getData());
            if (!advance(index)) {
                throw new IllegalStateException("another writer moved the log while it was being repaired");
            }
        }
    }

    /** Writes the leaf hash at its place in level 0, and each completed tile's root into the level above. */
    private void incorporate(long index, byte[] hash) {
        Map<String, Document> touched = new java.util.LinkedHashMap<>();
        incorporate(index, hash, touched);
        writeTiles(touched);
    }

    /** One write per tile: a tile touched by several leaves of a batch is written once, as it is after the last of them. */
    private void writeTiles(Map<String, Document> touched) {
        if (touched.size() == 1) {
            Document tile = touched.values().iterator().next();
            tiles.replaceOne(Filters.eq("_id", tile.get("_id")), tile, new ReplaceOptions().upsert(true));
        } else if (!touched.isEmpty()) {
            tiles.bulkWrite(touched.values().stream().map(tile -> new ReplaceOneModel<>(Filters.eq("_id", tile.get("_id")), tile,
                    new ReplaceOptions().upsert(true))).toList(), new BulkWriteOptions().ordered(true));
        }
    }

    /** The leaf hash at its place in level 0, and each completed tile's root in the level above, kept in {@code touched} to write. */
    private void incorporate(long index, byte[] hash, Map<String, Document> touched) {
        int level = 0;
        long at = index;
        byte[] h = hash;
        while (true) {
            long tileIndex = at / Tiles.WIDTH;
            int offset = (int) (at % Tiles.WIDTH);
            byte[] current = tile(level, tileIndex);
            if (current.length < offset * Merkle.HASH_SIZE) {
                throw new IllegalStateException("tile " + LogCollections.tileId(level, tileIndex) + " lacks the hashes before " + offset);
            }
            byte[] grown = Arrays.copyOf(current, Math.max(current.length, (offset + 1) * Merkle.HASH_SIZE));
            System.arraycopy(h, 0, grown, offset * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
            touched.put(LogCollections.tileId(level, tileIndex),
                    new Document("_id", LogCollections.tileId(level, tileIndex)).append("level", level).append("index", tileIndex)
                            .append("width", grown.length / Merkle.HASH_SIZE).append(LogCollections.HASHES, new Binary(grown)));
            rightmost.put(level, new Object[]{tileIndex, grown});
            if (offset != Tiles.WIDTH - 1) {
                return;
            }
            h = Tiles.tileRoot(grown);
            at = tileIndex;
            level++;
        }
    }

    private byte[] tile(int level, long tileIndex) {
        Object[] cached = rightmost.get(level);
        if (cached != null && (Long) cached[0] == tileIndex) {
            return (byte[]) cached[1];
        }
        Document doc = tiles.find(Filters.eq("_id", LogCollections.tileId(level, tileIndex))).first();
        return doc == null ? new byte[0] : doc.get(LogCollections.HASHES, Binary.class).getData();
    }
}
