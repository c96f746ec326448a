package mn.registry.document;

import mn.registry.infrastructure.time.RepeatedTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Deletes, every {@code registry.documents.sweep-interval} (default 1 hour), the documents no command cited within
 * their retention ({@link DocumentStore#deleteUncited()}; one uploaded for an act while the act may still cite it is kept, ADR 0035 item 76,
 * {@link UploadForAnAct}), as of the registry's clock: in demo mode moving the clock
 * forward expires them too. Any node may sweep; the deletion is the same on every node.
 */
@Component
class UncitedDocumentSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UncitedDocumentSweep.class);

    private final DocumentStore store;
    private final Duration interval;
    private final java.util.function.Supplier<UploadForAnAct> acts;
    private RepeatedTask executor;

    @org.springframework.beans.factory.annotation.Autowired
    UncitedDocumentSweep(DocumentStore store, @Value("${registry.documents.sweep-interval:1h}") Duration interval,
                         org.springframework.beans.factory.ObjectProvider<UploadForAnAct> acts) {
        this(store, interval, acts::getIfAvailable);
    }

    /** With no register of acts uploads are for (tests of the store alone): every uncited document expires. */
    UncitedDocumentSweep(DocumentStore store, Duration interval) {
        this(store, interval, () -> null);
    }

    private UncitedDocumentSweep(DocumentStore store, Duration interval, java.util.function.Supplier<UploadForAnAct> acts) {
        this.store = store;
        this.interval = interval;
        this.acts = acts;
    }

    /** One sweep; answers how many documents were deleted (one uploaded for an act kept while the act may cite it, ADR 0035 item 76). */
    long sweepOnce() {
        UploadForAnAct act = acts.get();
        long deleted = act == null ? store.deleteUncited() : store.deleteUncited(act::stillCitable);
        if (deleted > 0) {
            log.info("Deleted {} uploaded documents that no command cited within {} days of receipt", deleted, store.uncitedRetention().toDays());
        }
        return deleted;
    }

    @Override
    public synchronized void start() {
        executor = RepeatedTask.start("uncited-document-sweep", interval, interval, this::sweepOnce, log, "Sweep of uncited documents");
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.close();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
