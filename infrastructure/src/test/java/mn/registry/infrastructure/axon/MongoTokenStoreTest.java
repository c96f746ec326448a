package mn.registry.infrastructure.axon;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmbeddedMongoExtension.class)
class MongoTokenStoreTest {

    private MongoDatabase database;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T00:00:00Z"));
    private MongoTokenStore nodeA;
    private MongoTokenStore nodeB;
    private Clock clock;

    @BeforeEach
    void freshDatabase(MongoDatabase database) {
        this.database = database;
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        this.clock = clock;
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        nodeA = new MongoTokenStore(database, serializer, "node-a", Duration.ofSeconds(10), clock);
        nodeB = new MongoTokenStore(database, serializer, "node-b", Duration.ofSeconds(10), clock);
        nodeA.ensureIndexes();
        nodeB.ensureIndexes();
    }

    @Test
    @DisplayName("a segment claimed by one node cannot be claimed by another while the claim is fresh")
    void claim_is_exclusive() {
        nodeA.initializeTokenSegments("log-sequencer", 1, new GlobalSequenceTrackingToken(41));
        assertThat(nodeA.fetchToken("log-sequencer", 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
        assertThatThrownBy(() -> nodeB.fetchToken("log-sequencer", 0)).isInstanceOf(UnableToClaimTokenException.class)
                .hasMessageContaining("claimed by another node");
        assertThatThrownBy(() -> nodeB.storeToken(new GlobalSequenceTrackingToken(99), "log-sequencer", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(nodeA.fetchToken("log-sequencer", 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    @DisplayName("a crashed node's claim is taken over once it is older than the claim timeout, and the crashed node can no longer store")
    void stale_claim_is_taken_over() {
        nodeA.initializeTokenSegments("projection", 2);
        nodeA.fetchToken("projection", 0);
        nodeA.storeToken(new GlobalSequenceTrackingToken(7), "projection", 0);
        now.set(now.get().plusSeconds(11));
        assertThat(nodeB.fetchToken("projection", 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
        assertThatThrownBy(() -> nodeA.extendClaim("projection", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> nodeA.storeToken(new GlobalSequenceTrackingToken(8), "projection", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    @DisplayName("a released segment is free for the next node and listed as available")
    void released_segment_is_available() {
        nodeA.initializeTokenSegments("queue", 2, null);
        nodeA.fetchToken("queue", 0);
        nodeA.fetchToken("queue", 1);
        assertThat(nodeB.fetchAvailableSegments("queue")).isEmpty();
        nodeA.releaseClaim("queue", 1);
        List<Segment> available = nodeB.fetchAvailableSegments("queue");
        assertThat(available).extracting(Segment::getSegmentId).containsExactly(1);
        assertThat(nodeB.fetchToken("queue", 1)).isNull();
        assertThat(nodeB.fetchSegments("queue")).containsExactly(0, 1);
    }

    @Test
    @DisplayName("segments are initialized once; a second initialization is refused")
    void initialization_happens_once() {
        nodeA.initializeTokenSegments("feed", 1);
        assertThatThrownBy(() -> nodeB.initializeTokenSegments("feed", 1)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> nodeB.initializeSegment(null, "feed", 0)).isInstanceOf(UnableToInitializeTokenException.class);
        assertThatThrownBy(() -> nodeB.fetchToken("other", 0)).hasMessageContaining("No token");
    }

    @Test
    @DisplayName("only the owner deletes a segment, and the storage identifier is stable")
    void delete_and_identifier() {
        nodeA.initializeTokenSegments("p", 2);
        nodeA.fetchToken("p", 1);
        assertThatThrownBy(() -> nodeB.deleteToken("p", 1)).isInstanceOf(UnableToClaimTokenException.class);
        nodeA.deleteToken("p", 1);
        assertThat(nodeA.fetchSegments("p")).containsExactly(0);
        assertThat(nodeA.retrieveStorageIdentifier()).isEqualTo(nodeB.retrieveStorageIdentifier());
    }

    @Test
    @DisplayName("segments stored before the lease key existed get one when the indexes are made, and are claimed and stored as before")
    void documents_without_lease_are_upgraded(MongoDatabase fresh) {
        database = fresh;
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        Clock clock = Clock.fixed(now.get(), ZoneOffset.UTC);
        nodeA = new MongoTokenStore(database, serializer, "node-a", Duration.ofSeconds(10), clock);
        nodeB = new MongoTokenStore(database, serializer, "node-b", Duration.ofSeconds(10), clock);
        var tokens = database.getCollection(MongoTokenStore.COLLECTION);
        tokens.insertOne(new org.bson.Document("_id", "old#0").append("processorName", "old").append("segment", 0)
                .append("owner", "node-a").append("timestamp", now.get().toEpochMilli()).append("token", null).append("tokenType", null));
        tokens.insertOne(new org.bson.Document("_id", "old#1").append("processorName", "old").append("segment", 1)
                .append("owner", null).append("timestamp", now.get().toEpochMilli()).append("token", null).append("tokenType", null));
        nodeA.ensureIndexes();

        nodeA.storeToken(new GlobalSequenceTrackingToken(5), "old", 0);
        assertThatThrownBy(() -> nodeB.fetchToken("old", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(nodeB.fetchToken("old", 1)).isNull();
        assertThatThrownBy(() -> nodeA.storeToken(new GlobalSequenceTrackingToken(6), "old", 1)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(nodeA.fetchToken("old", 0)).isEqualTo(new GlobalSequenceTrackingToken(5));
    }

    /** The trailing writes a deferring store asked for (ADR 0071 item 13), each with its delay, run by the test's hand. */
    private final List<Long> trailingDelays = new java.util.ArrayList<>();
    private final List<Runnable> trailingWrites = new java.util.ArrayList<>();

    private MongoTokenStore deferring(String owner) {
        MongoTokenStore store = new MongoTokenStore(database, JacksonSerializer.defaultSerializer(), owner, Duration.ofSeconds(10), clock,
                java.util.Set.of("permit-cases"), Duration.ofSeconds(1), (millis, write) -> {
                    trailingDelays.add(millis);
                    trailingWrites.add(write);
                });
        store.ensureIndexes();
        return store;
    }

    /** The token as stored in the database (JSON, e.g. {@code {"globalIndex":4}}). */
    private StoredToken stored(String processor) {
        return new StoredToken(database.getCollection(MongoTokenStore.COLLECTION).find(new org.bson.Document("_id", processor + "#0")).first().getString("token"));
    }

    private record StoredToken(String token) {
    }

    @Test
    @DisplayName("ADR 0038: a deferred processor writes its token at most once a second; the claim extension and the release write the one held back")
    void deferred_token_is_written_by_interval_extension_and_release() {
        MongoTokenStore node = deferring("node-a");
        node.initializeTokenSegments("permit-cases", 1, null);
        node.fetchToken("permit-cases", 0);
        node.storeToken(new GlobalSequenceTrackingToken(1), "permit-cases", 0);
        assertThat(stored("permit-cases").token()).contains("1");
        node.storeToken(new GlobalSequenceTrackingToken(2), "permit-cases", 0);
        node.storeToken(new GlobalSequenceTrackingToken(3), "permit-cases", 0);
        assertThat(stored("permit-cases").token()).as("inside the interval: held back").doesNotContain("3").contains("1");
        now.set(now.get().plusMillis(1000));
        node.storeToken(new GlobalSequenceTrackingToken(4), "permit-cases", 0);
        assertThat(stored("permit-cases").token()).as("after the interval: written").contains("4");
        node.storeToken(new GlobalSequenceTrackingToken(5), "permit-cases", 0);
        node.extendClaim("permit-cases", 0);
        assertThat(stored("permit-cases").token()).as("the claim extension writes the held token").contains("5");
        node.storeToken(new GlobalSequenceTrackingToken(6), "permit-cases", 0);
        node.releaseClaim("permit-cases", 0);
        assertThat(nodeB.fetchToken("permit-cases", 0)).as("the release writes it, the next node starts there")
                .isEqualTo(new GlobalSequenceTrackingToken(6));
    }

    @Test
    @DisplayName("ADR 0038: a crashed node's held-back token is lost, so the next node handles those events again (never skips one); other processors still write every batch")
    void deferred_token_lost_in_a_crash_is_handled_again_and_others_write_each_batch() {
        MongoTokenStore node = deferring("node-a");
        node.initializeTokenSegments("permit-cases", 1, null);
        node.initializeTokenSegments("log-sequencer", 1, null);
        node.fetchToken("permit-cases", 0);
        node.fetchToken("log-sequencer", 0);
        node.storeToken(new GlobalSequenceTrackingToken(10), "permit-cases", 0);
        node.storeToken(new GlobalSequenceTrackingToken(11), "permit-cases", 0);
        node.storeToken(new GlobalSequenceTrackingToken(10), "log-sequencer", 0);
        node.storeToken(new GlobalSequenceTrackingToken(11), "log-sequencer", 0);
        assertThat(stored("log-sequencer").token()).contains("11");
        // node-a dies (kill -9): nothing more is written; its claim goes stale
        now.set(now.get().plusSeconds(11));
        assertThat(nodeB.fetchToken("permit-cases", 0)).isEqualTo(new GlobalSequenceTrackingToken(10));
        assertThat(nodeB.fetchToken("log-sequencer", 0)).isEqualTo(new GlobalSequenceTrackingToken(11));
        // the old owner, back, cannot store over the new one even with a token it held back
        assertThatThrownBy(() -> node.extendClaim("permit-cases", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    @DisplayName("ADR 0038: a deferred token is never written later than half the claim timeout, so no node takes a working claim over")
    void interval_must_stay_inside_the_claim_timeout() {
        assertThatThrownBy(() -> new MongoTokenStore(database, JacksonSerializer.defaultSerializer(), "node-a", Duration.ofSeconds(10), clock,
                java.util.Set.of("permit-cases"), Duration.ofSeconds(6))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("ADR 0038: the held tokens of all of a processor's segments are written together, in one round trip, and a segment taken over meanwhile is not written")
    void held_tokens_of_all_segments_are_written_together() {
        MongoTokenStore node = deferring("node-a");
        node.initializeTokenSegments("permit-cases", 3, null);
        for (int segment = 0; segment < 3; segment++) {
            node.fetchToken("permit-cases", segment);
            node.storeToken(new GlobalSequenceTrackingToken(segment), "permit-cases", segment);
        }
        node.storeToken(new GlobalSequenceTrackingToken(10), "permit-cases", 0);
        node.storeToken(new GlobalSequenceTrackingToken(11), "permit-cases", 1);
        node.releaseClaim("permit-cases", 2);
        assertThat(nodeB.fetchToken("permit-cases", 2)).as("segment 2 now belongs to node-b").isEqualTo(new GlobalSequenceTrackingToken(2));
        now.set(now.get().plusMillis(1000));
        node.storeToken(new GlobalSequenceTrackingToken(12), "permit-cases", 1);
        org.bson.Document s0 = database.getCollection(MongoTokenStore.COLLECTION).find(new org.bson.Document("_id", "permit-cases#0")).first();
        org.bson.Document s1 = database.getCollection(MongoTokenStore.COLLECTION).find(new org.bson.Document("_id", "permit-cases#1")).first();
        assertThat(s0.getString("token")).contains("10");
        assertThat(s1.getString("token")).contains("12");
        assertThat(nodeB.fetchToken("permit-cases", 2)).as("node-b's segment untouched").isEqualTo(new GlobalSequenceTrackingToken(2));
    }

    @Test
    @DisplayName("ADR 0071 item 12 (O264): after a quiet interval every segment's token of the next batch is written at once, so a page on "
            + "another node sees the act; segments that store more often than once per interval stay deferred")
    void a_batch_after_a_quiet_interval_is_written_at_once_and_the_deferral_holds_under_load() {
        MongoTokenStore node = deferring("node-a");
        node.initializeTokenSegments("permit-cases", 3, null);
        for (int segment = 0; segment < 3; segment++) {
            node.fetchToken("permit-cases", segment);
            node.storeToken(new GlobalSequenceTrackingToken(1), "permit-cases", segment);
        }
        now.set(now.get().plusSeconds(30)); // quiet: no batch for 30 s
        for (int segment = 0; segment < 3; segment++) {
            node.storeToken(new GlobalSequenceTrackingToken(20), "permit-cases", segment); // one act: each segment stores its token
        }
        for (int segment = 0; segment < 3; segment++) {
            assertThat(tokenOf("permit-cases", segment)).as("segment " + segment + " after the quiet interval").contains("20");
        }
        for (int batch = 21; batch <= 30; batch++) { // under load: a batch every 50 ms on every segment
            now.set(now.get().plusMillis(50));
            for (int segment = 0; segment < 3; segment++) {
                node.storeToken(new GlobalSequenceTrackingToken(batch), "permit-cases", segment);
            }
        }
        for (int segment = 0; segment < 3; segment++) {
            assertThat(tokenOf("permit-cases", segment)).as("segment " + segment + " under load: held back").contains("20");
        }
        now.set(now.get().plusMillis(500)); // the processor's interval (last written 1 s ago) passed: the next store writes all held ones
        node.storeToken(new GlobalSequenceTrackingToken(31), "permit-cases", 0);
        assertThat(tokenOf("permit-cases", 0)).contains("31");
        assertThat(tokenOf("permit-cases", 1)).contains("30");
    }

    private String tokenOf(String processor, int segment) {
        return database.getCollection(MongoTokenStore.COLLECTION).find(new org.bson.Document("_id", processor + "#" + segment)).first().getString("token");
    }

    @Test
    @DisplayName("ADR 0071 item 13 (O264): a token held back is written when the interval ends though no batch follows (a second act within a "
            + "second of the first), by one waiting write per processor")
    void a_held_token_is_written_when_the_interval_ends() {
        MongoTokenStore node = deferring("node-a");
        node.initializeTokenSegments("permit-cases", 2, null);
        for (int segment = 0; segment < 2; segment++) {
            node.fetchToken("permit-cases", segment);
            node.storeToken(new GlobalSequenceTrackingToken(1), "permit-cases", segment); // the first act: written
        }
        now.set(now.get().plusMillis(300));
        node.storeToken(new GlobalSequenceTrackingToken(2), "permit-cases", 0); // the second act, 0.3 s later: held
        node.storeToken(new GlobalSequenceTrackingToken(2), "permit-cases", 1);
        assertThat(tokenOf("permit-cases", 0)).contains("1");
        assertThat(trailingDelays).as("one waiting write for the processor, when its interval ends").containsExactly(700L);

        now.set(now.get().plusMillis(700)); // nothing follows; the interval ends
        trailingWrites.get(0).run();
        assertThat(tokenOf("permit-cases", 0)).contains("2");
        assertThat(tokenOf("permit-cases", 1)).contains("2");

        now.set(now.get().plusMillis(100));
        node.storeToken(new GlobalSequenceTrackingToken(3), "permit-cases", 0); // within the interval of that write: held, and a new wait
        assertThat(tokenOf("permit-cases", 0)).contains("2");
        assertThat(trailingDelays).containsExactly(700L, 900L);
        node.close();
    }
}
