package mn.registry.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static mn.registry.store.mongo.CommitDocuments.ID;

/**
 * Walks the chain of commits in global order: after the commit at {@code _id} p with count k comes the one
 * at p+k; documents off the chain (tombstones under a late writer's range) are skipped. It reads by {@code $in}
 * of the next ids (index lookups on both servers): 4 ids at the head, growing fourfold up to the batch size while
 * every id is found, and staying at the batch size while behind (ADR 0040: a range on {@code _id} is a scan of the
 * whole collection on the embedded server, every stored document read and decoded per query, so a catch-up by
 * range cursors slowed with the size of the store; by {@code $in} it reads only the commits it returns).
 * <p>
 * Memory is bounded by events, not commits (ADR 0034): ids are positions, so a query for the ids
 * [p, p + n) returns commits that start there and holds at most n + (largest commit - 1) events, whatever the
 * commits' sizes. The resume lookup reads only the ids and counts of at most {@value #RESUME_WINDOW} positions
 * back per step, then of growing windows of ids further back, by {@code $in} as well. A hole (the next id is
 * reserved by the counter but absent) is waited for when {@code mayBlock}, and closed with tombstones once it has
 * been open longer than the hole timeout (measured from the first time any reader of this engine saw it).
 */
final class ChainReader extends Spliterators.AbstractSpliterator<ChainReader.ChainEvent> implements AutoCloseable {

    /** One event with its global position. */
    record ChainEvent(long position, StoredEvent event) {
    }

    /** What the reader needs from the engine. */
    interface Chain {
        com.mongodb.client.MongoCollection<Document> events();

        /** The highest reserved position, or a lower bound of it (a reader then only stops early, never skips). */
        long reservedUpTo();

        /** Tombstones the hole at {@code position} if it has been open longer than the timeout; true if it did. */
        boolean closeHoleIfExpired(long position, long reservedUpTo);

        long pollIntervalMillis();

        int batchSize();

        /** Whether a reader of this engine has seen a commit end at {@code position} (so the next commit starts there). */
        default boolean isCommitBoundary(long position) {
            return false;
        }

        /** A reader walked the chain to {@code position}: a commit (or tombstone) ended there. */
        default void commitBoundary(long position) {
        }

        /**
         * The events of the commit stored at {@code _id} {@code position} if this engine inserted it and still holds
         * it (issue 15 target 1, ADR 0050: the node's own events reach its readers without being read back); null when
         * it must be read (another node's commit, a tombstone, a hole, or one no longer held).
         */
        default List<StoredEvent> heldCommit(long position) {
            return null;
        }
    }

    private static final int RESUME_WINDOW = 64;
    private static final int RESUME_WINDOW_CAP = 4_096;
    private static final int INITIAL_WINDOW_CAP = 4;
    private static final int MAX_RETRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(ChainReader.class);
    /** Readers need neither the unique keys nor the seals (the verifier reads those): less to encode and decode. */
    private static final Bson READ_PROJECTION = Projections.exclude(CommitDocuments.HEADS, CommitDocuments.TAILS,
            CommitDocuments.EVENT_IDS);
    /** The resume lookup needs where each commit starts and ends, not its events. */
    private static final Bson BOUNDS_PROJECTION = Projections.include(ID, CommitDocuments.COUNT, CommitDocuments.TOMBSTONE);

    private final Chain chain;
    private final boolean mayBlock;
    private final Deque<ChainEvent> buffer = new ArrayDeque<>();
    private long expected;
    private long skipBelow;
    private boolean ended;
    private int failures;
    private int window; // ids per $in query: small at the head, growing to batchSize while behind

    /** Reads events at positions greater than {@code afterPosition} (0 = from the start). */
    ChainReader(Chain chain, long afterPosition, boolean mayBlock) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.chain = chain;
        this.mayBlock = mayBlock;
        this.window = Math.min(INITIAL_WINDOW_CAP, chain.batchSize());
        long next = afterPosition + 1;
        this.skipBelow = next;
        // a reader resuming where an earlier one left the chain (the event store's producer after each poll) starts
        // there: the walk put that boundary; only an unknown position is looked up (a round trip per new reader)
        this.expected = next <= 1 ? 1 : chain.isCommitBoundary(next) ? next : startOfCommitCovering(next);
    }

    @Override
    public boolean tryAdvance(Consumer<? super ChainEvent> action) {
        while (buffer.isEmpty()) {
            if (ended || !fill()) {
                ended = true;
                close();
                return false;
            }
        }
        action.accept(buffer.poll());
        return true;
    }

    /** Events decoded and waiting to be handed on (for the memory bound's test). */
    int buffered() {
        return buffer.size();
    }

    /** Nothing held open: each query is read to its end before it returns. */
    @Override
    public void close() {
    }

    /**
     * Moves along the chain; false when the stream should end (at the head, or at a young hole without blocking).
     * A failed query is retried from the same position a few times: the embedded H2 backend can fail a long read
     * with "Chunk n not found" (H2 MVStore issues #2118, #4383) while the data is intact; the reader's state only
     * changes at commit boundaries, so a retry neither skips nor repeats an event.
     */
    private boolean fill() {
        try {
            boolean more = fillOnce();
            failures = 0;
            return more;
        } catch (MongoException e) {
            window = Math.min(INITIAL_WINDOW_CAP, chain.batchSize());
            if (++failures > MAX_RETRIES) {
                throw e;
            }
            log.warn("reading the event chain at position {} failed ({}); retrying", expected, e.getMessage());
            return true;
        }
    }

    private boolean fillOnce() {
        if (acceptHeld()) {
            return true; // this engine's own commits, from memory: no round trip
        }
        int window = this.window;
        long start = expected;
        if (chain.reservedUpTo() < start) {
            return false; // at the head: nothing reserved beyond what was read (a lower bound: look again next time)
        }
        List<Long> ids = new ArrayList<>(window);
        for (long p = start; p < start + window && (p == start || chain.heldCommit(p) == null); p++) {
            ids.add(p); // up to the next commit this engine holds: that one is taken from memory (ADR 0050)
        }
        Map<Long, Document> found = new HashMap<>();
        for (Document d : chain.events().find(Filters.in(ID, ids)).projection(READ_PROJECTION)) {
            found.put(CommitDocuments.id(d), d);
        }
        boolean advanced = false;
        Document next;
        while ((next = found.get(expected)) != null) {
            accept(next);
            advanced = true;
        }
        if (!advanced) {
            this.window = Math.min(INITIAL_WINDOW_CAP, chain.batchSize());
            return handleMissing();
        }
        if (expected >= start + window && window < chain.batchSize()) {
            this.window = Math.min(window * 4, chain.batchSize()); // behind: look further next time
        }
        return true;
    }

    private boolean handleMissing() {
        long reserved = chain.reservedUpTo();
        if (reserved < expected) {
            return false; // at the head: nothing reserved beyond what was read
        }
        Document late = chain.events().find(Filters.eq(ID, expected)).projection(READ_PROJECTION).first();
        if (late != null) {
            accept(late);
            return true;
        }
        if (chain.closeHoleIfExpired(expected, reserved)) {
            return true;
        }
        if (!mayBlock) {
            return false;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(chain.pollIntervalMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private void accept(Document commit) {
        take(CommitDocuments.id(commit), CommitDocuments.isTombstone(commit) ? List.of() : CommitDocuments.events(commit),
                CommitDocuments.count(commit));
    }

    /** The commit at chain id {@code id} taking {@code count} positions: its events from {@link #skipBelow} on, then the next id. */
    private void take(long id, List<StoredEvent> events, int count) {
        for (int i = 0; i < events.size(); i++) {
            long position = id + i;
            if (position >= skipBelow) {
                buffer.add(new ChainEvent(position, events.get(i)));
            }
        }
        expected = id + count;
        chain.commitBoundary(expected);
    }

    /**
     * Accepts the commits at {@link #expected} that this engine inserted and still holds, in chain order, as
     * {@link #accept} would from their documents (the same sealed events, the same count), up to a batch of events;
     * true if any.
     */
    private boolean acceptHeld() {
        boolean advanced = false;
        List<StoredEvent> held;
        // ADR 0034: at most a batch of events plus one commit decoded and waiting, as from the database
        while (buffer.size() < chain.batchSize() && (held = chain.heldCommit(expected)) != null) {
            take(expected, held, held.size());
            advanced = true;
        }
        return advanced;
    }

    /**
     * The chain id of the commit holding {@code position}: the covering document with the smallest id (a real
     * commit always precedes a tombstone at a position inside it). Looks back {@value #RESUME_WINDOW} ids by
     * {@code $in}, then, for larger commits only, through the ids further back by {@code $in} of windows growing
     * fourfold up to {@value #RESUME_WINDOW_CAP} ids (ADR 0040: index lookups, where a range on {@code _id} would
     * read every stored document on the embedded server). Only the found documents' ids and counts are returned.
     */
    private long startOfCommitCovering(long position) {
        long next = position; // the highest id not looked at yet
        Long start = null;
        for (int window = RESUME_WINDOW; start == null && next > 0; window = Math.min(window * 4, RESUME_WINDOW_CAP)) {
            List<Long> ids = new ArrayList<>(window);
            for (; next > 0 && ids.size() < window; next--) {
                ids.add(next);
            }
            List<Document> candidates = chain.events().find(Filters.in(ID, ids)).projection(BOUNDS_PROJECTION)
                    .into(new ArrayList<>());
            start = coveringOrBoundary(candidates, position);
        }
        return start == null ? position : start;
    }

    private static Long coveringOrBoundary(List<Document> candidates, long position) {
        Long covering = null;
        boolean boundary = false;
        for (Document d : candidates) {
            long id = CommitDocuments.id(d);
            long end = id + CommitDocuments.count(d);
            if (id <= position && end > position && (covering == null || id < covering)) {
                covering = id;
            }
            if (end == position && !CommitDocuments.isTombstone(d)) {
                boundary = true;
            }
        }
        if (covering != null) {
            return covering;
        }
        return boundary ? position : null;
    }
}
