package mn.registry.store.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored shape: collection {@code events} holds one document per commit, {@code _id} = global position
 * of its first event, {@code count} positions taken; {@code heads}, {@code tails} and {@code eventIds} are
 * arrays under single-field unique indexes ({@code heads}: "seq:aggregateId" of every event of the commit, the first
 * of each aggregate first, so that no two commits hold the same event of an aggregate; {@code tails}: that of each
 * aggregate's last event; and the event ids; commits stored before session 7 list only each aggregate's first event
 * in {@code heads}). Single-field keys because the embedded server only answers equality on
 * single-field unique indexes quickly (a compound one is scanned), and arrays because one unit of work may
 * append to several aggregates. Tombstones are count-1 documents with synthetic keys and no events.
 */
final class CommitDocuments {

    static final String EVENTS = "events";
    static final String COUNTERS = "counters";
    static final String SNAPSHOTS = "snapshots";
    static final String POSITION_COUNTER = "events";

    static final String ID = "_id";
    static final String COUNT = "count";
    static final String TOMBSTONE = "tombstone";
    static final String HEADS = "heads";
    static final String TAILS = "tails";
    static final String EVENT_IDS = "eventIds";
    static final String EVENT_LIST = "events";
    static final String NEXT = "next";

    static final String TOMBSTONE_PREFIX = "~tombstone:";
    static final int DUPLICATE_KEY = 11000;

    private CommitDocuments() {
    }

    static String streamKey(long seq, String aggregateId) {
        return seq + ":" + aggregateId;
    }

    /** A commit of sealed events taking positions [firstPosition, firstPosition + events.size()). */
    static Document commit(long firstPosition, List<StoredEvent> events) {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        List<String> eventIds = new ArrayList<>(events.size());
        List<Document> eventDocs = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            ranges.merge(e.aggregateId(), new long[]{e.seq(), e.seq()},
                    (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            eventIds.add(e.eventId());
            eventDocs.add(e.toBson());
        }
        List<String> heads = new ArrayList<>(events.size());
        List<String> tails = new ArrayList<>(ranges.size());
        ranges.forEach((aggregate, range) -> {
            // every event's key, not only the first: two commits of one aggregate whose ranges overlap without sharing a first
            // or a last sequence number (0..2 and 1..1) are refused by the unique index, whatever a writer believed was last
            for (long seq = range[0]; seq <= range[1]; seq++) {
                heads.add(streamKey(seq, aggregate));
            }
            tails.add(streamKey(range[1], aggregate));
        });
        return new Document(ID, firstPosition)
                .append(COUNT, events.size())
                .append(TOMBSTONE, false)
                .append(HEADS, heads)
                .append(TAILS, tails)
                .append(EVENT_IDS, eventIds)
                .append(EVENT_LIST, eventDocs);
    }

    /** Offset of the value of {@code _id} in a document whose first field is an int64 {@code _id}: size, type, "_id\0". */
    private static final int ID_VALUE_OFFSET = 4 + 1 + 4;
    private static final byte BSON_INT64 = 0x12;

    /**
     * The commit encoded to BSON with the collection's codec; its first field must be {@code _id} as a long (as
     * {@link #commit} builds it).
     */
    static byte[] encode(Document commit, org.bson.codecs.Encoder<Document> codec) {
        org.bson.io.BasicOutputBuffer buffer = new org.bson.io.BasicOutputBuffer(2048);
        try (org.bson.BsonBinaryWriter writer = new org.bson.BsonBinaryWriter(buffer)) {
            codec.encode(writer, commit, org.bson.codecs.EncoderContext.builder().isEncodingCollectibleDocument(true).build());
        }
        byte[] bytes = buffer.toByteArray();
        if (bytes[4] != BSON_INT64 || bytes[5] != '_' || bytes[6] != 'i' || bytes[7] != 'd' || bytes[8] != 0) {
            throw new IllegalStateException("a commit's first field must be _id as an int64");
        }
        return bytes;
    }

    /** A copy of an encoded commit with {@code _id} = {@code position} (little-endian int64, as BSON stores it). */
    static org.bson.RawBsonDocument withId(byte[] encoded, long position) {
        byte[] bytes = encoded.clone();
        java.nio.ByteBuffer.wrap(bytes, ID_VALUE_OFFSET, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(position);
        return new org.bson.RawBsonDocument(bytes);
    }

    /** A tombstone at one position: unique synthetic keys, no events. */
    static Document tombstone(long position) {
        String synthetic = TOMBSTONE_PREFIX + position;
        return new Document(ID, position)
                .append(COUNT, 1)
                .append(TOMBSTONE, true)
                .append(HEADS, List.of(streamKey(0, synthetic)))
                .append(TAILS, List.of(streamKey(0, synthetic)))
                .append(EVENT_IDS, List.of(synthetic))
                .append(EVENT_LIST, List.of());
    }

    /**
     * Inserts tombstones at every position of [from, toExclusive), unordered; positions already taken are
     * left as they are. Returns how many tombstones were inserted.
     */
    static int insertTombstones(MongoCollection<Document> events, long from, long toExclusive) {
        if (toExclusive <= from) {
            return 0;
        }
        List<Document> tombstones = new ArrayList<>((int) Math.min(toExclusive - from, 10_000));
        for (long p = from; p < toExclusive; p++) {
            tombstones.add(tombstone(p));
        }
        try {
            events.insertMany(tombstones, new InsertManyOptions().ordered(false));
            return tombstones.size();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            return tombstones.size() - e.getWriteErrors().size();
        }
    }

    static long id(Document commit) {
        return commit.get(ID, Number.class).longValue();
    }

    static int count(Document commit) {
        Number n = commit.get(COUNT, Number.class);
        return n == null ? 1 : n.intValue();
    }

    static boolean isTombstone(Document commit) {
        return Boolean.TRUE.equals(commit.getBoolean(TOMBSTONE));
    }

    static List<StoredEvent> events(Document commit) {
        List<Document> docs = commit.getList(EVENT_LIST, Document.class, List.of());
        List<StoredEvent> events = new ArrayList<>(docs.size());
        for (Document d : docs) {
            events.add(StoredEvent.fromBson(d));
        }
        return events;
    }

    static boolean isDuplicateKey(Throwable e) {
        if (e instanceof MongoWriteException w) {
            return w.getError().getCode() == DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException b) {
            return !b.getWriteErrors().isEmpty()
                    && b.getWriteErrors().stream().allMatch(err -> err.getCode() == DUPLICATE_KEY);
        }
        return false;
    }

    /** Creates the unique indexes the engine's correctness rests on; idempotent. */
    static void ensureIndexes(MongoDatabase database) {
        MongoIndexes.ensure(database.getCollection(EVENTS));
    }
}
