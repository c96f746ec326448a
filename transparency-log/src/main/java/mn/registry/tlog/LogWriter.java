package mn.registry.tlog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import mn.registry.kernel.pki.RegistryKey;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The log's one writer: appends public records as leaves (entries, then tiles, then the tree size; ADR 0004) and
 * publishes signed, time-stamped checkpoints of the tree when it has grown. Used by the sequencer and the checkpoint
 * schedule of the command side; single writer by design (the sequencer's one segment).
 */
public final class LogWriter {

    private final LogAppender appender;
    private final CheckpointPublisher publisher;
    private final MongoCollection<Document> checkpoints;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param origin        the checkpoint origin (and log key name)
     * @param checkpointKey signs the checkpoints
     * @param tsaKey        time-stamps them (RFC 3161)
     * @param durable       makes every write so far durable (the store's group commit); a checkpoint is signed only
     *                      over entries and tiles that a crash cannot take back
     */
    public LogWriter(MongoDatabase database, String origin, RegistryKey checkpointKey, RegistryKey tsaKey, Clock clock, Runnable durable) {
        this.appender = new LogAppender(database);
        this.publisher = new CheckpointPublisher(database, origin, checkpointKey, tsaKey, clock, durable);
        this.checkpoints = database.getCollection(LogCollections.CHECKPOINTS);
    }

    /** Creates the unique index on the entries' event id (a redelivered event finds its entry). */
    public void ensureIndexes() {
        appender.ensureIndexes();
    }

    /**
     * Appends the leaf of event {@code eventId} (its public record's canonical bytes) unless it is there already;
     * returns its log index either way. {@code position} is the event's global position, {@code commandId} the signed
     * command behind it (or null).
     */
    public long append(String eventId, byte[] leafData, long position, String commandId) {
        return appender.append(eventId, leafData, new Document(LogCollections.POSITION, position).append(LogCollections.COMMAND_ID, commandId));
    }

    /** One public record to append: its event's id, the leaf (the record's canonical bytes), global position and command id (or null). */
    public record Leaf(String eventId, byte[] leafData, long position, String commandId) {
    }

    /**
     * Appends the leaves of a batch in their order, each unless its event has an entry already, with a few writes for the whole
     * batch instead of a few per leaf (ADR 0048); returns each one's log index, in the order given.
     */
    public long[] appendAll(List<Leaf> leaves) {
        return appender.appendAll(leaves.stream().map(l -> new LogAppender.Leaf(l.eventId(), l.leafData(),
                new Document(LogCollections.POSITION, l.position()).append(LogCollections.COMMAND_ID, l.commandId()))).toList());
    }

    /** The tree size: leaves whose hashes are in the tiles. */
    public long size() {
        return appender.size();
    }

    /** Publishes a checkpoint of the current tree if none covers it yet; returns the size published, if any. */
    public Optional<Long> publishCheckpointIfGrown() {
        Optional<Long> published = publisher.publishIfGrown();
        published.ifPresent(size -> listeners.forEach(l -> l.accept(size)));
        return published;
    }

    /**
     * Tells {@code listener} the size of each checkpoint this writer publishes, once it is the latest: a reader in the
     * same process serves it at once instead of at its next re-read of the latest checkpoint (issue 15 target 6).
     */
    public void onPublished(LongConsumer listener) {
        listeners.add(listener);
    }

    /** A published checkpoint as stored: its tree size, signed note and when it was published. */
    public record Stored(long size, String note, Instant publishedAt) {
    }

    /** The first published checkpoint that covers log index {@code index} (its size is above it), if any yet. */
    public Optional<Stored> firstCheckpointCovering(long index) {
        Document d = checkpoints.find(Filters.gt("_id", index)).sort(Sorts.ascending("_id")).first();
        return d == null ? Optional.empty() : Optional.of(new Stored(d.get("_id", Number.class).longValue(),
                d.getString(LogCollections.NOTE), d.getDate(LogCollections.PUBLISHED_AT).toInstant()));
    }
}
