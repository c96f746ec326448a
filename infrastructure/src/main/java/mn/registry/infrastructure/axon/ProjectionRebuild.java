package mn.registry.infrastructure.axon;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.lifecycle.Phase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A tracking projection a release rebuilds, once per registry, as it starts (docs/production.md, "Projections to rebuild at a release";
 * ADR 0035 item 58): its processor's tokens are reset ({@link StreamingEventProcessor#resetTokens()}: its reset handler empties its
 * collections, and it replays every event) on the first node of the release, before the processor starts there, and a marker
 * ({@value #COLLECTION}, {@code _id} {@code <processor>@<release>}) says it is done.
 * <p>
 * Two nodes starting together: the marker is inserted {@code resetting} by one of them (its {@code _id} is unique), which resets and marks it
 * {@code reset}; the other waits for that before its own processor starts, and does not reset again. A node that died while resetting is
 * taken over after {@link #LEASE}. The reset claims every segment of the processor: a segment another node still holds (a node of the earlier
 * release left running, against the upgrade's steps) is waited for up to {@link #CLAIMS_WAIT}, then the start fails, saying so.
 * Until the replay has passed the store's head at the reset (Axon's {@link ReplayToken}) the projection is {@link #rebuilding}.
 */
public record ProjectionRebuild(String processor, String release) {

    /** Where the markers are kept, one per processor and release. */
    public static final String COLLECTION = "projection_rebuilds";
    /** How long a node resetting may hold the marker before another takes it over (it died before marking it {@code reset}). */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** How long the reset waits for the processor's segments held by another node (a node killed just before holds them 10 s). */
    static final Duration CLAIMS_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    /**
     * Resets each of {@code rebuilds} that its marker does not say is reset, as {@code node}, when the configuration starts, just before its
     * event processors start (Axon's phase {@link Phase#INBOUND_EVENT_CONNECTORS}): no processor runs on this node while it is reset.
     */
    public static ConfigurerModule module(MongoDatabase database, Supplier<List<ProjectionRebuild>> rebuilds, String node) {
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> rebuilds.get()
                .forEach(rebuild -> config.eventProcessingConfiguration().eventProcessor(rebuild.processor(), StreamingEventProcessor.class)
                        .ifPresent(processor -> rebuild.run(database, processor, config.getComponent(TokenStore.class), node)))));
    }

    String markerId() {
        return processor + "@" + release;
    }

    /**
     * Resets {@code streaming} (this rebuild's processor, not running on this node) unless the marker says it was reset, as {@code node};
     * returns whether this node reset it.
     */
    public boolean run(MongoDatabase database, StreamingEventProcessor streaming, TokenStore tokens, String node) {
        return run(database, streaming, tokens, node, CLAIMS_WAIT, LEASE);
    }

    /** As above, with the waits given (a test's). */
    boolean run(MongoDatabase database, StreamingEventProcessor streaming, TokenStore tokens, String node, Duration claimsWait, Duration lease) {
        MongoCollection<Document> markers = database.getCollection(COLLECTION);
        while (true) {
            Document marker = markers.find(Filters.eq("_id", markerId())).first();
            if (marker != null && "reset".equals(marker.getString("state"))) {
                return false;
            }
            if (take(markers, marker, node, lease)) {
                try {
                    if (tokens.fetchSegments(processor).length == 0) { // a first start: no earlier release projected anything to rebuild
                        markers.updateOne(Filters.eq("_id", markerId()), Updates.combine(Updates.set("state", "reset"), Updates.set("by", node),
                                Updates.set("at", System.currentTimeMillis()), Updates.set("nothingToRebuild", true)));
                        return false;
                    }
                    reset(streaming, tokens, claimsWait);
                } catch (RuntimeException failed) { // the marker released, so that the next start resets at once rather than after the lease
                    markers.deleteOne(Filters.and(Filters.eq("_id", markerId()), Filters.eq("state", "resetting"), Filters.eq("by", node)));
                    throw failed;
                }
                markers.updateOne(Filters.eq("_id", markerId()), Updates.combine(Updates.set("state", "reset"), Updates.set("by", node),
                        Updates.set("at", System.currentTimeMillis())));
                log.info("projection {} reset for release {}: it replays every event", processor, release);
                return true;
            }
            pause();
        }
    }

    /** Inserts the marker {@code resetting}, or takes over one whose holder's lease has run out; false while another node holds it. */
    private boolean take(MongoCollection<Document> markers, Document marker, String node, Duration lease) {
        long now = System.currentTimeMillis();
        Document resetting = new Document("state", "resetting").append("by", node).append("at", now);
        if (marker == null) {
            try {
                markers.insertOne(new Document("_id", markerId()).append("release", release).append("processor", processor).append("state", "resetting")
                        .append("by", node).append("at", now));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return false;
            }
        }
        return marker.get("at", Number.class).longValue() < now - lease.toMillis() && markers.updateOne(Filters.and(Filters.eq("_id", markerId()),
                Filters.eq("state", "resetting"), Filters.eq("at", marker.get("at"))), new Document("$set", resetting)).getModifiedCount() == 1;
    }

    private void reset(StreamingEventProcessor streaming, TokenStore tokens, Duration claimsWait) {
        long until = System.currentTimeMillis() + claimsWait.toMillis();
        while (true) {
            try {
                streaming.resetTokens();
                for (int segment : tokens.fetchSegments(processor)) {
                    tokens.releaseClaim(processor, segment); // another node starting may take a segment of the replay
                }
                return;
            } catch (UnableToClaimTokenException held) {
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("cannot rebuild projection " + processor + " for release " + release + ": " + held.getMessage()
                            + " (is a node of the earlier release still running? stop it, then start this one again)", held);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding a projection", e);
        }
    }

    /**
     * Whether {@code processor}'s projection is being rebuilt on this registry, as any node sees it: its marker still {@code resetting}, or a
     * segment whose replay has not yet handled again every event stored before the reset (its {@link ReplayToken}'s position short of the
     * token at the reset; Axon keeps the replay token until a newer event, so the replay token alone does not say it).
     */
    public static boolean rebuilding(MongoDatabase database, TokenStore tokens, String processor) {
        if (database.getCollection(COLLECTION).find(Filters.and(Filters.eq("processor", processor), Filters.eq("state", "resetting"))).first() != null) {
            return true;
        }
        // only after a reset a release made (item 61: a first start resets nothing, and a replay token found then is none of a release's)
        if (database.getCollection(COLLECTION).find(Filters.and(Filters.eq("processor", processor), Filters.eq("state", "reset"),
                Filters.ne("nothingToRebuild", true))).first() == null) {
            return false;
        }
        return tokens instanceof MongoTokenStore written && written.peek(processor).stream().anyMatch(token -> token instanceof ReplayToken replay
                && (replay.getCurrentToken() == null || !replay.getCurrentToken().covers(replay.getTokenAtReset())));
    }
}
