package mn.registry.publicregister;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.tlog.LogSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The public register's Java query API (the JSON endpoints and the web pages use it): search, one entry, its public
 * history. Each node folds the transparency log itself (log entries are immutable and gapless, so every node that
 * read the same prefix holds the same register, on the embedded server and on a replica set alike), catching up
 * with one sorted cursor and then polling the next ids every {@code registry.public.poll-interval} (100 ms).
 * Searches go through this node's search index ({@link RegisterIndex}, ADR 0017), updated with each batch of records
 * before the register that reflects them is served, and built afresh whenever the whole register is replaced (a saved
 * generation loaded at start, a rebuild switched to).
 */
@Component
public class PublicRegister implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicRegister.class);
    private static final int HEAD_BATCH = 512;

    private final LogSource source;
    private final Duration pollInterval;
    private final Object applying = new Object();
    private RegisterModel model = new RegisterModel();
    /** The search index of {@link #model}; written under {@link #applying} only. */
    private RegisterIndex index = RegisterIndex.of(List.of());
    private volatile RegisterView view;
    /** Searches of the index run at most two per core at once, the others in a fair queue (ADR 0029). */
    private volatile SearchGate gate = SearchGate.twoPerCore();
    private ScheduledExecutorService poller;
    private java.util.function.Supplier<Optional<Saved>> saved = Optional::empty;
    /** Where the register saves a snapshot of itself (ADR 0019, "Start-up"); none: never saved. */
    private SnapshotSink snapshots;
    private long snapshotEvery = 10_000;
    /** The generation the served model descends from (0: folded from the log, no rebuild switched to yet). */
    private long generation;
    /** The log size of the last snapshot saved or loaded. */
    private long snapshotAt;
    /** Where this node keeps the register's search index on disk (ADR 0044); null: in memory only, built at every start. */
    private java.nio.file.Path indexFolder;

    /** A register loaded at start and the generation it descends from. */
    record Saved(RegisterModel model, long generation) {
    }

    /** Saves a copy of the register's entries at a log size (called outside the register's lock). */
    interface SnapshotSink {
        void save(List<RegisterEntry> entries, long logSize, long position, long generation);
    }

    PublicRegister(MongoDatabase database, @Value("${registry.public.poll-interval:100ms}") Duration pollInterval) {
        this.source = new LogSource(database);
        this.pollInterval = pollInterval;
        this.view = model.view(null).with(index.refresh(List.of()));
    }

    /**
     * How many searches of the index may run at once ({@code registry.public.search-concurrency}; 0, the default: two
     * per core). More only time-slices them (ADR 0029).
     */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void searchConcurrency(@Value("${registry.public.search-concurrency:0}") int searches) {
        gate = searches <= 0 ? SearchGate.twoPerCore() : new SearchGate(searches);
    }

    /** The benchmark's "before" (ADR 0029): the served searcher with Lucene's shared query cache, or without it again. */
    void sharedQueryCache(boolean on) {
        view.searcher().sharedQueryCache(on);
    }

    /** Searches of the index allowed to run at once. */
    int searchConcurrency() {
        return gate.size();
    }

    /** One page of a search of one kind (through the index; names and numbers match whole words, starts or parts). */
    public RegisterPage search(RegisterQuery query) {
        return searched((s, v) -> s.search(query, v));
    }

    /** One page of a search of every kind (or one), ranked, with counts by kind, status, zone and activity. */
    public SearchResults find(RegisterSearch search) {
        return searched((s, v) -> s.find(search, v));
    }

    /** The search before the index (a pass over one kind's entries, numbers matched exactly): the benchmark's baseline. */
    RegisterPage scan(RegisterQuery query) {
        return view.scan(query);
    }

    /** Bytes the search index holds in memory. */
    long indexBytes() {
        synchronized (applying) {
            return index.ramBytes();
        }
    }

    /** Runs a search on the index reader of the view served now (a newer one if that reader was replaced meanwhile). */
    private <T> T searched(java.util.function.BiFunction<RegisterSearcher, RegisterView, T> search) {
        return gate.run(() -> onCurrentReader(search));
    }

    private <T> T onCurrentReader(java.util.function.BiFunction<RegisterSearcher, RegisterView, T> search) {
        while (true) {
            RegisterView v = view;
            RegisterSearcher s = v.searcher();
            if (s.acquire()) {
                try {
                    return search.apply(s, v);
                } finally {
                    s.release();
                }
            }
        }
    }

    /** One entry by kind and id, as the register stands. */
    public Optional<RegisterEntry> entry(RegisterKind kind, String id) {
        return view.entry(kind, id);
    }

    /** The public records (from the log, as published) of an entry's history, in log order, each with its log index. */
    public List<JsonNode> history(RegisterEntry entry) {
        return source.byIndexes(entry.history()).stream().map(e -> {
            com.fasterxml.jackson.databind.node.ObjectNode out = CanonicalJson.mapper().createObjectNode();
            out.put("logIndex", e.logIndex());
            out.set("record", parse(e.leaf()));
            return (JsonNode) out;
        }).toList();
    }

    /** How many log entries the register reflects. */
    public long logSize() {
        return view.logSize();
    }

    /** Every entry of one kind, in id order (for exports). */
    public List<RegisterEntry> all(RegisterKind kind) {
        return view.all(kind);
    }

    /**
     * The register folded afresh from the first {@code logSize} log entries (fewer if the log is shorter: see the
     * snapshot's size), independent of what this node serves.
     */
    public RegisterSnapshot foldAt(long logSize) {
        RegisterModel fresh = new RegisterModel();
        source.stream(0, logSize, e -> fresh.apply(e.logIndex(), parse(e.leaf())));
        return new RegisterSnapshot(fresh.logSize(), fresh.position(), fresh.entries(), fresh.hash());
    }

    /** Reads whatever the log has beyond what the register reflects, now; returns the new log size. */
    public long catchUp() {
        long size = follow();
        saveSnapshotIfDue(false);
        return size;
    }

    /** Saves a snapshot of the register as it stands when it has moved {@code snapshotEvery} entries past the last (or on stop, whenever it moved). */
    void saveSnapshotIfDue(boolean always) {
        SnapshotSink sink = snapshots;
        if (sink == null) {
            return;
        }
        List<RegisterEntry> entries;
        long size;
        long position;
        long gen;
        long previous;
        synchronized (applying) {
            size = model.logSize();
            if (size == snapshotAt || (!always && size - snapshotAt < snapshotEvery)) {
                if (always) {
                    commitIndex(); // at stop: the index as of the snapshot the register stands at
                }
                return;
            }
            // the index first: a crash before the snapshot's meta is written leaves an index of another state than the
            // latest snapshot, which the next start detects and rebuilds (ADR 0044)
            commitIndex();
            entries = model.entries();
            position = model.position();
            gen = generation;
            previous = snapshotAt;
            snapshotAt = size;
        }
        long t0 = System.nanoTime();
        try {
            sink.save(entries, size, position, gen);
            log.info("public register snapshot saved at log size {} ({} entries) in {} ms", size, entries.size(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("public register could not save its snapshot at log size {}: {}", size, e.toString());
            synchronized (applying) {
                if (snapshotAt == size) {
                    snapshotAt = previous; // not saved: the next chance (or the stop) tries again
                }
            }
        }
    }

    private long follow() {
        synchronized (applying) {
            RegisterModel m = model;
            long before = m.logSize();
            long t0 = System.nanoTime();
            List<LogSource.Entry> batch = source.read(before, HEAD_BATCH);
            batch.forEach(e -> m.apply(e.logIndex(), parse(e.leaf())));
            if (batch.size() == HEAD_BATCH) {
                // far behind (a start, a rebuild): one sorted cursor, then the ids at the head
                source.stream(m.logSize(), Long.MAX_VALUE, e -> m.apply(e.logIndex(), parse(e.leaf())));
                source.read(m.logSize(), HEAD_BATCH).forEach(e -> m.apply(e.logIndex(), parse(e.leaf())));
            }
            if (m.logSize() != before || view.logSize() != m.logSize()) {
                publish(m);
            }
            if (m.logSize() - before > HEAD_BATCH) {
                log.info("public register folded log entries {} to {} in {} ms", before, m.logSize(), (System.nanoTime() - t0) / 1_000_000);
            }
            return m.logSize();
        }
    }

    /** Replaces the serving register with one folded elsewhere (a rebuild), which then follows the log from its size. */
    void switchTo(RegisterModel rebuilt, long rebuiltGeneration) {
        RegisterIndex fresh = indexOf(rebuilt, rebuiltGeneration);
        synchronized (applying) {
            replace(rebuilt, fresh);
            generation = rebuiltGeneration;
            // the generation just written is the saved copy of this register (loadLatest starts from it when no snapshot
            // descends from it): a snapshot at the same size would write it all again (4 s of a rebuild's 20 s, session 10)
            snapshotAt = rebuilt.logSize();
        }
        catchUp();
    }

    /** Serves the model's register as it now stands, the index updated first with the entries changed since. */
    private void publish(RegisterModel m) {
        RegisterView old = view;
        RegisterView next = m.view(old);
        List<RegisterEntry> changed = m.takeChanged();
        if (changed.isEmpty() && next.searcher() != null) {
            view = next;
            return;
        }
        view = next.with(index.refresh(changed));
        old.searcher().release();
    }

    /** Serves another register whole (loaded or rebuilt), with its own index built from all its entries. */
    private void replace(RegisterModel m, RegisterIndex fresh) {
        m.takeChanged();
        RegisterView old = view;
        RegisterIndex oldIndex = index;
        model = m;
        index = fresh;
        view = m.view(null).with(fresh.refresh(List.of()));
        old.searcher().release();
        oldIndex.discard();
    }

    /**
     * The search index of a register loaded or rebuilt whole: opened from this node's disk when the index committed
     * there holds exactly this register state, else built (and, with a folder, committed there) (ADR 0044).
     */
    private RegisterIndex indexOf(RegisterModel m, long gen) {
        if (indexFolder != null) {
            try {
                return RegisterIndex.onDisk(indexFolder, m.entries(), committedKey(gen, m.logSize()));
            } catch (RuntimeException e) {
                log.warn("public register could not keep its search index in {}, building it in memory: {}", indexFolder, e.toString());
            }
        }
        return RegisterIndex.of(m.entries());
    }

    /** The register state an index on disk is committed as: the generation it descends from and its log size. */
    static String committedKey(long gen, long logSize) {
        return gen + ":" + logSize;
    }

    /** Commits the index on disk as the register now stands (caller holds {@link #applying}). */
    private void commitIndex() {
        try {
            index.commit(committedKey(generation, model.logSize()), model.size());
        } catch (RuntimeException e) {
            log.warn("public register could not commit its search index at log size {}: {}", model.logSize(), e.toString());
        }
    }

    /** Whether the index served was opened from disk at start (not built). */
    boolean indexReused() {
        synchronized (applying) {
            return index.reused();
        }
    }

    /**
     * Where to start from: the latest snapshot or saved generation (else the log from index 0), and where to save
     * snapshots, every {@code every} log entries and on stop. Set before {@link #start}.
     */
    void startFrom(java.util.function.Supplier<Optional<Saved>> savedRegister, SnapshotSink sink, long every) {
        startFrom(savedRegister, sink, every, null);
    }

    /** As {@link #startFrom(java.util.function.Supplier, SnapshotSink, long)}, the search index kept under {@code indexFolder} (ADR 0044). */
    void startFrom(java.util.function.Supplier<Optional<Saved>> savedRegister, SnapshotSink sink, long every, java.nio.file.Path indexFolder) {
        this.indexFolder = indexFolder;
        this.saved = savedRegister;
        this.snapshots = sink;
        this.snapshotEvery = every;
    }

    /** The canonical content hash of the register as it serves now. */
    mn.registry.projection.RebuildableProjection.HashAt hashNow(String name) {
        synchronized (applying) {
            return new mn.registry.projection.RebuildableProjection.HashAt(name, model.logSize(), model.hash());
        }
    }

    /** The register as it stands now. */
    RegisterView view() {
        return view;
    }

    static JsonNode parse(String leaf) {
        try {
            return CanonicalJson.mapper().readTree(leaf);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log entry is not JSON", e);
        }
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "public-register");
            t.setDaemon(true);
            return t;
        });
        poller.execute(() -> {
            try {
                long t0 = System.nanoTime();
                Optional<Saved> start = saved.get();
                start.ifPresent(s -> {
                    RegisterModel m = s.model();
                    long loaded = System.nanoTime();
                    RegisterIndex fresh = indexOf(m, s.generation());
                    synchronized (applying) {
                        replace(m, fresh);
                        generation = s.generation();
                        snapshotAt = m.logSize();
                    }
                    log.info("public register loaded at log size {} (generation {}) in {} ms, search index of {} entries {} in {} ms", m.logSize(),
                            s.generation(), (loaded - t0) / 1_000_000, fresh.built(), fresh.reused() ? "opened from disk" : "built",
                            (System.nanoTime() - loaded) / 1_000_000);
                });
                if (start.isEmpty() && indexFolder != null) {
                    // folded from the log: the index followed on disk too, so that the next start opens it
                    RegisterModel empty = new RegisterModel();
                    RegisterIndex fresh = indexOf(empty, 0);
                    synchronized (applying) {
                        replace(empty, fresh);
                        generation = 0;
                    }
                }
            } catch (RuntimeException e) {
                log.warn("public register could not load its saved generation, folding the log from 0: {}", e.toString());
            }
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.warn("public register could not read the log: {}", e.toString());
            }
        }, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            // let a fold or a snapshot in progress finish (an interrupt would abort its MongoDB calls), then save the last state
            poller.shutdown();
            boolean interrupted = false;
            try {
                if (!poller.awaitTermination(20, TimeUnit.SECONDS)) {
                    poller.shutdownNow();
                    poller.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            poller = null;
            saveSnapshotIfDue(true);
            synchronized (applying) {
                index.release(); // the next start (this process or the next) opens its folder again
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
