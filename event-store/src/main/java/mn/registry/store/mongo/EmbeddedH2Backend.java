package mn.registry.store.mongo;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.MongoDatabase;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import java.util.List;

/**
 * mongo-java-server's H2 backend with cheaper index lookups and the same file format.
 *
 * <p>The backend keeps each unique index as an H2 map keyed by mongo-java-server's {@link KeyValue}, a type
 * H2's {@link ObjectDataType} does not know, so H2 orders such keys by their Java serialization: every
 * comparison in a B-tree search serializes both keys (about 2·log₂ n serializations per lookup, the largest
 * single cost of the embedded server in the registry's profiles). This backend opens the index maps with
 * {@link KeyOrder}, which compares exactly as H2 does (the same serialized bytes, the same order, so files
 * written by either backend read correctly with the other) but serializes each key object once and
 * remembers its bytes.
 */
final class EmbeddedH2Backend extends H2Backend {

    /** Write commands: applied under the shared side of {@link #consistency}; {@link #committingEveryWrite} commits after each. */
    private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "drop", "dropindexes", "create", "dropdatabase");

    /** How often the file is committed when nobody asks (H2's own auto-commit, which this backend turns off, also ran about once a second). */
    static final java.time.Duration COMMIT_INTERVAL = java.time.Duration.ofSeconds(1);

    private final boolean commitEveryWrite;
    /**
     * A write command changes a collection's data map and then each of its index maps, in separate map operations. H2's
     * background auto-commit could write the file between the two, and a {@code kill -9} right after left a document
     * without its {@code _id} index entry: the next insert of that id then failed with "already existed" (error -1)
     * instead of a duplicate key (11000), and a search by {@code _id} did not find the document (seen once by
     * KillNineUnderLoadTest). So auto-commit is off, write commands hold the shared side of this lock, and a commit
     * holds the exclusive side: the file only ever holds states between whole write commands.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock consistency = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final java.util.concurrent.ScheduledExecutorService committer;

    EmbeddedH2Backend(MVStore store) {
        this(store, false);
    }

    private EmbeddedH2Backend(MVStore store, boolean commitEveryWrite) {
        super(store);
        this.commitEveryWrite = commitEveryWrite;
        this.committer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-mongo-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commitQuietly, COMMIT_INTERVAL.toMillis(), COMMIT_INTERVAL.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Bytes above which H2 splits a B-tree page (H2's default for a file is 16 KiB). Every commit rewrites each page
     * changed since the last one whole, Java-serializing every document in it again (8.6 % of the registry's CPU in a
     * profile of signed commands, ADR 0019): smaller pages re-serialize fewer unchanged documents per commit. The
     * file format does not depend on it.
     */
    static final int PAGE_SPLIT_SIZE = Integer.getInteger("registry.h2.pageSplitSize", 4 * 1024);

    /** The H2 file with auto-commit off: {@link #commit()} (on request and every {@link #COMMIT_INTERVAL}) writes it. */
    static MVStore openStore(String fileName) {
        return new MVStore.Builder().fileName(fileName).autoCommitDisabled().pageSplitSize(PAGE_SPLIT_SIZE).open();
    }

    static EmbeddedH2Backend open(String fileName) {
        return new EmbeddedH2Backend(openStore(fileName));
    }

    /**
     * A backend that writes each write command to the file before the command is answered: for the server run as a
     * process of its own, whose clients cannot ask it to commit (ADR 0016). Concurrent writers share a commit: a
     * commit that finds nothing unsaved returns at once.
     */
    static EmbeddedH2Backend committingEveryWrite(String fileName) {
        return new EmbeddedH2Backend(openStore(fileName), true);
    }

    boolean commitsEveryWrite() {
        return commitEveryWrite;
    }

    @Override
    public de.bwaldvogel.mongo.bson.Document handleMessage(de.bwaldvogel.mongo.wire.message.MongoMessage message) {
        boolean write = !message.getDocument().isEmpty()
                && WRITES.contains(message.getDocument().keySet().iterator().next().toLowerCase(java.util.Locale.ROOT));
        if (!write) {
            return super.handleMessage(message);
        }
        de.bwaldvogel.mongo.bson.Document answer;
        consistency.readLock().lock();
        try {
            answer = super.handleMessage(message);
        } finally {
            consistency.readLock().unlock();
        }
        if (commitEveryWrite) {
            commit();
        }
        return answer;
    }

    /** Writes the file between whole write commands (see {@link #consistency}). */
    @Override
    public void commit() {
        consistency.writeLock().lock();
        try {
            if (!getMvStore().isClosed()) {
                super.commit();
            }
        } finally {
            consistency.writeLock().unlock();
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(EmbeddedH2Backend.class).warn("periodic commit of the embedded MongoDB file failed; the next one retries", e);
        }
    }

    @Override
    public void close() {
        committer.shutdownNow();
        commit();
        super.close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    /** Opens each index map with {@link KeyOrder} before the backend's own code asks the store for it by name. */
    private final class Database extends H2Database {

        Database(String databaseName, CursorRegistry cursors) {
            super(databaseName, getMvStore(), cursors);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // the map name H2Database uses for an index; once open, the store hands this map (with KeyOrder) to it
            getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyOrder()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /**
     * H2's order of {@link KeyValue} keys (their serialized bytes, compared as signed bytes), with each key
     * object's bytes remembered in a small direct-mapped cache by identity: the key searched for is one object
     * across a whole B-tree search, and keys stored in cached pages are the same objects from search to search.
     * Reading and writing are {@link ObjectDataType}'s own.
     */
    static final class KeyOrder extends ObjectDataType {

        private static final int SLOTS = 1 << 15;
        private static final Remembered[] REMEMBERED = new Remembered[SLOTS];

        /** A key object and its serialized bytes; immutable, so safe to publish through the shared array. */
        private record Remembered(Object key, byte[] bytes) {
        }

        @Override
        public int compare(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            if (a instanceof KeyValue && b instanceof KeyValue) {
                return ObjectDataType.compareNotNull(bytes(a), bytes(b));
            }
            return super.compare(a, b);
        }

        static byte[] bytes(Object key) {
            int slot = System.identityHashCode(key) & (SLOTS - 1);
            Remembered remembered = REMEMBERED[slot];
            if (remembered != null && remembered.key() == key) {
                return remembered.bytes();
            }
            byte[] bytes = ObjectDataType.serialize(key);
            REMEMBERED[slot] = new Remembered(key, bytes);
            return bytes;
        }
    }
}
