package mn.registry.tlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.log.Disclosures;
import mn.registry.kernel.log.PublicRecords;
import mn.registry.kernel.log.SealedEvent;
import mn.registry.keystore.KeystorePassword;
import mn.registry.keystore.RegistryKeys;
import mn.registry.store.mongo.EmbeddedMongo;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import mn.registry.kernel.log.Tiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public bytes of a small log (300 entries: a full tile, a partial one, a level-1 tile) as served: the checkpoint,
 * tiles, entry bundles, inclusion proofs and verification bundles, compared byte for byte with the files recorded on
 * main before the log moved into its own module (run with {@code -Dgolden.record=true} to record them again, only if a format change is meant). The
 * keystore and the checkpoint's time-stamp token are recorded with them, as the only inputs that are random.
 */
class GoldenLogBytesTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden-log");
    static final boolean RECORD = Boolean.getBoolean("golden.record");
    static final String ORIGIN = "registry.mn/log";
    static final KeystorePassword PASSWORD = KeystorePassword.of("golden-log".toCharArray());
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    static final int ENTRIES = 300;

    private static EmbeddedMongo mongo;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    /** Event {@code i} as sealed: a public role grant; every third carries the salts of ADR 0015. */
    static SealedEvent event(int i) {
        String payload = "{\"personId\":\"official-" + i + "\",\"role\":\"REVIEWER\",\"validFrom\":\"2026-11-0" + (1 + i % 9) + "\"}";
        String meta = "{\"commandId\":\"command-" + i + "\",\"signedBy\":\"minister-1\",\"jwsSha256\":\"" + "ab".repeat(32) + "\"}";
        return new SealedEvent("event-" + i, "Person", "official-" + i, 0, "2026-11-20T0" + (i % 10) + ":00:00Z",
                RoleGranted.class.getName(), null, payload, meta, i == 0 ? null : "prev-" + (i - 1), "hash-" + i, "seal-key-1", "seal-" + i);
    }

    static Map<String, String> salts(int i) {
        Map<String, String> salts = new LinkedHashMap<>();
        for (String field : List.of("personId", "role", "validFrom")) {
            salts.put(field, "salt-" + field + "-" + i);
        }
        return salts;
    }

    /** The commit document the event store keeps for event {@code i} at global position {@code 10 + 2i}. */
    static Document commit(int i) {
        SealedEvent e = event(i);
        Document d = new Document("eventId", e.eventId()).append("aggregateType", e.aggregateType()).append("aggregateId", e.aggregateId())
                .append("seq", e.seq()).append("timestamp", e.timestamp()).append("payloadType", e.payloadType())
                .append("payloadRevision", e.payloadRevision()).append("payload", e.payload()).append("metaData", e.metaData())
                .append("prevHash", e.prevHash()).append("hash", e.hash()).append("keyId", e.keyId()).append("seal", e.seal());
        if (i % 3 == 0) {
            d.append("salts", Disclosures.saltsJson(salts(i))).append("sdSeal", "sd-seal-" + i);
        }
        return new Document("_id", 10L + 2L * i).append("eventIds", List.of(e.eventId())).append("events", List.of(d));
    }

    @Test
    @DisplayName("the log's public bytes (checkpoint, tiles, entry bundles, proofs, bundles) are those recorded before the move")
    void public_bytes_are_unchanged(@TempDir Path dir) throws IOException {
        Path keystore = dir.resolve("keys").resolve(RegistryKeys.KEYSTORE);
        if (!RECORD) {
            Files.createDirectories(keystore.getParent());
            Files.copy(GOLDEN.resolve(RegistryKeys.KEYSTORE), keystore);
        }
        RegistryKeys keys = RegistryKeys.openOrCreate(dir, PASSWORD, CLOCK);
        MongoDatabase db = client.getDatabase("golden" + System.nanoTime());
        LogWriter writer = new LogWriter(db, ORIGIN, keys.checkpoint(), keys.timeStamping(), CLOCK, () -> { });
        writer.ensureIndexes();
        for (int i = 0; i < ENTRIES; i++) {
            db.getCollection("events").insertOne(commit(i));
            long position = 10L + 2L * i;
            ObjectNode record = PublicRecords.record(event(i), position).orElseThrow();
            assertThat(writer.append(event(i).eventId(), PublicRecords.leafData(record), position, "command-" + i)).isEqualTo(i);
        }
        writer.publishCheckpointIfGrown();
        Document checkpoint = db.getCollection(LogCollections.CHECKPOINTS).find(new Document("_id", (long) ENTRIES)).first();
        if (RECORD) {
            Files.createDirectories(GOLDEN);
            Files.copy(keystore, GOLDEN.resolve(RegistryKeys.KEYSTORE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.write(GOLDEN.resolve("timestamp-token.der"), checkpoint.get(LogCollections.TIME_STAMP, Binary.class).getData());
        } else {
            db.getCollection(LogCollections.CHECKPOINTS).updateOne(new Document("_id", (long) ENTRIES), new Document("$set",
                    new Document(LogCollections.TIME_STAMP, new Binary(Files.readAllBytes(GOLDEN.resolve("timestamp-token.der"))))));
        }

        Map<String, byte[]> served = serve(db, keys);
        for (Map.Entry<String, byte[]> e : served.entrySet()) {
            Path file = GOLDEN.resolve(e.getKey());
            if (RECORD) {
                Files.write(file, e.getValue());
            } else {
                assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readAllBytes(file));
            }
        }
        assertThat(RECORD).as("recorded; run again without -Dgolden.record").isFalse();
    }

    /** What the public endpoints answer (the reader's answers, which they send as they are), by file name. */
    static Map<String, byte[]> serve(MongoDatabase db, RegistryKeys keys) {
        LogReader reader = new LogReader(db, keys, ORIGIN);
        LogReader.Published latest = reader.latest().orElseThrow();
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("checkpoint.txt", latest.note().getBytes(StandardCharsets.UTF_8));
        for (String tile : List.of("tile/0/000", "tile/0/001.p/44", "tile/0/001.p/10", "tile/1/000.p/1", "tile/entries/000",
                "tile/entries/001.p/44")) {
            out.put(tile.replace('/', '_') + ".bin", reader.resource(Tiles.parse(tile).orElseThrow(), latest.size()).orElseThrow().body());
        }
        for (int i : new int[]{0, 1, 255, 256, 299}) {
            out.put("proof-" + i + ".txt", reader.proof(i, latest).body());
        }
        for (int i : new int[]{0, 1, 299}) {
            out.put("bundle-" + i + ".json", reader.bundle(i, latest).orElseThrow().body());
        }
        return out;
    }
}
