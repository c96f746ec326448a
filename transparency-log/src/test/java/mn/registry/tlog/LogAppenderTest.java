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
    @DisplayName("ADR 0048: leaves appended in batches (of 1, 7, 100 and 256, across tile edges) give the same entries, tiles and root as one by one")
    void batches_give_the_same_log_as_one_by_one(MongoDatabase db) {
        LogAppender one = new LogAppender(db);
        one.ensureIndexes();
        for (int i = 0; i < 700; i++) {
            one.append("event-" + i, leaf(i), new Document("position", (long) i));
        }
        java.util.Map<String, List<Document>> single = new java.util.HashMap<>();
        for (String collection : List.of(LogCollections.ENTRIES, LogCollections.TILES, LogCollections.STATE)) {
            single.put(collection, db.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
            db.getCollection(collection).deleteMany(new Document());
        }
        LogAppender batched = new LogAppender(db);
        batched.ensureIndexes();
        int i = 0;
        for (int size : new int[] {1, 7, 100, 256, 255, 81}) {
            List<LogAppender.Leaf> batch = new ArrayList<>();
            for (int k = 0; k < size; k++, i++) {
                batch.add(new LogAppender.Leaf("event-" + i, leaf(i), new Document("position", (long) i)));
            }
            long[] indexes = batched.appendAll(batch);
            assertThat(indexes).containsExactly(java.util.stream.LongStream.range(i - size, i).toArray());
        }
        assertThat(batched.size()).isEqualTo(700);
        assertThat(rootFromTiles(db, 700)).isEqualTo(expectedRoot(700));
        for (String collection : List.of(LogCollections.ENTRIES, LogCollections.TILES, LogCollections.STATE)) {
            assertThat(db.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                    .as(collection).isEqualTo(single.get(collection));
        }
    }

    @Test
    @DisplayName("ADR 0048: a batch delivered again, in part or whole, returns the first indexes and appends only the events not in the log")
    void a_batch_delivered_again_appends_only_what_is_new(MongoDatabase db) {
        LogAppender appender = new LogAppender(db);
        appender.ensureIndexes();
        assertThat(appender.appendAll(List.of(new LogAppender.Leaf("a", leaf(0), new Document()), new LogAppender.Leaf("b", leaf(1), new Document()))))
                .containsExactly(0, 1);
        assertThat(new LogAppender(db).appendAll(List.of(new LogAppender.Leaf("b", leaf(1), new Document()), new LogAppender.Leaf("c", leaf(2), new Document()),
                new LogAppender.Leaf("a", leaf(0), new Document())))).containsExactly(1, 2, 0);
        assertThat(db.getCollection(LogCollections.ENTRIES).countDocuments()).isEqualTo(3);
        assertThat(new LogAppender(db).size()).isEqualTo(3);
        assertThat(rootFromTiles(db, 3)).isEqualTo(expectedRoot(3));
    }

    @Test
    @DisplayName("ADR 0048: a crash after a batch's entries were inserted, before its tiles and size, is repaired by the next writer; the batch again appends nothing twice")
    void crash_after_a_batchs_entries_is_repaired(MongoDatabase db) {
        LogAppender first = new LogAppender(db);
        first.ensureIndexes();
        List<LogAppender.Leaf> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(new LogAppender.Leaf("event-" + i, leaf(i), new Document()));
        }
        first.appendAll(batch);
        // the crashed writer inserted the entries of 250..299 (crossing tile 0/0's end) and nothing else
        List<Document> inserted = new ArrayList<>();
        List<LogAppender.Leaf> again = new ArrayList<>();
        for (int i = 250; i < 300; i++) {
            inserted.add(new Document("_id", (long) i).append(LogCollections.EVENT_ID, "event-" + i)
                    .append(LogCollections.LEAF, new String(leaf(i), StandardCharsets.UTF_8)).append(LogCollections.LEAF_HASH, new Binary(Merkle.leafHash(leaf(i)))));
            again.add(new LogAppender.Leaf("event-" + i, leaf(i), new Document()));
        }
        db.getCollection(LogCollections.ENTRIES).insertMany(inserted);
        again.add(new LogAppender.Leaf("event-300", leaf(300), new Document()));

        LogAppender next = new LogAppender(db);
        assertThat(next.appendAll(again)).containsExactly(java.util.stream.LongStream.rangeClosed(250, 300).toArray());
        assertThat(next.size()).isEqualTo(301);
        assertThat(db.getCollection(LogCollections.ENTRIES).countDocuments()).isEqualTo(301);
        assertThat(rootFromTiles(db, 301)).isEqualTo(expectedRoot(301));
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
