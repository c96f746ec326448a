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

import java.util.List;

/**
 * mongo-java-server's H2 backend, with its documents and index keys in a compact form (ADR 0025).
 *
 * <p>The plain backend lets H2's {@link org.h2.mvstore.type.ObjectDataType} write the documents and the unique
 * indexes' {@link KeyValue} keys, types it does not know: it Java-serializes every document of every page changed at
 * each commit, and orders index keys by their serialized bytes (each comparison of a B-tree search serializes). This
 * backend writes documents and keys in {@link EmbeddedStorageEncoding}'s form and compares keys by their values. Files
 * of earlier releases open: their documents read as written (each value says its form) and their index maps are
 * rebuilt once in the new order ({@link #openIndexMap}). A file written by this backend is not readable by the plain
 * one or by an earlier release.
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
    /** The commits' counter for the benchmarks (null unless counting, {@link FileCommits}). */
    private final FileCommits counted;

    EmbeddedH2Backend(MVStore store) {
        this(store, false);
    }

    private EmbeddedH2Backend(MVStore store, boolean commitEveryWrite) {
        super(store);
        this.commitEveryWrite = commitEveryWrite;
        this.counted = FileCommits.ifEnabled(store);
        this.committer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-mongo-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commitAndKeepHouseQuietly, COMMIT_INTERVAL.toMillis(), COMMIT_INTERVAL.toMillis(),
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
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().pageSplitSize(PAGE_SPLIT_SIZE).open();
        if (RETENTION_MILLIS != null) {
            store.setRetentionTime(RETENTION_MILLIS);
        }
        return store;
    }

    /**
     * How long H2 keeps a chunk with no live page before reusing its space, and how old a chunk must be before housekeeping
     * moves its live pages: H2's 45 s unless set, for tests that want housekeeping at once ({@code KillNineUnderLoadTest}
     * run with it at 0, ADR 0067).
     */
    static final Integer RETENTION_MILLIS = Integer.getInteger("registry.h2.retentionMillis");

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
            commitHoldingTheLock();
        } finally {
            consistency.writeLock().unlock();
        }
    }

    private void commitHoldingTheLock() {
        MVStore store = getMvStore();
        if (store.isClosed()) {
            return;
        }
        if (counted == null) {
            super.commit();
            return;
        }
        counted.beforeCommit();
        long version = store.getCurrentVersion();
        long start = System.nanoTime();
        long cpu = FileCommits.cpuNanos();
        super.commit();
        if (store.getCurrentVersion() != version) {
            counted.committed(System.nanoTime() - start, FileCommits.cpuNanos() - cpu);
        }
    }

    /**
     * Whether the 1 s committer also keeps the file's house (ADR 0067; off unless {@code -Dregistry.h2.housekeeping=true}): H2
     * rewrites the live pages of old, mostly empty chunks only from its own background writer, which runs with auto-commit,
     * which this backend turns off, so every chunk that keeps one live page stays in the file. Tried under load and not kept on:
     * it did not lower a commit's cost and cost CPU (docs/benchmarks.md, session 24).
     */
    static final boolean HOUSEKEEPING = Boolean.getBoolean("registry.h2.housekeeping");
    /** Housekeeping runs while less than this percentage of the chunks' bytes is live. */
    static final int HOUSEKEEPING_FILL_RATE = Integer.getInteger("registry.h2.housekeepingFillRate", 50);
    /** The most live bytes one housekeeping pass moves out of old chunks (one pass a second). */
    static final int HOUSEKEEPING_BYTES = Integer.getInteger("registry.h2.housekeepingBytes", 512 * 1024);

    /** The committer's pass: the commit, then, if asked, a housekeeping pass. */
    private void commitAndKeepHouse() {
        commit();
        if (HOUSEKEEPING) {
            keepHouse();
        }
    }

    /**
     * One bounded housekeeping pass, then the commit of what it moved. It copies the live pages of the emptiest chunks older
     * than H2's retention time, unchanged, into the unsaved tree: it changes no document, so it does not take the consistency
     * lock and write commands go on meanwhile (H2 holds its own store lock for it, so a commit waits for it). Only
     * {@link #commit()} writes the file, under the lock, so the file still holds only states between whole write commands; an
     * old chunk is freed only once nothing in the last written version points into it.
     */
    void keepHouse() {
        MVStore store = getMvStore();
        if (store.isClosed()) {
            return;
        }
        long start = System.nanoTime();
        if (store.compact(HOUSEKEEPING_FILL_RATE, HOUSEKEEPING_BYTES)) {
            commit();
            if (counted != null) {
                counted.housekept(System.nanoTime() - start);
            }
        }
    }

    private void commitAndKeepHouseQuietly() {
        try {
            commitAndKeepHouse();
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

    /**
     * Opens each collection's data map and each unique index's map in the compact form (ADR 0025) before the backend's
     * own code asks the store for it by name (the store then hands it the map already open).
     */
    private final class Database extends H2Database {

        Database(String databaseName, CursorRegistry cursors) {
            super(databaseName, getMvStore(), cursors);
        }

        @Override
        protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String collectionName,
                de.bwaldvogel.mongo.backend.CollectionOptions options) {
            // the map name H2Database uses for a collection's documents
            getMvStore().openMap(DATA_PREFIX + getFullCollectionNamespace(collectionName),
                    new MVMap.Builder<Object, Object>().keyType(new EmbeddedStorageEncoding.ObjectValues())
                            .valueType(new EmbeddedStorageEncoding.DocumentValues()));
            return super.openOrCreateCollection(collectionName, options);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // the map name H2Database uses for an index
            openIndexMap(getMvStore(), getFullCollectionNamespace(collectionName) + "._index_" + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /** H2Database's prefix of a collection's data map. */
    static final String DATA_PREFIX = "databases.";
    /** Index map name → key form, for the index maps in the compact form (a map not listed was written before). */
    static final String KEY_FORMATS = "~embedded.indexKeyFormat";
    static final String COMPACT_KEYS = "compact-1";

    /**
     * Opens an index map with {@link EmbeddedStorageEncoding.CompactKeys}. A map written by an earlier release is
     * ordered by its keys' Java-serialized bytes, an order the compact keys do not keep, so it is rebuilt once into a
     * map of the compact form under the same name; the rebuild is part of the store's next commit (auto-commit is off),
     * so a crash before it leaves the old map whole and the next start rebuilds again.
     */
    static void openIndexMap(MVStore store, String name) {
        MVMap.Builder<KeyValue, Object> compact = new MVMap.Builder<KeyValue, Object>()
                .keyType(new EmbeddedStorageEncoding.CompactKeys()).valueType(new EmbeddedStorageEncoding.ObjectValues());
        MVMap<String, String> formats = store.openMap(KEY_FORMATS);
        if (!store.hasMap(name)) {
            store.openMap(name, compact);
            formats.put(name, COMPACT_KEYS);
            return;
        }
        if (COMPACT_KEYS.equals(formats.get(name))) {
            store.openMap(name, compact);
            return;
        }
        MVMap<Object, Object> written = store.openMap(name);
        String rebuiltName = name + "~rebuilt";
        if (store.hasMap(rebuiltName)) {
            store.removeMap(rebuiltName);
        }
        MVMap<KeyValue, Object> rebuilt = store.openMap(rebuiltName, compact);
        for (java.util.Map.Entry<Object, Object> entry : written.entrySet()) {
            rebuilt.put((KeyValue) entry.getKey(), entry.getValue());
        }
        store.removeMap(written);
        store.renameMap(rebuilt, name);
        formats.put(name, COMPACT_KEYS);
        org.slf4j.LoggerFactory.getLogger(EmbeddedH2Backend.class)
                .info("index {} rebuilt in the compact key form ({} keys)", name, rebuilt.sizeAsLong());
    }
}
