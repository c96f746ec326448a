package mn.registry.tlog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The log's entries in log order, for the public register, the feed, open data and the web pages, read the two ways
 * that are fast on both the embedded server and a replica set (embedded-mongo.md): one cursor to catch up, and {@code _id $in} of the next ids at the head.
 * Only a contiguous prefix is ever returned: the first missing index stops a read, so no reader can skip an entry.
 */
public final class LogSource {

    /** One log entry: its index, the public record's canonical JSON (the leaf data) and the event's global position. */
    public record Entry(long logIndex, String leaf, long position) {
    }

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> state;

    public LogSource(MongoDatabase database) {
        this.entries = database.getCollection(LogCollections.ENTRIES);
        this.state = database.getCollection(LogCollections.STATE);
    }

    /** Entries {@code from, from+1, ...} up to {@code max} of them, stopping at the first one not written yet. */
    public List<Entry> read(long from, int max) {
        if (max <= 0) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(max);
        for (long i = from; i < from + max; i++) {
            ids.add(i);
        }
        Map<Long, Entry> found = new HashMap<>();
        for (Document d : entries.find(Filters.in("_id", ids))) {
            Entry e = entry(d);
            found.put(e.logIndex(), e);
        }
        List<Entry> out = new ArrayList<>(found.size());
        for (long i = from; i < from + max; i++) {
            Entry e = found.get(i);
            if (e == null) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** The entries at these indexes (those that exist), in the order asked. */
    public List<Entry> byIndexes(List<Long> indexes) {
        if (indexes.isEmpty()) {
            return List.of();
        }
        Map<Long, Entry> found = new HashMap<>();
        for (Document d : entries.find(Filters.in("_id", indexes))) {
            Entry e = entry(d);
            found.put(e.logIndex(), e);
        }
        return indexes.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Every entry from {@code from} in log order, below {@code below} (Long.MAX_VALUE: all), stopping at a gap; returns
     * the index after the last one given. One unsorted cursor (a sort makes the embedded server materialise and sort
     * the whole collection first); entries that arrive out of order wait in a small buffer until their turn.
     */
    public long stream(long from, long below, Consumer<Entry> sink) {
        long next = from;
        java.util.TreeMap<Long, Entry> early = new java.util.TreeMap<>();
        try (MongoCursor<Document> cursor = entries.find(from == 0 ? new Document() : Filters.gte("_id", from)).batchSize(2000).iterator()) {
            while (cursor.hasNext() && next < below) {
                Entry e = entry(cursor.next());
                if (e.logIndex() == next) {
                    sink.accept(e);
                    next++;
                    while (!early.isEmpty() && early.firstKey() == next && next < below) {
                        sink.accept(early.pollFirstEntry().getValue());
                        next++;
                    }
                } else if (e.logIndex() > next && e.logIndex() < below) {
                    early.put(e.logIndex(), e);
                }
            }
        }
        return next;
    }

    /** The size of the latest published checkpoint (entries below it have proofs), or 0 before the first. */
    public long checkpointSize() {
        Document pointer = state.find(Filters.eq("_id", LogCollections.LATEST_CHECKPOINT)).first();
        return pointer == null ? 0 : pointer.get(LogCollections.SIZE, Number.class).longValue();
    }

    private static Entry entry(Document d) {
        Number position = d.get(LogCollections.POSITION, Number.class);
        return new Entry(d.get("_id", Number.class).longValue(), d.getString(LogCollections.LEAF), position == null ? -1 : position.longValue());
    }
}
