package mn.registry.infrastructure.axon;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.infrastructure.time.RepeatedTask;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.store.StoreFormat;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The store's format on this node (ADR 0068, abuse audit O227): read once before the event store is built, so before any processor,
 * backfill or command; raised once this node's start has succeeded, or before it stores its first event if that comes first; watched
 * while the node runs.
 * <ul>
 *   <li>The store records a higher format than this release's: the start is refused ({@link NewerStoreFormat}), unless the operator
 *   named that exact number in {@value NewerStoreFormat#ACCEPT}; then the node starts, says so loudly, and never lowers the number.</li>
 *   <li>A lower one (or none: {@link StoreFormat#UNRECORDED}): the node raises it, not before its start-up backfills and projection
 *   rebuilds ran (a start that fails before storing an event leaves the number, and the earlier release starts again as it was), and never
 *   after its first event is stored (no event is in the store under a number lower than its writer's). Raising a number a guarded
 *   release recorded, it then waits {@link #OLDER_NODES_STOP} before that first event: a node of the earlier release still running
 *   (against the upgrade's steps) has seen the number and stopped.</li>
 *   <li>While the node runs it reads the number every {@link #POLL}; raised above its own (and not accepted) by a newer release's node, it
 *   stores no more events ({@code 503 registry.store-format-newer}) and {@code stop}s: its processors would mishandle the newer events.</li>
 * </ul>
 */
public final class StoreFormatGuard {

    /** The registry's own facts about its store, one document each. */
    public static final String COLLECTION = "registry_meta";
    /** The store format's document in {@link #COLLECTION}: {@code format}, and who raised it when. */
    public static final String ID = "store-format";
    /** How often a running node reads the number. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** How long a node that raised a recorded number waits before its first event: a few of the older nodes' looks. */
    static final Duration OLDER_NODES_STOP = POLL.multipliedBy(3);

    private static final Logger log = LoggerFactory.getLogger(StoreFormatGuard.class);

    private final MongoCollection<Document> meta;
    private final int own;
    private final int accepted;
    private final String node;
    private final Duration olderNodesStop;
    private volatile boolean settled;
    private volatile int newer;
    private RepeatedTask watch;

    private StoreFormatGuard(MongoDatabase database, int own, int accepted, String node, Duration olderNodesStop) {
        this.meta = database.getCollection(COLLECTION);
        this.own = own;
        this.accepted = accepted;
        this.node = node;
        this.olderNodesStop = olderNodesStop;
    }

    /**
     * Reads the store's format as a release of format {@code own} starting as {@code node}; {@code accepted} is the operator's
     * {@value NewerStoreFormat#ACCEPT} (0: none). Throws {@link NewerStoreFormat} on a higher format not accepted.
     */
    public static StoreFormatGuard check(MongoDatabase database, int own, int accepted, String node) {
        return check(database, own, accepted, node, OLDER_NODES_STOP);
    }

    /** As above, with the wait after raising a recorded number given (a test's). */
    static StoreFormatGuard check(MongoDatabase database, int own, int accepted, String node, Duration olderNodesStop) {
        StoreFormatGuard guard = new StoreFormatGuard(database, own, accepted, node, olderNodesStop);
        Integer recorded = guard.recorded();
        int stored = recorded == null ? StoreFormat.UNRECORDED : recorded;
        if (stored > own) {
            guard.refuseUnlessAccepted(stored);
            guard.settled = true; // never lowered
            log.warn("""

                    ==== STORE FORMAT {} IS NEWER THAN THIS RELEASE'S ({}): STARTED ONLY BECAUSE {}={} ====
                    This release may mishandle the events a newer release stored: it drops the fields it does not know and publishes \
                    what the newer release withholds. See {}. Remove the setting once the newer release runs again.""",
                    stored, own, NewerStoreFormat.ACCEPT, accepted, NewerStoreFormat.SECTION);
            return guard;
        }
        if (accepted != 0) {
            log.warn("{}={} is not needed (the store's format is {}, this release's {}): ignored; remove it", NewerStoreFormat.ACCEPT, accepted,
                    stored, own);
        }
        if (recorded == null) {
            log.info("Store format: none recorded (a release before ADR 0068, or a new store), read as {}; this release's is {}: recorded once "
                    + "this node has started", StoreFormat.UNRECORDED, own);
        } else if (stored < own) {
            log.info("Store format {}, this release's {}: raised to {} once this node has started, or before it stores its first event", stored,
                    own, own);
        } else {
            guard.settled = true;
            log.info("Store format {}, this release's {}", stored, own);
        }
        return guard;
    }

    /** The number the store records; null when none is. */
    Integer recorded() {
        Document found = meta.find(Filters.eq("_id", ID)).first();
        return found == null ? null : found.getInteger("format");
    }

    private void refuseUnlessAccepted(int stored) {
        if (stored != accepted) {
            NewerStoreFormat refusal = new NewerStoreFormat(stored, own);
            log.error("{} (to start it all the same: --{}={})", refusal.getMessage(), NewerStoreFormat.ACCEPT, stored);
            throw refusal;
        }
    }

    /**
     * Called by the event store before this node stores events: refuses once a newer release raised the number, and raises it (once) if
     * this node's start has not done so yet.
     */
    public void beforeAppend() {
        if (newer != 0) {
            throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "registry.store-format-newer", "A newer release of the registry "
                    + "runs on this store (format " + newer + "); this node stores nothing more and stops. Send the act again.", null, null);
        }
        if (!settled) {
            raise();
        }
    }

    /** This node's start has succeeded (its backfills and rebuilds ran): raises the number if lower, then starts the watch. */
    public void started(Runnable stop) {
        if (!settled) {
            raise();
        }
        watch = RepeatedTask.start("store-format-watch", POLL, POLL, () -> look(stop), log, "reading the store's format");
    }

    /** One look at the number; a newer release's, not accepted: no more events here, and {@code stop}. Returns whether it stopped. */
    boolean look(Runnable stop) {
        Integer stored = recorded();
        if (newer != 0 || stored == null || stored <= own || stored == accepted) {
            return false;
        }
        newer = stored;
        log.error("The store's format was raised to {} by a node of a newer release while this node (format {}) runs: it stores no more events "
                + "and stops (ADR 0068; {})", stored, own, NewerStoreFormat.SECTION);
        stop.run();
        return true;
    }

    /** Stops the watch (the node stops). */
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }

    /** Writes {@code own} over a lower number (or none), once; refuses as at start if a newer node raised it meanwhile. */
    private synchronized void raise() {
        if (settled) {
            return;
        }
        while (true) {
            Integer recorded = recorded();
            if (recorded != null && recorded >= own) {
                if (recorded > own) {
                    refuseUnlessAccepted(recorded);
                }
                settled = true;
                return;
            }
            if (write(recorded)) {
                log.info(recorded == null ? "Store format {}recorded as {} by {}" : "Store format raised from {} to {} by {}",
                        recorded == null ? "" : recorded, own, node);
                if (recorded != null) {
                    pause(olderNodesStop);
                }
                settled = true;
                return;
            }
        }
    }

    /** Replaces {@code recorded} (null: inserts); false when another node wrote first. */
    private boolean write(Integer recorded) {
        Document raised = new Document("format", own).append("by", node).append("at", System.currentTimeMillis());
        if (recorded == null) {
            try {
                meta.insertOne(new Document("_id", ID).append("format", own).append("by", node).append("at", raised.get("at")));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return false;
            }
        }
        return meta.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("format", recorded)), new Document("$set", raised))
                .getModifiedCount() == 1;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the nodes of the earlier release stop", e);
        }
    }
}
