package mn.registry.infrastructure.axon;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADR 0035 item 58 (abuse audit O162): a projection's rebuild at a release when a node of the earlier release runs, or a resetting node died. */
@ExtendWith(EmbeddedMongoExtension.class)
class ProjectionRebuildTest {

    private static final String PROCESSOR = "rebuilt";
    private static final ProjectionRebuild REBUILD = new ProjectionRebuild(PROCESSOR, "release-2");

    private MongoDatabase database;
    private InMemoryEventStorageEngine engine;
    private MongoTokenStore earlierRelease;
    private final AtomicInteger resets = new AtomicInteger();

    @ProcessingGroup(PROCESSOR)
    class Projection {
        @EventHandler
        void on(String event) {
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
        }
    }

    /** The earlier release's node projected every event and holds the processor's one segment (its claim fresh). */
    @BeforeEach
    void projectedByTheEarlierRelease(MongoDatabase database) {
        this.database = database;
        engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        store.publish(GenericEventMessage.asEventMessage("one"), GenericEventMessage.asEventMessage("two"));
        earlierRelease = tokens("node-of-the-earlier-release");
        earlierRelease.initializeTokenSegments(PROCESSOR, 1, store.createHeadToken());
        earlierRelease.fetchToken(PROCESSOR, 0);
        store.shutDown();
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 58, O162): a node of the earlier release still holding the processor's segment: the new node's "
            + "start fails after the wait, saying why, the projection not reset and the marker released, so the next start resets at once")
    void a_node_of_the_earlier_release_still_running_fails_the_start() {
        assertThatThrownBy(() -> REBUILD.run(database, processor(), tokens("node-new"), "node-new", Duration.ofMillis(300), ProjectionRebuild.LEASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("earlier release");
        assertThat(resets).hasValue(0);
        assertThat(database.getCollection(ProjectionRebuild.COLLECTION).countDocuments()).isZero();

        earlierRelease.releaseClaim(PROCESSOR, 0); // stopped, as the upgrade says
        assertThat(REBUILD.run(database, processor(), tokens("node-new"), "node-new", Duration.ofMillis(300), ProjectionRebuild.LEASE)).isTrue();
        assertThat(resets).hasValue(1);
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 58, O162): a node that died while resetting leaves the marker resetting: another node waits while "
            + "its lease runs, then takes it over and resets; the projection is rebuilding until then")
    void a_node_that_died_resetting_is_taken_over_after_its_lease() {
        earlierRelease.releaseClaim(PROCESSOR, 0);
        database.getCollection(ProjectionRebuild.COLLECTION).insertOne(new Document("_id", PROCESSOR + "@release-2").append("processor", PROCESSOR)
                .append("release", "release-2").append("state", "resetting").append("by", "node-dead").append("at", System.currentTimeMillis()));
        assertThat(ProjectionRebuild.rebuilding(database, tokens("reader"), PROCESSOR)).isTrue();
        long started = System.nanoTime();
        assertThat(REBUILD.run(database, processor(), tokens("node-new"), "node-new", Duration.ofMillis(300), Duration.ofMillis(500))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the lease").isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(resets).hasValue(1);
        assertThat(database.getCollection(ProjectionRebuild.COLLECTION).find().first()).containsEntry("state", "reset").containsEntry("by", "node-new");
        // reset, not yet replayed: its segment's token is a replay short of the position at the reset
        assertThat(ProjectionRebuild.rebuilding(database, tokens("reader"), PROCESSOR)).isTrue();
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 58): a registry's first start, its processor holding no token (no earlier release projected "
            + "anything), resets nothing and marks the rebuild done, so no report is refused while a replay nobody needs runs")
    void a_first_start_has_nothing_to_rebuild() {
        String fresh = "never-projected";
        ProjectionRebuild rebuild = new ProjectionRebuild(fresh, "release-2");
        assertThat(rebuild.run(database, processor(), tokens("node-new"), "node-new", Duration.ofMillis(300), ProjectionRebuild.LEASE)).isFalse();
        assertThat(resets).hasValue(0);
        assertThat(database.getCollection(ProjectionRebuild.COLLECTION).find().first()).containsEntry("state", "reset")
                .containsEntry("nothingToRebuild", true);
        assertThat(ProjectionRebuild.rebuilding(database, tokens("reader"), fresh)).isFalse();
    }

    private StreamingEventProcessor processor() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(engine).build())
                .registerComponent(TokenStore.class, c -> tokens("node-new"));
        configurer.eventProcessing(processing -> processing.registerEventHandler(c -> new Projection()));
        new AxonStorageConfiguration().pooledStreamingProcessors(1).configureModule(configurer);
        Configuration config = configurer.buildConfiguration();
        return config.eventProcessingConfiguration().eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
    }

    private MongoTokenStore tokens(String owner) {
        return new MongoTokenStore(database, JacksonSerializer.defaultSerializer(), owner, Duration.ofSeconds(10), Clock.systemUTC());
    }
}
