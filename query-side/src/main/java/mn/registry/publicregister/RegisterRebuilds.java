package mn.registry.publicregister;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.projection.Generations;
import mn.registry.tlog.LogSource;
import mn.registry.projection.ProgressMeter;
import mn.registry.projection.RebuildProgress;
import mn.registry.projection.RebuildableProjection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds of the public register: folded again from log index 0 into a new generation's collection
 * ({@code public_register_g{n}}, chunks of entries as canonical JSON lines) while the
 * current register serves, hashed, and switched to (blue/green) by one compare-and-set. A node starting up loads the
 * active generation and follows the log from its size.
 */
@Component
class RegisterRebuilds implements RebuildableProjection {

    static final String NAME = "public-register";
    private static final Logger log = LoggerFactory.getLogger(RegisterRebuilds.class);
    private static final String META = "~meta";
    private static final int WRITE_BATCH = 16;
    private static final int CHUNK = 1000;
    /** The register's latest snapshot (ADR 0019, "Start-up"): chunks {@code {generation}:{logSize}/{n}} and one {@code ~meta} naming the current. */
    static final String SNAPSHOT = "public_register_snapshot";
    /** A snapshot is saved every this many log entries (and when the node stops). */
    static final long SNAPSHOT_EVERY = 10_000;

    private final MongoDatabase database;
    private final LogSource source;
    private final Generations generations;
    private final PublicRegister register;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "public-register-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile ProgressMeter meter;
    private volatile RebuildProgress last = RebuildProgress.idle(NAME);

    RegisterRebuilds(MongoDatabase database, PublicRegister register) {
        this(database, register, (java.nio.file.Path) null);
    }

    /**
     * The snapshot lives in the shared database (every node may start from it); the search index of this node lives on
     * this node's disk, {@code registry.public.index-dir} (default {@code <registry.data-dir>/public-register-index};
     * ADR 0044).
     */
    @org.springframework.beans.factory.annotation.Autowired
    RegisterRebuilds(MongoDatabase database, PublicRegister register,
                     @org.springframework.beans.factory.annotation.Value("${registry.public.index-dir:}") String indexDir,
                     @org.springframework.beans.factory.annotation.Value("${registry.data-dir:}") String dataDir) {
        this(database, register, !indexDir.isBlank() ? java.nio.file.Path.of(indexDir)
                : dataDir.isBlank() ? null : java.nio.file.Path.of(dataDir).resolve("public-register-index"));
    }

    RegisterRebuilds(MongoDatabase database, PublicRegister register, java.nio.file.Path indexFolder) {
        this.database = database;
        this.source = new LogSource(database);
        this.generations = new Generations(database);
        this.register = register;
        register.startFrom(this::loadLatest, this::saveSnapshot, SNAPSHOT_EVERY, indexFolder);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized RebuildProgress rebuild(Long logSize, boolean switchWhenBuilt) {
        if (meter != null) {
            throw RegistryProblem.conflict("projection.rebuild-running", "A rebuild of " + NAME + " is already running.", null);
        }
        long generation = generations.active(NAME).map(a -> a.generation() + 1).orElse(1L);
        long total = logSize != null ? logSize : register.catchUp();
        ProgressMeter m = new ProgressMeter(NAME, generation, total);
        meter = m;
        last = m.snapshot("RUNNING", null, false, null);
        worker.submit(() -> run(m, generation, total, switchWhenBuilt));
        return last;
    }

    private void run(ProgressMeter m, long generation, long total, boolean switchWhenBuilt) {
        try {
            RegisterModel model = fold(total, m);
            if (model.logSize() < total) {
                throw new IllegalStateException("the log has only " + model.logSize() + " entries, not " + total);
            }
            String hash = writeAndHash(model, generation);
            boolean serving = false;
            if (switchWhenBuilt) {
                long current = generation - 1;
                serving = generations.switchTo(NAME, current, generation, model.logSize(), hash);
                if (serving) {
                    register.switchTo(model, generation);
                    if (current > 1) {
                        database.getCollection(Generations.collection(NAME, current - 1)).drop();
                    }
                }
            }
            last = m.snapshot("DONE", hash, serving, null);
            log.info("rebuild of {} into generation {} done: {} events, {} events/s, hash {}, {}", NAME, generation, m.processed(),
                    Math.round(last.eventsPerSecond()), hash, serving ? "now serving" : "not switched");
        } catch (RuntimeException e) {
            last = m.snapshot("FAILED", null, false, e.toString());
            log.warn("rebuild of {} into generation {} failed: {}", NAME, generation, e.toString());
        } finally {
            synchronized (this) {
                meter = null;
            }
        }
    }

    /** A fresh register folded from the log's first {@code logSize} entries. */
    RegisterModel fold(long logSize, ProgressMeter m) {
        RegisterModel model = new RegisterModel();
        source.stream(0, logSize, e -> {
            model.apply(e.logIndex(), PublicRegister.parse(e.leaf()));
            if (m != null) {
                m.tick();
            }
        });
        return model;
    }

    /** Writes the register as generation {@code generation} and returns its content hash (package-private: the benchmark times it alone). */
    String writeAndHash(RegisterModel model, long generation) {
        write(model, generation);
        return model.hash();
    }

    /**
     * Writes the register in chunks of up to {@value #CHUNK} entries (a document per chunk, {@code _id} = chunk number,
     * the entries as canonical JSON lines): a generation is a snapshot read whole, never queried by field, and the
     * embedded server's cost is per document.
     */
    private void write(RegisterModel model, long generation) {
        MongoCollection<Document> target = database.getCollection(Generations.collection(NAME, generation));
        target.drop();
        List<Document> chunks = chunks(model.entries(), "", null);
        for (int i = 0; i < chunks.size(); i += WRITE_BATCH) {
            target.insertMany(chunks.subList(i, Math.min(chunks.size(), i + WRITE_BATCH)));
        }
        target.insertOne(new Document("_id", META).append("logSize", model.logSize()).append("position", model.position()).append("chunks", (long) chunks.size()));
    }

    /**
     * Saves the register as of {@code logSize} as the latest snapshot: its chunks first (under ids of their own), then
     * the meta document that names them, moved forward only (of two nodes saving, the later log size stays), then the
     * chunks of older snapshots dropped. A crash at any step leaves the meta naming a whole snapshot (or none).
     */
    void saveSnapshot(List<RegisterEntry> entries, long logSize, long position, long generation) {
        MongoCollection<Document> target = database.getCollection(SNAPSHOT);
        String key = snapshotKey(generation, logSize);
        // WRITE_BATCH chunks serialised at a time: the whole register as JSON at once would be a second copy of it in the heap
        int chunkCount = 0;
        int step = CHUNK * WRITE_BATCH;
        for (int from = 0; from < entries.size(); from += step) {
            List<Document> batch = chunks(entries.subList(from, Math.min(entries.size(), from + step)), key, logSize);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).put("_id", key + (chunkCount + i));
            }
            chunkCount += batch.size();
            try {
                target.insertMany(batch, new com.mongodb.client.model.InsertManyOptions().ordered(false));
            } catch (com.mongodb.MongoBulkWriteException e) {
                // the same chunks written already (this node before a crash, or another node): the fold at a size is one
                if (e.getWriteErrors().stream().anyMatch(w -> com.mongodb.ErrorCategory.fromErrorCode(w.getCode()) != com.mongodb.ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
            }
        }
        Document meta = new Document("_id", META).append("logSize", logSize).append("position", position).append("chunks", (long) chunkCount)
                .append("generation", generation).append("key", key);
        try {
            target.replaceOne(Filters.and(Filters.eq("_id", META), Filters.lte("logSize", logSize)), meta,
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another node saved a later snapshot meanwhile: it stays the latest
        }
        Document current = target.find(Filters.eq("_id", META)).first();
        if (current != null) {
            target.deleteMany(Filters.and(Filters.lte("snapshot", current.get("logSize", Number.class).longValue()), Filters.ne("key", current.getString("key"))));
        }
    }

    /** The id prefix of a snapshot's chunks: the generation it descends from and its log size. */
    private static String snapshotKey(long generation, long logSize) {
        return generation + ":" + logSize + "/";
    }

    private static List<Document> chunks(List<RegisterEntry> entries, String idPrefix, Long snapshot) {
        List<Document> chunks = new ArrayList<>();
        StringBuilder lines = new StringBuilder(1 << 20);
        int inChunk = 0;
        for (RegisterEntry e : entries) {
            lines.append(new String(CanonicalJson.canonicalizeValue(e), StandardCharsets.UTF_8)).append('\n');
            if (++inChunk == CHUNK) {
                chunks.add(chunk(idPrefix, chunks.size(), lines, snapshot));
                lines.setLength(0);
                inChunk = 0;
            }
        }
        if (inChunk > 0) {
            chunks.add(chunk(idPrefix, chunks.size(), lines, snapshot));
        }
        return chunks;
    }

    private static Document chunk(String idPrefix, int n, StringBuilder lines, Long snapshot) {
        Document d = new Document("_id", idPrefix.isEmpty() ? (Object) (long) n : idPrefix + n);
        if (snapshot != null) {
            d.append("snapshot", snapshot).append("key", idPrefix);
        }
        return d.append("entries", lines.toString());
    }

    /**
     * The register to start from: the latest snapshot when it descends from the active generation (or, with none,
     * from the log) and is at least as far as it; else the active generation as saved; else nothing (fold from 0).
     */
    Optional<PublicRegister.Saved> loadLatest() {
        Optional<Generations.Active> active = generations.active(NAME);
        long activeGeneration = active.map(Generations.Active::generation).orElse(0L);
        MongoCollection<Document> snapshots = database.getCollection(SNAPSHOT);
        Document meta = snapshots.find(Filters.eq("_id", META)).first();
        if (meta != null && meta.get("generation", Number.class).longValue() == activeGeneration
                && meta.get("logSize", Number.class).longValue() >= active.map(Generations.Active::logSize).orElse(0L)) {
            try {
                long logSize = meta.get("logSize", Number.class).longValue();
                return Optional.of(new PublicRegister.Saved(read(snapshots, meta, meta.getString("key"), "snapshot at " + logSize), activeGeneration));
            } catch (RuntimeException e) {
                log.warn("public register snapshot unreadable, starting from the active generation: {}", e.toString());
            }
        }
        return loadActive().map(m -> new PublicRegister.Saved(m, activeGeneration));
    }

    /** The active generation as saved, if there is one. */
    private Optional<RegisterModel> loadActive() {
        Optional<Generations.Active> active = generations.active(NAME);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        MongoCollection<Document> saved = database.getCollection(Generations.collection(NAME, active.get().generation()));
        Document meta = saved.find(Filters.eq("_id", META)).first();
        if (meta == null) {
            return Optional.empty();
        }
        return Optional.of(read(saved, meta, "", "generation " + active.get().generation()));
    }

    /** A saved register (a generation: chunk ids 0..n-1; a snapshot: "{key}0".."{key}n-1", the key named by its meta). */
    private static RegisterModel read(MongoCollection<Document> saved, Document meta, String idPrefix, String what) {
        long chunks = meta.get("chunks", Number.class).longValue();
        List<Object> ids = new ArrayList<>();
        for (long i = 0; i < chunks; i++) {
            ids.add(idPrefix.isEmpty() ? (Object) i : idPrefix + i);
        }
        java.util.Map<String, String> byId = new java.util.HashMap<>();
        for (Document d : saved.find(Filters.in("_id", ids))) {
            byId.put(String.valueOf(d.get("_id")), d.getString("entries"));
        }
        List<RegisterEntry> entries = new ArrayList<>();
        for (long i = 0; i < chunks; i++) {
            String lines = byId.get(idPrefix + i);
            if (lines == null) {
                throw new IllegalStateException(what + " of " + NAME + " lacks chunk " + i);
            }
            for (String line : lines.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    entries.add(CanonicalJson.mapper().readValue(line, RegisterEntry.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(what + " of " + NAME + " holds an unreadable entry", e);
                }
            }
        }
        return RegisterModel.restore(entries, meta.get("logSize", Number.class).longValue(), meta.get("position", Number.class).longValue());
    }

    @Override
    public RebuildProgress progress() {
        ProgressMeter m = meter;
        return m != null ? m.snapshot("RUNNING", null, false, null) : last;
    }

    @Override
    public HashAt hash(Long logSize) {
        if (logSize == null) {
            return register.hashNow(NAME);
        }
        RegisterModel model = fold(logSize, null);
        if (model.logSize() < logSize) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "projection.log-too-short", "The log has " + model.logSize()
                    + " entries, fewer than " + logSize + ".", "at", null);
        }
        return new HashAt(NAME, model.logSize(), model.hash());
    }
}
