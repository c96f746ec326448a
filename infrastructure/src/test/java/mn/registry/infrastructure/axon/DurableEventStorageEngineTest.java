package mn.registry.infrastructure.axon;

import mn.registry.infrastructure.mongo.GroupCommit;
import mn.registry.store.mongo.EmbeddedMongo;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.mongo.RegistryMongo;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@code kill -9} leaves is what is in the H2 file at that instant. Copying the file right
 * after an acknowledged append and opening the copy shows exactly that.
 */
class DurableEventStorageEngineTest {

    @TempDir
    Path dir;

    record Noted(String text) {
    }

    private static GaplessEventStorageEngine engine(RegistryMongo mongo) {
        return engine(mongo, null);
    }

    /** With {@code durability}: wired as AxonStorageConfiguration does, each group insert marked for the barrier. */
    private static GaplessEventStorageEngine engine(RegistryMongo mongo, GroupCommit durability) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        GaplessEventStorageEngine.Builder builder = GaplessEventStorageEngine.builder();
        if (durability != null) {
            builder.durabilityMark(durability::mark);
        }
        GaplessEventStorageEngine engine = builder
                .database(mongo.client().getDatabase("registry"))
                .sealingKey(TestSealingKeys.sealingKey())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Test
    @DisplayName("every acknowledged append is in the data file at the moment it is acknowledged, as a kill -9 would find it")
    void acknowledged_appends_are_on_file() throws Exception {
        Path live = dir.resolve("live");
        Path crash = dir.resolve("crash");
        Files.createDirectories(crash);
        int appends = 25;
        try (RegistryMongo mongo = RegistryMongo.embedded(EmbeddedMongo.persistent(live))) {
            GroupCommit durability = new GroupCommit(mongo::makeDurable);
            DurableEventStorageEngine durable = new DurableEventStorageEngine(engine(mongo, durability), durability);
            for (int i = 0; i < appends; i++) {
                durable.appendEvents(List.of(new GenericDomainEventMessage<>("Note", "note-1", i, new Noted("note " + i))));
            }
            // the instant after the last acknowledgement: the file as the OS has it now
            Files.copy(live.resolve(EmbeddedMongo.DATA_FILE), crash.resolve(EmbeddedMongo.DATA_FILE));
            assertThat(durability.steps()).isPositive();
        }
        try (RegistryMongo afterCrash = RegistryMongo.embedded(EmbeddedMongo.persistent(crash))) {
            assertThat(engine(afterCrash).lastSequenceNumberFor("note-1")).contains((long) appends - 1);
        }
    }

    @Test
    @DisplayName("session 9: eight writers whose commits are inserted in groups are each acknowledged only once on file, one durability step per group")
    void grouped_appends_are_on_file_when_acknowledged() throws Exception {
        Path live = dir.resolve("live-grouped");
        Path crash = dir.resolve("crash-grouped");
        Files.createDirectories(crash);
        int writers = 8;
        int perWriter = 20;
        try (RegistryMongo mongo = RegistryMongo.embedded(EmbeddedMongo.persistent(live))) {
            GroupCommit durability = new GroupCommit(mongo::makeDurable);
            DurableEventStorageEngine durable = new DurableEventStorageEngine(engine(mongo, durability), durability);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String note = "note-w" + w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        durable.appendEvents(List.of(new GenericDomainEventMessage<>("Note", note, i, new Noted(note + " " + i))));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            // the instant after the last acknowledgement: the file as the OS has it now
            Files.copy(live.resolve(EmbeddedMongo.DATA_FILE), crash.resolve(EmbeddedMongo.DATA_FILE));
            assertThat(durability.steps()).isPositive().isLessThanOrEqualTo((long) writers * perWriter);
        }
        try (RegistryMongo afterCrash = RegistryMongo.embedded(EmbeddedMongo.persistent(crash))) {
            GaplessEventStorageEngine reopened = engine(afterCrash);
            for (int w = 0; w < writers; w++) {
                assertThat(reopened.lastSequenceNumberFor("note-w" + w)).as("writer %d", w).contains((long) perWriter - 1);
            }
        }
    }
}
