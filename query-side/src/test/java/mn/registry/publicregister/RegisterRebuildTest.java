package mn.registry.publicregister;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.freezone.Activity;
import mn.registry.tlog.LogCollections;
import mn.registry.kernel.log.PublicRecords;
import mn.registry.projection.Generations;
import mn.registry.projection.RebuildProgress;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedMongoExtension.class)
class RegisterRebuildTest {

    /** Writes records as the log sequencer does: {@code _id} = log index, the leaf = canonical JSON. */
    static Records log(MongoDatabase db, int entities) {
        Records r = records(entities);
        append(db, r, 0);
        return r;
    }

    /** A zone, then per entity: a registration, a permit, and every third permit suspended. */
    static Records records(int entities) {
        Records r = new Records().add(Records.zone("Алтанбулаг"));
        for (int i = 0; i < entities; i++) {
            r.add(Records.registered("Entity " + i, "20000" + (10 + i), Activity.TRADE, LocalDate.of(2027, 1, 1).plusDays(i)));
            r.add(Records.permit(i + 1, "Хан " + i, "3000" + (100 + i), LocalDate.of(2026, 12, 1)));
            if (i % 3 == 0) {
                r.add(Records.suspended(i + 1));
            }
        }
        return r;
    }

    static void append(MongoDatabase db, Records r, int from) {
        for (int i = from; i < r.all().size(); i++) {
            JsonNode record = r.all().get(i);
            db.getCollection(LogCollections.ENTRIES).insertOne(new Document("_id", (long) i).append(LogCollections.LEAF,
                    new String(PublicRecords.leafData(record), StandardCharsets.UTF_8)).append(LogCollections.POSITION, record.path("position").asLong()));
        }
    }

    private static RebuildProgress await(RegisterRebuilds rebuilds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            RebuildProgress p = rebuilds.progress();
            if (!"RUNNING".equals(p.state())) {
                return p;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("rebuild did not finish in 30 s");
    }

    @Test
    @DisplayName("two rebuilds at the same log size give the same hash; the hash at a size is the rebuild's; a later size differs")
    void rebuild_hashes_match(MongoDatabase db) throws Exception {
        log(db, 40);
        PublicRegister register = new PublicRegister(db, Duration.ofMillis(50));
        RegisterRebuilds rebuilds = new RegisterRebuilds(db, register);
        rebuilds.rebuild(50L, false);
        RebuildProgress first = await(rebuilds);
        rebuilds.rebuild(50L, false);
        RebuildProgress second = await(rebuilds);
        assertThat(first.state()).isEqualTo("DONE");
        assertThat(first.processed()).isEqualTo(50);
        assertThat(first.hash()).hasSize(64).isEqualTo(second.hash());
        assertThat(rebuilds.hash(50L).hash()).isEqualTo(first.hash());
        assertThat(rebuilds.hash(51L).hash()).isNotEqualTo(first.hash());
        assertThat(first.serving()).isFalse();
    }

    @Test
    @DisplayName("blue/green: a rebuild writes a new generation while the register serves, switches, and a new node starts from it")
    void blue_green_switch_and_restart(MongoDatabase db) throws Exception {
        Records r = log(db, 30);
        PublicRegister register = new PublicRegister(db, Duration.ofMillis(50));
        RegisterRebuilds rebuilds = new RegisterRebuilds(db, register);
        register.catchUp();
        String serving = register.hashNow("x").hash();
        rebuilds.rebuild(null, true);
        RebuildProgress built = await(rebuilds);
        assertThat(built.serving()).isTrue();
        assertThat(built.hash()).isEqualTo(serving);
        assertThat(new Generations(db).active(RegisterRebuilds.NAME).orElseThrow().generation()).isEqualTo(1);
        rebuilds.rebuild(null, true);
        assertThat(await(rebuilds).generation()).isEqualTo(2);
        assertThat(new Generations(db).active(RegisterRebuilds.NAME).orElseThrow().generation()).isEqualTo(2);

        // more of the log after the switch; a fresh node loads generation 2 and follows the log
        int before = r.all().size();
        r.add(Records.revoked(2));
        append(db, r, before);
        PublicRegister other = new PublicRegister(db, Duration.ofMillis(50));
        new RegisterRebuilds(db, other);
        other.start();
        try {
            Instant deadline = Instant.now().plusSeconds(10);
            while (other.logSize() < r.all().size() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(other.entry(RegisterKind.PERMIT, "P-2026-000002").orElseThrow().status()).isEqualTo("REVOKED");
            register.catchUp();
            assertThat(other.hashNow("x").hash()).isEqualTo(register.hashNow("x").hash());
        } finally {
            other.stop();
        }
    }

    private static void awaitSize(PublicRegister register, long size) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (register.logSize() < size && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(register.logSize()).isEqualTo(size);
    }

    @Test
    @DisplayName("a restart after a crash past the snapshot starts from the snapshot and catches up exactly to the log's fold")
    void restart_from_snapshot_catches_up_exactly(MongoDatabase db) throws Exception {
        Records r = log(db, 600); // more than 1,000 entries: a snapshot of several chunks
        PublicRegister register = new PublicRegister(db, Duration.ofMillis(50));
        RegisterRebuilds rebuilds = new RegisterRebuilds(db, register);
        register.catchUp();
        long snapshotAt = register.logSize();
        register.saveSnapshotIfDue(true);

        // the node goes on after its snapshot and dies (kill -9): no snapshot at the new size
        int before = r.all().size();
        r.add(Records.revoked(2));
        r.add(Records.suspended(5));
        r.add(Records.registered("Late Entity", "2000999", Activity.TRADE, LocalDate.of(2027, 6, 1)));
        append(db, r, before);

        PublicRegister restarted = new PublicRegister(db, Duration.ofMillis(50));
        RegisterRebuilds restartedRebuilds = new RegisterRebuilds(db, restarted);
        assertThat(restartedRebuilds.loadLatest().orElseThrow().model().logSize()).isEqualTo(snapshotAt);
        restarted.start();
        try {
            awaitSize(restarted, r.all().size());
            assertThat(restarted.entry(RegisterKind.PERMIT, "P-2026-000002").orElseThrow().status()).isEqualTo("REVOKED");
            assertThat(restarted.hashNow("x").hash()).isEqualTo(rebuilds.hash((long) r.all().size()).hash());
        } finally {
            restarted.stop();
        }
        // the clean stop saved the register at the head, and the next start begins there
        assertThat(new RegisterRebuilds(db, new PublicRegister(db, Duration.ofMillis(50))).loadLatest().orElseThrow().model().logSize())
                .isEqualTo(r.all().size());
    }

    @Test
    @DisplayName("a snapshot whose save failed (e.g. interrupted at stop) is not taken as saved: the next save tries again")
    void failed_snapshot_is_tried_again(MongoDatabase db) throws Exception {
        long size = log(db, 20).all().size();
        PublicRegister register = new PublicRegister(db, Duration.ofMillis(50));
        java.util.List<Long> saved = new java.util.ArrayList<>();
        boolean[] fail = {true};
        register.startFrom(java.util.Optional::empty, (entries, logSize, position, generation) -> {
            if (fail[0]) {
                throw new IllegalStateException("Interrupted waiting for lock");
            }
            saved.add(logSize);
        }, 1_000);
        register.start();
        try {
            awaitSize(register, size);
            register.saveSnapshotIfDue(true);
            assertThat(saved).as("the first save failed").isEmpty();
            fail[0] = false;
        } finally {
            register.stop();
        }
        assertThat(saved).as("the stop saved the register at the head after the failed try").containsExactly(size);
    }

    @Test
    @DisplayName("a snapshot of a register replaced by a rebuild's switch, or one missing a chunk, is not started from")
    void stale_or_torn_snapshot_is_not_used(MongoDatabase db) throws Exception {
        long size = log(db, 20).all().size();
        PublicRegister register = new PublicRegister(db, Duration.ofMillis(50));
        RegisterRebuilds rebuilds = new RegisterRebuilds(db, register);
        register.catchUp();
        register.saveSnapshotIfDue(true);
        String folded = rebuilds.hash((long) register.logSize()).hash();

        // a torn snapshot (a chunk lost): the start folds the log instead, to the same register
        assertThat(db.getCollection(RegisterRebuilds.SNAPSHOT).deleteOne(new Document("_id", "0:" + register.logSize() + "/0")).getDeletedCount())
                .isEqualTo(1);
        assertThat(new RegisterRebuilds(db, new PublicRegister(db, Duration.ofMillis(50))).loadLatest()).isEmpty();

        // a rebuild switched to generation 1 after the snapshot was taken of generation 0: the generation is loaded
        // (a register of nothing, as a dishonest or broken save of generation 0 would leave, at the log's size)
        rebuilds.saveSnapshot(java.util.List.of(), register.logSize(), 0, 0);
        rebuilds.rebuild(null, true);
        assertThat(await(rebuilds).serving()).isTrue();
        PublicRegister.Saved loaded = new RegisterRebuilds(db, new PublicRegister(db, Duration.ofMillis(50))).loadLatest().orElseThrow();
        assertThat(loaded.generation()).isEqualTo(1);
        assertThat(loaded.model().hash()).isEqualTo(folded);
    }
}
