package mn.registry.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.Document;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faster key order must be H2's own order, or an index written by one backend would be searched wrongly by the
 * other (and a file written before this change would lose its keys).
 */
class EmbeddedH2BackendTest {

    @Provide
    Arbitrary<KeyValue> keys() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(6).map(s -> (Object) (s + ":person-" + s)),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.just(null));
        return value.list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
    }

    @Property(tries = 2_000)
    @net.jqwik.api.Label("KeyOrder compares any two index keys exactly as H2's ObjectDataType does, also when asked again")
    void same_order_as_h2(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
        ObjectDataType h2 = new ObjectDataType();
        EmbeddedH2Backend.KeyOrder ours = new EmbeddedH2Backend.KeyOrder();
        int expected = Integer.signum(h2.compare(a, b));
        assertThat(Integer.signum(ours.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(ours.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(ours.compare(b, a))).isEqualTo(-expected);
        assertThat(ours.compare(a, new KeyValue(new ArrayList<>(a.iterator().hasNext() ? toList(a) : List.of())))).isZero();
    }

    private static List<Object> toList(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return values;
    }

    @Test
    @DisplayName("a file written by the plain H2 backend is read through its unique indexes by this one, and the other way round")
    void files_are_interchangeable(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv").toString();
        int count = 600;
        withServer(new H2Backend(file), client -> {
            MongoCollection<Document> docs = client.getDatabase("registry").getCollection("things");
            docs.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new Document("_id", (long) i).append("keys", List.of(i + ":thing-" + (i % 97), "k" + i)));
            }
            docs.insertMany(batch);
        });
        withServer(EmbeddedH2Backend.open(file), client -> {
            MongoCollection<Document> docs = client.getDatabase("registry").getCollection("things");
            for (int i = 0; i < count; i += 3) {
                assertThat(docs.find(Filters.eq("_id", (long) i)).first()).as("_id %d", i).isNotNull();
                assertThat(docs.find(Filters.eq("keys", i + ":thing-" + (i % 97))).first()).as("key %d", i).isNotNull()
                        .extracting(d -> d.get("_id")).isEqualTo((long) i);
            }
            assertThat(docs.find(Filters.eq("keys", "k" + count)).first()).isNull();
            docs.insertOne(new Document("_id", (long) count).append("keys", List.of("added-by-new-backend")));
        });
        withServer(new H2Backend(file), client -> {
            MongoCollection<Document> docs = client.getDatabase("registry").getCollection("things");
            assertThat(docs.find(Filters.eq("keys", "added-by-new-backend")).first()).isNotNull();
            assertThat(docs.find(Filters.eq("keys", "k" + (count - 1))).first()).isNotNull();
        });
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
