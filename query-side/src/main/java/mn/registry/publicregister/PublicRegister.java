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
 */
@Component
public class PublicRegister implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicRegister.class);
    private static final int HEAD_BATCH = 512;

    private final LogSource source;
    private final Duration pollInterval;
    private final Object applying = new Object();
    private RegisterModel model = new RegisterModel();
    private volatile RegisterView view;
    private ScheduledExecutorService poller;
    private java.util.function.Supplier<Optional<RegisterModel>> saved = Optional::empty;

    PublicRegister(MongoDatabase database, @Value("${registry.public.poll-interval:100ms}") Duration pollInterval) {
        this.source = new LogSource(database);
        this.pollInterval = pollInterval;
        this.view = model.view(null);
    }

    /** One page of a search. */
    public RegisterPage search(RegisterQuery query) {
        return view.search(query);
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
        synchronized (applying) {
            RegisterModel m = model;
            long before = m.logSize();
            List<LogSource.Entry> batch = source.read(before, HEAD_BATCH);
            batch.forEach(e -> m.apply(e.logIndex(), parse(e.leaf())));
            if (batch.size() == HEAD_BATCH) {
                // far behind (a start, a rebuild): one sorted cursor, then the ids at the head
                source.stream(m.logSize(), Long.MAX_VALUE, e -> m.apply(e.logIndex(), parse(e.leaf())));
                source.read(m.logSize(), HEAD_BATCH).forEach(e -> m.apply(e.logIndex(), parse(e.leaf())));
            }
            if (m.logSize() != before || view.logSize() != m.logSize()) {
                view = m.view(view);
            }
            return m.logSize();
        }
    }

    /** Replaces the serving register with one folded elsewhere (a rebuild), which then follows the log from its size. */
    void switchTo(RegisterModel rebuilt) {
        synchronized (applying) {
            model = rebuilt;
            view = rebuilt.view(null);
        }
        catchUp();
    }

    /** Where to start from: a saved generation (else the log from index 0). Set before {@link #start}. */
    void startFrom(java.util.function.Supplier<Optional<RegisterModel>> savedGeneration) {
        this.saved = savedGeneration;
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
                saved.get().ifPresent(m -> {
                    synchronized (applying) {
                        model = m;
                        view = m.view(null);
                    }
                    log.info("public register loaded at log size {}", m.logSize());
                });
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
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
