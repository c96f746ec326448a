package mn.registry.tlog;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.log.Checkpoint;
import mn.registry.kernel.log.Merkle;
import mn.registry.kernel.log.NoteKey;
import mn.registry.kernel.log.SignedNote;
import mn.registry.kernel.log.Tiles;
import mn.registry.kernel.log.TimeStamps;
import mn.registry.keystore.RegistryKeys;
import org.bson.Document;
import org.bson.types.Binary;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The log in MongoDB: tiles equal the tree, redelivery appends nothing, a crash mid-append is repaired, checkpoints follow growth. */
@ExtendWith(EmbeddedMongoExtension.class)
class LogAppenderTest {

    private static byte[] leaf(int i) {
        return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] rootFromTiles(MongoDatabase db, long size) {
        return Merkle.root(size, Tiles.hashReader((level, index, minWidth) -> {
            Document tile = db.getCollection(LogCollections.TILES).find(new Document("_id", LogCollections.tileId(level, index))).first();
            return tile == null ? new byte[0] : tile.get(LogCollections.HASHES, Binary.class).getData();
        }));
    }

    private static byte[] expectedRoot(int size) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            hashes.add(Merkle.leafHash(leaf(i)));
        }
        return Merkle.root(size, Merkle.inMemory(hashes));
    }

    @Test
    @DisplayName("600 appends across two full tiles give the tree's root from the tiles, and a full level-0 tile's root sits in level 1")
    void tiles_hold_the_tree(MongoDatabase db) {
        LogAppender appender = new LogAppender(db);
        appender.ensureIndexes();
        for (int i = 0; i < 600; i++) {
            assertThat(appender.append("event-" + i, leaf(i), new Document())).isEqualTo(i);
        }
        assertThat(appender.size()).isEqualTo(600);
        assertThat(rootFromTiles(db, 600)).isEqualTo(expectedRoot(600));
        assertThat(rootFromTiles(db, 300)).isEqualTo(expectedRoot(300));
        Document level1 = db.getCollection(LogCollections.TILES).find(new Document("_id", "1/0")).first();
        assertThat(level1.get(LogCollections.HASHES, Binary.class).getData()).hasSize(2 * Merkle.HASH_SIZE);
    }

    @Test
    @DisplayName("an event delivered again is found by its id: same index, nothing appended")
    void redelivery_appends_nothing(MongoDatabase db) {
        LogAppender appender = new LogAppender(db);
        appender.ensureIndexes();
        appender.append("a", leaf(0), new Document());
        appender.append("b", leaf(1), new Document());
        assertThat(appender.append("a", leaf(0), new Document())).isZero();
        assertThat(new LogAppender(db).append("b", leaf(1), new Document())).isEqualTo(1);
        assertThat(appender.size()).isEqualTo(2);
        assertThat(db.getCollection(LogCollections.ENTRIES).countDocuments()).isEqualTo(2);
    }

    @Test
    @DisplayName("a crash after the entry was written but before tiles and size is repaired by the next writer, and the event is not appended twice")
    void crash_between_entry_and_tiles_is_repaired(MongoDatabase db) {
        LogAppender first = new LogAppender(db);
        first.ensureIndexes();
        for (int i = 0; i < 255; i++) {
            first.append("event-" + i, leaf(i), new Document());
        }
        // the crashed writer got as far as the entry of index 255 (which completes tile 0/0)
        db.getCollection(LogCollections.ENTRIES).insertOne(new Document("_id", 255L).append(LogCollections.EVENT_ID, "event-255")
                .append(LogCollections.LEAF, new String(leaf(255), StandardCharsets.UTF_8)).append(LogCollections.LEAF_HASH, new Binary(Merkle.leafHash(leaf(255)))));

        LogAppender next = new LogAppender(db);
        assertThat(next.size()).isEqualTo(256);
        assertThat(next.append("event-255", leaf(255), new Document())).isEqualTo(255);
        assertThat(next.append("event-256", leaf(256), new Document())).isEqualTo(256);
        assertThat(rootFromTiles(db, 257)).isEqualTo(expectedRoot(257));
        assertThat(db.getCollection(LogCollections.TILES).find(new Document("_id", "1/0")).first()).isNotNull();
    }

    @Test
    @DisplayName("a checkpoint is published once per growth, signed by the checkpoint key over the tiles' root and time-stamped over the signed note")
    void checkpoints_follow_growth(@TempDir Path keysDir, MongoDatabase db) throws Exception {
        RegistryKeys keys = RegistryKeys.openOrCreate(keysDir, Clock.systemUTC());
        CheckpointPublisher publisher = new CheckpointPublisher(db, "test.example/log", keys.checkpoint(), keys.timeStamping(), Clock.systemUTC());
        LogAppender appender = new LogAppender(db);
        appender.ensureIndexes();

        assertThat(publisher.publishIfGrown()).contains(0L); // an empty log still has a checkpoint
        assertThat(publisher.publishIfGrown()).isEmpty();
        for (int i = 0; i < 5; i++) {
            appender.append("e" + i, leaf(i), new Document());
        }
        assertThat(publisher.publishIfGrown()).contains(5L);
        assertThat(publisher.publishIfGrown()).isEmpty();

        Document stored = db.getCollection(LogCollections.CHECKPOINTS).find(new Document("_id", 5L)).first();
        String note = stored.getString(LogCollections.NOTE);
        Checkpoint checkpoint = Checkpoint.open(note, new NoteKey("test.example/log", keys.checkpoint().publicKey()));
        assertThat(checkpoint.rootHash()).isEqualTo(expectedRoot(5));
        assertThat(SignedNote.parse(note).text()).isEqualTo(checkpoint.text());
        TimeStamps.verify(stored.get(LogCollections.TIME_STAMP, Binary.class).getData(), note.getBytes(StandardCharsets.UTF_8), keys.caCertificate());
        assertThat(db.getCollection(LogCollections.STATE).find(new Document("_id", CheckpointPublisher.LATEST)).first().get(LogCollections.SIZE, Number.class).longValue())
                .isEqualTo(5);
    }
}
