package mn.registry.publicregister;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The public register's search index (ADR 0017): a Lucene index in this node's memory, derived from the register
 * this node folded from the shared log, one document per entry. It is a cache: built whole from the register's entries
 * at start and at a rebuild's switch, and updated with the entries each batch of log records changed, under the same
 * lock that applies the records, before the new register is served; each served {@link RegisterView} holds the reader
 * of exactly its own entries. Not thread-safe: one writer (the register's log reader); only {@link #of} uses threads of its own.
 *
 * <p>Names and numbers are folded ({@link NameFolding}) and split into words; every word is indexed whole
 * ({@code *_tok}), as its starts ({@code *_pfx}: edge n-grams of 1 to {@value #MAX_PARTED} characters) and as all its
 * parts ({@code *_sub}: every n-gram of a word of up to {@value #MAX_PARTED} characters), so a prefix or a partial
 * match is one term lookup, not a prefix query expanded over the term dictionary (ADR 0033: those expansions were most
 * of a search box query's CPU). A number is also indexed without its separators
 * ({@code P-2026-000001} as {@code p2026000001}), and a permit also under the receipt number it was issued on
 * ({@code SP-2026-000001}: the same year and serial).
 */
final class RegisterIndex implements AutoCloseable {

    static final String KEY = "key";
    static final String KIND = "kind";
    static final String KIND_DV = "kind_dv";
    static final String KIND_ORD = "kind_ord";
    static final String ID = "id";
    static final String STATUS = "status";
    static final String STATUS_DV = "status_dv";
    static final String ZONE = "zone";
    static final String ZONE_DV = "zone_dv";
    static final String ACTIVITY = "activity";
    static final String ACTIVITY_DV = "activity_dv";
    static final String SINCE = "since";
    /** The searched text fields: the entry's name, a land licence holder's name, the number. */
    static final String NAME = "name";
    static final String HOLDER = "holder";
    static final String NUMBER = "number";
    static final String WORDS = "_tok";
    /** Edge n-grams: a word's starts of 1 to {@link #MAX_PARTED} characters. */
    static final String STARTS = "_pfx";
    /** N-grams: every part of a word of up to {@link #MAX_PARTED} characters. */
    static final String PARTS = "_sub";
    /**
     * Words longer than this are indexed whole and by their starts up to this length, but not by their parts (no name
     * has one; a pasted hash might); a longer query word is matched as a prefix of the whole words.
     */
    private static final int MAX_PARTED = 40;

    /** The commit user data naming the register state an index on disk holds ({@code generation:logSize}, ADR 0044). */
    static final String COMMITTED_REGISTER = "register";
    /** The commit user data holding how many entries the committed register had (a second check at load). */
    static final String COMMITTED_ENTRIES = "entries";

    private final IndexWriter writer;
    /** Where the index lives on disk (ADR 0044); null: in memory only. */
    private final java.nio.file.Path folder;
    private RegisterSearcher latest;
    private int documents;
    /** The register state last committed to disk (null: none). */
    private String committed;
    /** Whether this index was opened from disk at start rather than built. */
    private boolean reused;
    /** Closed at the register's stop, its folder kept. */
    private boolean released;

    private RegisterIndex() {
        this(new ByteBuffersDirectory(), null, IndexWriterConfig.OpenMode.CREATE);
    }

    private RegisterIndex(org.apache.lucene.store.Directory directory, java.nio.file.Path folder, IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(mode);
        config.setCommitOnClose(false);
        config.setRAMBufferSizeMB(32);
        this.folder = folder;
        try {
            writer = new IndexWriter(directory, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The index of these entries kept on disk under {@code base} (ADR 0044): the index committed there whose commit names
     * exactly this register state ({@code key}, and as many documents as entries) is opened and followed on; else (none,
     * another state: a crash between the register's snapshot and the index's commit, the other's generation, a damaged
     * index) a new one is built in a folder of its own and committed. Folders of other states are deleted.
     */
    static RegisterIndex onDisk(java.nio.file.Path base, Collection<RegisterEntry> entries, String key) {
        try {
            createPrivate(base);
            RegisterIndex found = null;
            List<java.nio.file.Path> folders;
            try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(base)) {
                folders = list.filter(java.nio.file.Files::isDirectory).sorted().toList();
            }
            for (java.nio.file.Path f : folders) {
                if (found == null && matches(f, entries.size(), key)) {
                    try {
                        RegisterIndex index = new RegisterIndex(cached(f), f, IndexWriterConfig.OpenMode.APPEND);
                        index.documents = entries.size();
                        index.committed = key;
                        index.reused = true;
                        found = index;
                        continue;
                    } catch (RuntimeException | IOException unusable) {
                        // damaged or locked: built anew below
                    }
                }
                delete(f);
            }
            if (found != null) {
                return found;
            }
            java.nio.file.Path folder = base.resolve("index-" + System.currentTimeMillis() + "-" + java.util.UUID.randomUUID());
            RegisterIndex built = of(entries, builders(entries), new RegisterIndex(cached(folder), folder,
                    IndexWriterConfig.OpenMode.CREATE));
            built.commit(key, entries.size());
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A folder's directory, the small segments each batch of log records makes kept in memory until a commit (Lucene's
     * {@code NRTCachingDirectory}): the register refreshes its reader every poll, and a file per poll would be churn.
     */
    private static org.apache.lucene.store.Directory cached(java.nio.file.Path folder) throws IOException {
        createPrivate(folder);
        return new org.apache.lucene.store.NRTCachingDirectory(new PrivateFiles(org.apache.lucene.store.FSDirectory.open(folder), folder), 4, 32);
    }

    /** A folder the service account's alone (0700, as the data directory wants it: ADR 0014). */
    private static void createPrivate(java.nio.file.Path folder) throws IOException {
        mn.registry.keystore.OwnerOnly.createDirectories(folder);
        narrow(folder, mn.registry.keystore.OwnerOnly.DIRECTORY); // a folder left by an older start is narrowed too
    }

    private static void narrow(java.nio.file.Path p, java.util.Set<java.nio.file.attribute.PosixFilePermission> mode) {
        try {
            java.nio.file.Files.setPosixFilePermissions(p, mode);
        } catch (UnsupportedOperationException | IOException notPosixOrGone) {
            // not a POSIX file system, or the file went meanwhile
        }
    }

    /**
     * Lucene's files in the data directory made the service account's alone as they are created (0600): libraries
     * honour only the umask, and the registry refuses to start on a data directory others may read (ADR 0014).
     */
    private static final class PrivateFiles extends org.apache.lucene.store.FilterDirectory {
        private final java.nio.file.Path folder;

        PrivateFiles(org.apache.lucene.store.Directory in, java.nio.file.Path folder) {
            super(in);
            this.folder = folder;
        }

        @Override
        public org.apache.lucene.store.IndexOutput createOutput(String name, org.apache.lucene.store.IOContext context) throws IOException {
            org.apache.lucene.store.IndexOutput out = super.createOutput(name, context);
            narrow(folder.resolve(name), mn.registry.keystore.OwnerOnly.FILE);
            return out;
        }

        @Override
        public org.apache.lucene.store.IndexOutput createTempOutput(String prefix, String suffix, org.apache.lucene.store.IOContext context)
                throws IOException {
            org.apache.lucene.store.IndexOutput out = super.createTempOutput(prefix, suffix, context);
            narrow(folder.resolve(out.getName()), mn.registry.keystore.OwnerOnly.FILE);
            return out;
        }

        @Override
        public org.apache.lucene.store.Lock obtainLock(String name) throws IOException {
            org.apache.lucene.store.Lock lock = super.obtainLock(name);
            narrow(folder.resolve(name), mn.registry.keystore.OwnerOnly.FILE);
            return lock;
        }
    }

    /** Whether the index committed in this folder holds the register state {@code key} of {@code entries} entries. */
    private static boolean matches(java.nio.file.Path folder, int entries, String key) {
        try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(folder);
             DirectoryReader reader = DirectoryReader.open(d)) {
            java.util.Map<String, String> data = reader.getIndexCommit().getUserData();
            return key.equals(data.get(COMMITTED_REGISTER)) && String.valueOf(entries).equals(data.get(COMMITTED_ENTRIES))
                    && reader.numDocs() == entries;
        } catch (IOException | RuntimeException damaged) {
            return false;
        }
    }

    /**
     * Deletes an index folder, holding its write lock while its files go (best effort: a folder whose lock another writer
     * holds is another node's on a shared data directory, or this node's still in use, and stays).
     */
    private static void delete(java.nio.file.Path folder) {
        try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(folder);
             org.apache.lucene.store.Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : d.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    try {
                        d.deleteFile(file);
                    } catch (IOException ignored) {
                        // left for the next start
                    }
                }
            }
        } catch (org.apache.lucene.store.LockObtainFailedException held) {
            return;
        } catch (IOException | RuntimeException ignored) {
            return;
        }
        try {
            java.nio.file.Files.deleteIfExists(folder.resolve(IndexWriter.WRITE_LOCK_NAME));
            java.nio.file.Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // an empty folder left for the next start
        }
    }

    /**
     * Commits the index on disk as the register state {@code key} of {@code entries} entries (nothing for an index in memory, or one committed at
     * that state already). The caller holds the register's lock, so the index holds exactly that state's entries.
     */
    void commit(String key, int entries) {
        if (folder == null || key.equals(committed)) {
            return;
        }
        try {
            writer.setLiveCommitData(java.util.Map.of(COMMITTED_REGISTER, key, COMMITTED_ENTRIES,
                    String.valueOf(entries)).entrySet());
            writer.commit();
            committed = key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this index was opened from disk (not built) at start. */
    boolean reused() {
        return reused;
    }

    /** Where this index lives on disk (null: in memory). */
    java.nio.file.Path folder() {
        return folder;
    }

    /** Closes the index and deletes its folder (an index replaced by another), unless it was {@link #release released}. */
    void discard() {
        if (released) {
            return;
        }
        close();
        if (folder != null) {
            delete(folder);
        }
    }

    /** Closes the writer of an index on disk, keeping its folder for the next start (the register stops). */
    void release() {
        if (folder != null && !released) {
            released = true;
            close();
        }
    }

    /** Entries per thread below which building the index whole uses one thread. */
    private static final int ENTRIES_PER_BUILDER = 5_000;

    /**
     * A new index of these entries. Built whole at start and at a rebuild's switch, by as many threads as there are cores
     * (Lucene's {@code IndexWriter} takes documents from several threads, each into a segment of its own): the n-grams of
     * ADR 0033 made the build the largest share of the register's time to catch up after a restart (session 9, target 7).
     * The order of the documents in the index does not change any answer: searches sort by score, kind and id.
     */
    static RegisterIndex of(Collection<RegisterEntry> entries) {
        return of(entries, builders(entries));
    }

    private static int builders(Collection<RegisterEntry> entries) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), entries.size() / ENTRIES_PER_BUILDER));
    }

    /** A new index of these entries, built by {@code builders} threads. */
    static RegisterIndex of(Collection<RegisterEntry> entries, int builders) {
        return of(entries, builders, new RegisterIndex());
    }

    private static RegisterIndex of(Collection<RegisterEntry> entries, int builders, RegisterIndex index) {
        List<RegisterEntry> all = List.copyOf(entries);
        if (builders == 1) {
            index.add(all, 0, 1);
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(builders - 1, r -> {
                Thread t = new Thread(r, "register-index-build");
                t.setDaemon(true);
                return t;
            });
            try {
                List<java.util.concurrent.Future<?>> others = new java.util.ArrayList<>();
                for (int slice = 1; slice < builders; slice++) {
                    int s = slice;
                    others.add(pool.submit(() -> index.add(all, s, builders)));
                }
                index.add(all, 0, builders);
                for (java.util.concurrent.Future<?> other : others) {
                    other.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the register's search index", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        index.documents = all.size();
        return index;
    }

    /** Adds every {@code step}-th entry from {@code first}. */
    private void add(List<RegisterEntry> all, int first, int step) {
        try {
            for (int i = first; i < all.size(); i += step) {
                writer.addDocument(document(all.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies entries that changed (added or replaced, by kind and id) and returns a searcher over the index as it then
     * stands; the caller owns one reference to it ({@link RegisterSearcher#release()} when it is no longer served).
     */
    RegisterSearcher refresh(Collection<RegisterEntry> changed) {
        try {
            for (RegisterEntry e : changed) {
                writer.updateDocument(new Term(KEY, key(e.kind(), e.id())), document(e));
            }
            DirectoryReader reader = latest == null ? DirectoryReader.open(writer) : DirectoryReader.openIfChanged(latest.reader(), writer);
            if (reader == null) {
                latest.reader().incRef();
                return latest;
            }
            latest = new RegisterSearcher(reader);
            return latest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entries indexed at build (for the start-up log line). */
    int built() {
        return documents;
    }

    /** Bytes the index holds in memory (the directory and the writer's buffer). */
    long ramBytes() {
        return writer.ramBytesUsed() + (latest == null ? 0 : sizeOf(latest.reader()));
    }

    private static long sizeOf(DirectoryReader reader) {
        try {
            long bytes = 0;
            for (String file : reader.directory().listAll()) {
                try {
                    bytes += reader.directory().fileLength(file);
                } catch (IOException | RuntimeException gone) {
                    // merged away meanwhile
                }
            }
            return bytes;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Stops writing; searchers handed out stay readable until released. */
    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String key(RegisterKind kind, String id) {
        return kind.path() + "/" + id;
    }

    static Document document(RegisterEntry e) {
        Document d = new Document();
        d.add(new StringField(KEY, key(e.kind(), e.id()), Field.Store.NO));
        d.add(new StringField(KIND, e.kind().path(), Field.Store.NO));
        d.add(new SortedDocValuesField(KIND_DV, new BytesRef(e.kind().path())));
        d.add(new NumericDocValuesField(KIND_ORD, e.kind().ordinal()));
        d.add(new SortedDocValuesField(ID, new BytesRef(e.id())));
        if (e.status() != null) {
            d.add(new StringField(STATUS, status(e.status()), Field.Store.NO));
            d.add(new SortedDocValuesField(STATUS_DV, new BytesRef(e.status())));
        }
        if (e.zoneId() != null) {
            d.add(new StringField(ZONE, zone(e.zoneId()), Field.Store.NO));
            d.add(new SortedDocValuesField(ZONE_DV, new BytesRef(e.zoneId())));
        }
        for (String activity : new LinkedHashSet<>(e.activities())) {
            d.add(new StringField(ACTIVITY, activity(activity), Field.Store.NO));
            d.add(new SortedSetDocValuesField(ACTIVITY_DV, new BytesRef(activity)));
        }
        if (e.since() != null) {
            d.add(new LongPoint(SINCE, e.since().toEpochDay()));
        }
        text(d, NAME, words(e.name()));
        if (e.kind() == RegisterKind.LAND_LICENCE) {
            text(d, HOLDER, words(e.details().path("holderName").asText(null)));
        }
        Set<String> number = numberWords(e.number());
        if (e.kind() == RegisterKind.PERMIT && e.number() != null && e.number().startsWith("P-")) {
            // 002 art. 26.6.6: P-2026-000123 is the permit of receipt SP-2026-000123, the number its applicant was given
            number.addAll(numberWords("S" + e.number()));
        }
        text(d, NUMBER, number);
        return d;
    }

    private static void text(Document d, String field, Set<String> words) {
        Set<String> starts = new LinkedHashSet<>();
        Set<String> parts = new LinkedHashSet<>();
        for (String w : words) {
            d.add(new StringField(field + WORDS, w, Field.Store.NO));
            starts.addAll(grams(w, true));
            parts.addAll(grams(w, false));
        }
        for (String p : starts) {
            d.add(new StringField(field + STARTS, p, Field.Store.NO));
        }
        for (String p : parts) {
            d.add(new StringField(field + PARTS, p, Field.Store.NO));
        }
    }

    /**
     * A word's starts (edge n-grams, of at most {@value #MAX_PARTED} characters) or all its parts (n-grams; none for a
     * longer word), by code point so that no gram splits a character.
     */
    static Set<String> grams(String word, boolean startsOnly) {
        Set<String> grams = new LinkedHashSet<>();
        int length = word.codePointCount(0, word.length());
        if (!startsOnly && length > MAX_PARTED) {
            return grams;
        }
        int[] cps = word.codePoints().toArray();
        for (int from = 0; from < (startsOnly ? 1 : length); from++) {
            for (int to = from + 1; to <= Math.min(length, from + MAX_PARTED); to++) {
                grams.add(new String(cps, from, to - from));
            }
        }
        return grams;
    }

    /** Whether a query word is looked up among the grams (else: longer than any gram, matched as a prefix of whole words). */
    static boolean gramSized(String word) {
        return word.codePointCount(0, word.length()) <= MAX_PARTED;
    }

    /** The folded words of a name or a query, each once, in order. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : NameFolding.fold(text).split(" ")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** A number's folded words and, when it has several, all of them as one ({@code sp2026000001}). */
    static Set<String> numberWords(String number) {
        Set<String> words = words(number);
        if (words.size() > 1) {
            words.add(compact(number));
        }
        return words;
    }

    /** A number or a query without separators, folded: {@code SP-2026-000001} and {@code sp 2026 000001} alike. */
    static String compact(String text) {
        return NameFolding.fold(text).replace(" ", "");
    }

    static String status(String status) {
        return status.trim().toUpperCase(Locale.ROOT);
    }

    static String zone(String zone) {
        return zone.trim().toLowerCase(Locale.ROOT);
    }

    static String activity(String activity) {
        return activity.trim().toUpperCase(Locale.ROOT);
    }

    /** The searched text fields of a whole-register search, and of a name search of one kind. */
    static final List<String> ALL_TEXT = List.of(NAME, HOLDER, NUMBER);
}
