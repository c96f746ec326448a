package mn.registry.store.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.ObjectId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server's compact storage form (ADR 0025): documents and index keys read back as written, index keys in
 * a total order that is equal exactly when the keys are, and files of the previous release (every value
 * Java-serialized by H2, index maps ordered by serialized bytes) still open.
 */
class EmbeddedH2BackendTest {

    private static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(6).map(s -> (Object) (s + ":person-" + s)),
                Arbitraries.strings().withCharRange('а', 'я').ofMaxLength(12).map(s -> (Object) s),
                // UTF-8 cannot hold an unpaired surrogate: such strings keep H2's char-by-char form, pairs (emoji) take UTF-8's
                Arbitraries.strings().withChars('a', 'ө', '\uD83D', '\uDE00', '\uDC00', '\uD800').ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, -0.0d, 0.0d, Double.NEGATIVE_INFINITY).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L).map(s -> (Object) Instant.ofEpochSecond(s, Math.abs(s % 1_000_000_000L))),
                Arbitraries.longs().map(l -> (Object) new UUID(l, ~l)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(b -> (Object) new BinData(b)),
                Arbitraries.just((Object) new ObjectId()),
                Arbitraries.just((Object) Missing.getInstance()),
                Arbitraries.longs().map(l -> (Object) new Decimal128(l, ~l)),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> nested = Arbitraries.lazyOf(
                () -> scalars(),
                () -> scalars().list().ofMaxSize(4).map(l -> (Object) l),
                () -> documents(scalars()).map(d -> (Object) d));
        return Arbitraries.oneOf(scalars(), nested.list().ofMaxSize(3).map(l -> (Object) l), documents(nested).map(d -> (Object) d));
    }

    private static Arbitrary<de.bwaldvogel.mongo.bson.Document> documents(Arbitrary<Object> values) {
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), values).ofMaxSize(5)
                .map(map -> {
                    de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
                    map.forEach(document::put);
                    return document;
                });
    }

    @Provide
    Arbitrary<KeyValue> keys() {
        return values().list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
    }

    @Property(tries = 1_000)
    @net.jqwik.api.Label("a document written in the compact form reads back equal, field order and value types kept")
    void documents_read_back_as_written(@ForAll("values") Object value) {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "x").append("v", value);
        EmbeddedStorageEncoding.DocumentValues type = new EmbeddedStorageEncoding.DocumentValues();
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        ByteBuffer bytes = buffer.getBuffer().flip();
        assertThat(bytes.get(0) & 0xFF).isEqualTo(EmbeddedStorageEncoding.DOCUMENT_MARKER);
        Object read = type.read(bytes);
        assertThat(bytes.hasRemaining()).isFalse();
        assertThat(read).isEqualTo(document);
        assertThat(new ArrayList<>(((de.bwaldvogel.mongo.bson.Document) read).keySet())).isEqualTo(new ArrayList<>(document.keySet()));
        assertThat(describe(((de.bwaldvogel.mongo.bson.Document) read).get("v"))).isEqualTo(describe(value));
    }

    /** Types as well as values: an Integer must not come back a Long. */
    private static String describe(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(EmbeddedH2BackendTest::describe).toList().toString();
        }
        if (value instanceof java.util.Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(k + "=" + describe(v)));
            return "{" + entries + "}";
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + (value instanceof Missing ? "missing" : value);
    }

    @Property(tries = 2_000)
    @net.jqwik.api.Label("index keys are in a total order that is 0 exactly when the keys are equal, and read back as written")
    void key_order_is_total_and_consistent_with_equality(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
        EmbeddedStorageEncoding.CompactKeys type = new EmbeddedStorageEncoding.CompactKeys();
        int ab = Integer.signum(type.compare(a, b));
        assertThat(Integer.signum(type.compare(b, a))).isEqualTo(-ab);
        assertThat(ab == 0).isEqualTo(a.equals(b));
        KeyValue copy = new KeyValue(toList(a));
        assertThat(type.compare(a, copy)).isZero();

        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, a);
        Object read = type.read(buffer.getBuffer().flip());
        assertThat(read).isEqualTo(a);
        assertThat(type.compare(read, a)).isZero();
        assertThat(Integer.signum(type.compare(read, b))).isEqualTo(ab);
    }

    private static List<Object> toList(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return values;
    }

    @Property(tries = 5_000)
    @net.jqwik.api.Label("session 23: the scan for an unpaired surrogate answers as session 19's test did: the UTF-8 bytes, decoded, are not the string")
    void the_surrogate_scan_agrees_with_decoding_the_bytes_again(
            @ForAll("surrogateStrings") String value) {
        boolean bytesDoNotHoldIt = !value.equals(new String(value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(EmbeddedStorageEncoding.hasUnpairedSurrogate(value)).isEqualTo(bytesDoNotHoldIt);
    }

    @Provide
    Arbitrary<String> surrogateStrings() {
        return Arbitraries.strings().withChars('a', '?', 'ө', '\uD83D', '\uDE00', '\uDC00', '\uD800', '\uDBFF', '\uDFFF').ofMaxLength(10);
    }

    @Property(tries = 3_000)
    @net.jqwik.api.Label("session 30: a string written in one copy (a data map's key, an index's value, a field name) is byte for byte what H2 writes char by char, and reads back")
    void strings_written_in_one_copy_are_h2s_bytes(@ForAll("idStrings") String value) {
        WriteBuffer h2 = new WriteBuffer();
        new ObjectDataType().write(h2, value);
        WriteBuffer ours = new WriteBuffer();
        new EmbeddedStorageEncoding.ObjectValues().write(ours, value);
        assertThat(bytesOf(ours)).as("ObjectDataType's form of %s", value).isEqualTo(bytesOf(h2));
        assertThat(new ObjectDataType().read(ours.getBuffer().flip())).isEqualTo(value);

        WriteBuffer h2Chars = new WriteBuffer().putVarInt(value.length()).putStringData(value, value.length());
        WriteBuffer ourChars = new WriteBuffer().putVarInt(value.length());
        EmbeddedStorageEncoding.putStringData(ourChars, value, value.length());
        assertThat(bytesOf(ourChars)).as("putStringData's form of %s", value).isEqualTo(bytesOf(h2Chars));
    }

    @Property(tries = 5_000)
    @net.jqwik.api.Label("session 31: the scan for '?' eight bytes a step answers as a byte by byte loop, wherever the '?' is and whatever the bytes around it")
    void the_eight_byte_scan_finds_a_question_mark_as_a_loop_does(@ForAll("scannedBytes") byte[] bytes) {
        boolean loop = false;
        for (byte b : bytes) {
            loop |= b == '?';
        }
        assertThat(EmbeddedStorageEncoding.holdsQuestionMark(bytes)).as("%s", java.util.Arrays.toString(bytes)).isEqualTo(loop);
    }

    @Provide
    Arbitrary<byte[]> scannedBytes() {
        // '?' (0x3F) and its neighbours in value and in borrow: 0x3E, 0x40, 0x00, 0x7F, 0xBF, 0xFF, and any byte at all
        return Arbitraries.oneOf(Arbitraries.of((byte) '?', (byte) 0x3E, (byte) 0x40, (byte) 0, (byte) 0x7F, (byte) 0xBF, (byte) 0xFF, (byte) 0x80),
                Arbitraries.bytes()).array(byte[].class).ofMaxSize(40);
    }

    @Property(tries = 5_000)
    @net.jqwik.api.Label("session 31: a string is written as its UTF-8 bytes in one copy exactly when every char is ASCII")
    void a_string_is_ascii_exactly_when_every_char_is(@ForAll("idStrings") String value) {
        assertThat(EmbeddedStorageEncoding.isAscii(value, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .as("%s", value).isEqualTo(value.chars().allMatch(c -> c < 128));
    }

    @Provide
    Arbitrary<String> idStrings() {
        return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().withChars('a', 'Z', '0', '-', '\u007F', '\u0080', 'ö', 'ө', 'Я', '\u07FF', '\u0800', '\uFFFF',
                        '\uD83D', '\uDE00', '\uDC00', '?').ofMaxLength(40));
    }

    @Test
    @DisplayName("session 30: collections' data maps keep H2's key form, and index maps H2's value form: a file written with the one-copy strings reads with H2's own types")
    void data_and_index_maps_read_with_h2s_own_types(@TempDir Path dir) {
        String file = dir.resolve("one-copy.mv").toString();
        withServer(EmbeddedH2Backend.open(file), client -> {
            MongoCollection<Document> things = client.getDatabase("registry").getCollection("things");
            things.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            things.insertOne(new Document("_id", "SP-2026-000001").append("number", "000001"));
            things.insertOne(new Document("_id", "Улаанбаатар-2").append("number", "000002"));
        });
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            List<Object> keys = new ArrayList<>();
            List<Object> indexValues = new ArrayList<>();
            for (String name : store.getMapNames()) {
                if (name.equals(EmbeddedH2Backend.DATA_PREFIX + "registry.things")) {
                    store.openMap(name, new MVMap.Builder<Object, Object>().valueType(new EmbeddedStorageEncoding.DocumentValues()))
                            .keySet().forEach(keys::add);
                } else if (name.startsWith("registry.things._index_number")) {
                    store.openMap(name, new MVMap.Builder<Object, Object>().keyType(new EmbeddedStorageEncoding.CompactKeys()))
                            .values().forEach(indexValues::add);
                }
            }
            assertThat(keys).containsExactlyInAnyOrder("SP-2026-000001", "Улаанбаатар-2");
            assertThat(indexValues).containsExactlyInAnyOrder("SP-2026-000001", "Улаанбаатар-2");
        } finally {
            store.close();
        }
    }

    private static byte[] bytesOf(WriteBuffer buffer) {
        ByteBuffer bytes = buffer.getBuffer().duplicate().flip();
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }

    @Test
    @DisplayName("session 19: a string value is written as its UTF-8 bytes, unless it holds an unpaired surrogate; a document of the earlier compact form (H2's char-by-char strings) still reads")
    void strings_as_utf8_and_the_earlier_compact_form_still_reads() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "Улаанбаатар 😀").append("ascii", "SP-2026-000001")
                .append("lone", "a\uD800b");
        WriteBuffer buffer = new WriteBuffer();
        new EmbeddedStorageEncoding.DocumentValues().write(buffer, document);
        ByteBuffer bytes = buffer.getBuffer().flip();
        byte[] written = new byte[bytes.remaining()];
        bytes.duplicate().get(written);
        String asLatin1 = new String(written, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(asLatin1).as("the UTF-8 bytes of the Cyrillic and the emoji are in the file as they are")
                .contains(new String("Улаанбаатар 😀".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(new EmbeddedStorageEncoding.DocumentValues().read(bytes)).isEqualTo(document);

        // the compact form before session 19: marker, field count, then each key and a value tagged 6 in H2's string form
        WriteBuffer earlier = new WriteBuffer();
        earlier.put((byte) EmbeddedStorageEncoding.DOCUMENT_MARKER).putVarInt(2);
        earlier.putVarInt(3).putStringData("_id", 3).put((byte) 6).putVarInt(4).putStringData("ӨӨ-1", 4);
        earlier.putVarInt(1).putStringData("n", 1).put((byte) 3).putVarInt(7);
        assertThat(new EmbeddedStorageEncoding.DocumentValues().read(earlier.getBuffer().flip()))
                .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "ӨӨ-1").append("n", 7));
    }

    @Test
    @DisplayName("a document Java-serialized by H2, as every earlier release wrote it, is read by the compact form's reader")
    void reads_java_serialized_documents() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", 7L)
                .append("heads", List.of("1:person-1")).append("at", Instant.parse("2026-12-04T09:00:00Z"));
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);
        Object read = new EmbeddedStorageEncoding.DocumentValues().read(buffer.getBuffer().flip());
        assertThat(read).isEqualTo(document);
    }

    @Test
    @DisplayName("a data directory of the previous release opens: its documents are found by _id and by unique keys, duplicates are still refused, and it reopens after new writes")
    void files_of_the_previous_release_open(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv").toString();
        int count = 600;
        // the previous release wrote exactly what the plain backend writes: H2's ObjectDataType for documents and keys
        withServer(new H2Backend(file), client -> {
            MongoCollection<Document> docs = client.getDatabase("registry").getCollection("things");
            docs.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true));
            docs.createIndex(Indexes.ascending("year", "n"), new IndexOptions().unique(true).sparse(true));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new Document("_id", (long) i).append("keys", List.of(i + ":thing-" + (i % 97), "k" + i))
                        .append("year", 2026).append("n", i).append("name", "Хишиг " + i));
            }
            docs.insertMany(batch);
        });
        withServer(EmbeddedH2Backend.open(file), client -> {
            MongoCollection<Document> docs = client.getDatabase("registry").getCollection("things");
            for (int i = 0; i < count; i += 3) {
                assertThat(docs.find(Filters.eq("_id", (long) i)).first()).as("_id %d", i).isNotNull()
                        .extracting(d -> d.get("name")).isEqualTo("Хишиг " + i);
                assertThat(docs.find(Filters.eq("keys", i + ":thing-" + (i % 97))).first()).as("key %d", i).isNotNull()
                        .extracting(d -> d.get("_id")).isEqualTo((long) i);
                assertThat(docs.find(Filters.and(Filters.eq("year", 2026), Filters.eq("n", i))).first()).isNotNull();
            }
            assertThat(docs.find(Filters.eq("keys", "k" + count)).first()).isNull();
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", (long) count).append("keys", List.of("k5"))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 5L).append("keys", List.of("fresh"))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            docs.insertOne(new Document("_id", (long) count).append("keys", List.of("added-by-new-backend")));
            docs.updateOne(Filters.eq("_id", 3L), Updates.set("keys", List.of("moved-3")));
        });
        withServer(EmbeddedH2Backend.open(file), client -> {
            MongoCollection<Document> docs = client.getDatabase("registry").getCollection("things");
            assertThat(docs.countDocuments()).isEqualTo(count + 1);
            assertThat(docs.find(Filters.eq("keys", "added-by-new-backend")).first()).isNotNull();
            assertThat(docs.find(Filters.eq("keys", "moved-3")).first()).extracting(d -> d.get("_id")).isEqualTo(3L);
            assertThat(docs.find(Filters.eq("keys", "k3")).first()).isNull();
            for (int i = 0; i < count; i += 7) {
                assertThat(docs.find(Filters.eq("keys", "k" + i)).first()).as("key k%d", i).isNotNull();
            }
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", -1L).append("keys", List.of("k10"))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        });
    }

    @Test
    @DisplayName("an index rebuild that is never committed (the process killed first) leaves the previous release's file whole")
    void uncommitted_rebuild_leaves_the_old_file(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv").toString();
        withServer(new H2Backend(file), client -> client.getDatabase("registry").getCollection("things")
                .insertOne(new Document("_id", "a").append("v", 1)));
        MVStore store = EmbeddedH2Backend.openStore(file);
        String index = "registry.things._index__id_";
        assertThat(store.hasMap(index)).isTrue();
        EmbeddedH2Backend.openIndexMap(store, index);
        MVMap<String, String> formats = store.openMap(EmbeddedH2Backend.KEY_FORMATS);
        assertThat(formats.get(index)).isEqualTo(EmbeddedH2Backend.COMPACT_KEYS);
        store.closeImmediately(); // as kill -9: nothing since the last commit reaches the file
        withServer(new H2Backend(file), client -> assertThat(client.getDatabase("registry").getCollection("things")
                .find(Filters.eq("_id", "a")).first()).isNotNull());
        withServer(EmbeddedH2Backend.open(file), client -> assertThat(client.getDatabase("registry").getCollection("things")
                .find(Filters.eq("_id", "a")).first()).isNotNull());
    }

    @Test
    @DisplayName("ADR 0067: a housekeeping pass moves the live pages out of old, mostly empty chunks: the file holds a fraction of the chunks, and every document and unique key reads back, after a kill -9 as after a close")
    void housekeeping_frees_old_chunks_and_keeps_every_document(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv").toString();
        int count = 3_000;
        EmbeddedH2Backend backend = EmbeddedH2Backend.open(file);
        MVStore store = backend.getMvStore();
        store.setRetentionTime(0); // every chunk old enough at once (H2's 45 s otherwise)
        // the passes below are the test's own: the 1 s committer makes none unless -Dregistry.h2.housekeeping=true, and if it
        // did, the chunks would be fewer before them than this test counts on
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        long before;
        try (MongoClient client = RegistryMongo.client("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> docs = client.getDatabase("registry").getCollection("things");
            docs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new Document("_id", (long) i).append("key", "k" + i).append("name", "Хишиг " + i).append("hot", -1));
            }
            docs.insertMany(batch);
            backend.commit();
            java.util.Random random = new java.util.Random(67);
            for (int step = 0; step < 400; step++) {
                // one durability step per write, as a quiet registry makes them: each chunk keeps the pages no later step rewrote
                docs.updateOne(Filters.eq("_id", (long) random.nextInt(count)), Updates.set("hot", step));
                backend.commit();
            }
            before = chunks(store);
            for (int pass = 0; pass < 20; pass++) {
                backend.keepHouse();
            }
            assertThat(before).as("chunks before housekeeping").isGreaterThan(40);
            assertThat(chunks(store)).as("chunks before housekeeping: %d", before).isLessThan(before / 4);
            assertThat(docs.countDocuments()).isEqualTo(count);
        }
        store.closeImmediately(); // as kill -9: the file as the last commit left it
        server.shutdownNow();
        withServer(EmbeddedH2Backend.open(file), client -> {
            MongoCollection<Document> docs = client.getDatabase("registry").getCollection("things");
            assertThat(docs.countDocuments()).isEqualTo(count);
            for (int i = 0; i < count; i++) {
                assertThat(docs.find(Filters.eq("key", "k" + i)).first()).as("key k%d", i).isNotNull()
                        .extracting(d -> d.get("name")).isEqualTo("Хишиг " + i);
            }
            assertThat(docs.countDocuments(Filters.eq("hot", 399))).isEqualTo(1);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", -1L).append("key", "k10")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        });
    }

    /** The chunks the file's layout lists. */
    private static long chunks(MVStore store) {
        return store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count();
    }

    private static void withServer(H2Backend backend, java.util.function.Consumer<MongoClient> work) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = RegistryMongo.client("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client);
        } finally {
            backend.commit();
            server.shutdown();
        }
    }
}
