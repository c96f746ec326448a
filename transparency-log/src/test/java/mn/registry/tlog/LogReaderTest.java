package mn.registry.tlog;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.log.Merkle;
import mn.registry.kernel.log.Tiles;
import mn.registry.kernel.log.TlogProof;
import mn.registry.keystore.KeystorePassword;
import mn.registry.keystore.RegistryKeys;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's one cache never serves an answer of another tree: each key fixes the bytes it holds. */
@ExtendWith(EmbeddedMongoExtension.class)
class LogReaderTest {

    private static RegistryKeys keys;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = RegistryKeys.openOrCreate(dir, KeystorePassword.of("reader-test".toCharArray()), Clock.systemUTC());
    }

    private static byte[] leaf(int i) {
        return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("ADR 0018: a proof against a newer checkpoint is computed afresh, a partial tile that grew is read again, and old answers stay as they were")
    void cached_answers_follow_the_tree_they_belong_to(MongoDatabase db) {
        LogWriter writer = new LogWriter(db, LogCollections.DEFAULT_ORIGIN, keys.checkpoint(), keys.timeStamping(), Clock.systemUTC(), () -> { });
        writer.ensureIndexes();
        LogReader reader = new LogReader(db, keys, LogCollections.DEFAULT_ORIGIN, 1 << 20);
        for (int i = 0; i < 3; i++) {
            writer.append("event-" + i, leaf(i), i, null);
        }
        writer.publishCheckpointIfGrown();
        LogReader.Published three = reader.checkpoint(3).orElseThrow();
        LogReader.Answer proofAt3 = reader.proof(1, three);
        LogReader.Answer tileAt3 = reader.resource(Tiles.parse("tile/0/000.p/3").orElseThrow(), 3).orElseThrow();

        for (int i = 3; i < 7; i++) {
            writer.append("event-" + i, leaf(i), i, null);
        }
        writer.publishCheckpointIfGrown();
        LogReader.Published seven = reader.checkpoint(7).orElseThrow();
        LogReader.Answer proofAt7 = reader.proof(1, seven);
        assertThat(new String(proofAt7.body(), StandardCharsets.UTF_8)).contains("\n7\n");
        assertThat(proofAt7.etag()).isNotEqualTo(proofAt3.etag());
        TlogProof parsed = TlogProof.parse(new String(proofAt7.body(), StandardCharsets.UTF_8));
        assertThat(Merkle.verifyInclusion(1, 7, Merkle.leafHash(leaf(1)), parsed.hashes(), seven.checkpoint().rootHash()))
                .as("the proof against 7 proves against 7's root, though the tile of 3 hashes was cached").isTrue();

        LogReader.Answer tileAt7 = reader.resource(Tiles.parse("tile/0/000.p/7").orElseThrow(), 7).orElseThrow();
        assertThat(tileAt7.body()).hasSize(7 * Merkle.HASH_SIZE).startsWith(tileAt3.body());
        assertThat(reader.resource(Tiles.parse("tile/0/000.p/3").orElseThrow(), 7).orElseThrow().body()).isEqualTo(tileAt3.body());
        assertThat(reader.proof(1, three).body()).as("the old answer, unchanged").isEqualTo(proofAt3.body());
        assertThat(reader.resource(Tiles.parse("tile/0/000.p/8").orElseThrow(), 7)).as("not in a tree of 7").isEmpty();
    }

    @Test
    @DisplayName("ADR 0004: a checkpoint published in the same process is served as the latest at once; its own read of the latest keeps the rest")
    void a_checkpoint_published_here_is_the_latest_at_once(MongoDatabase db) {
        LogWriter writer = new LogWriter(db, LogCollections.DEFAULT_ORIGIN, keys.checkpoint(), keys.timeStamping(), Clock.systemUTC(), () -> { });
        writer.ensureIndexes();
        LogReader reader = new LogReader(db, keys, LogCollections.DEFAULT_ORIGIN, 1 << 20);
        writer.onPublished(reader::published);
        LogReader told = reader;
        LogReader untold = new LogReader(db, keys, LogCollections.DEFAULT_ORIGIN, 1 << 20);
        writer.append("event-0", leaf(0), 0, null);
        writer.publishCheckpointIfGrown();
        assertThat(told.latest().orElseThrow().size()).isEqualTo(1);
        for (int i = 1; i < 4; i++) {
            writer.append("event-" + i, leaf(i), i, null);
        }
        long before = System.nanoTime();
        assertThat(untold.latest().orElseThrow().size()).isEqualTo(1);
        writer.publishCheckpointIfGrown();
        assertThat(told.latest().orElseThrow().size()).as("told by the writer").isEqualTo(4);
        if (System.nanoTime() - before < LogReader.LATEST_TTL_NANOS / 2) { // the reader not told still serves what it read
            assertThat(untold.latest().orElseThrow().size()).isEqualTo(1);
        }
        reader.published(2); // an older size than the one it holds changes nothing
        assertThat(told.latest().orElseThrow().size()).isEqualTo(4);
    }
}
