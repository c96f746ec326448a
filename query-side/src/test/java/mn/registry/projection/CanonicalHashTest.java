package mn.registry.projection;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmbeddedMongoExtension.class)
class CanonicalHashTest {

    @Test
    @DisplayName("the hash of collections is the same whatever order the documents and their fields were written in, and changes with any value")
    void order_independent_content_hash(MongoDatabase a, MongoDatabase b) {
        a.getCollection("q").insertMany(List.of(new Document("_id", "x").append("n", 1).append("s", "Хан"), new Document("_id", 7L).append("k", List.of(1, 2))));
        a.getCollection("r").insertOne(new Document("_id", "only"));
        b.getCollection("r").insertOne(new Document("_id", "only"));
        b.getCollection("q").insertMany(List.of(new Document("_id", 7L).append("k", List.of(1, 2)), new Document("s", "Хан").append("n", 1).append("_id", "x")));
        String ha = CanonicalHash.ofCollections(a, List.of("q", "r"));
        assertThat(ha).hasSize(64).isEqualTo(CanonicalHash.ofCollections(b, List.of("r", "q")));
        b.getCollection("q").updateOne(new Document("_id", "x"), new Document("$set", new Document("n", 2)));
        assertThat(CanonicalHash.ofCollections(b, List.of("q", "r"))).isNotEqualTo(ha);
        assertThat(CanonicalHash.ofCollections(a, List.of("q"))).isNotEqualTo(ha);
    }

    @Test
    @DisplayName("items must come in ascending key order, so the hash cannot depend on the order they are produced in")
    void keys_ascend() {
        CanonicalHash hash = new CanonicalHash().add("b", CanonicalJson.mapper().createObjectNode());
        assertThatThrownBy(() -> hash.add("a", CanonicalJson.mapper().createObjectNode())).isInstanceOf(IllegalArgumentException.class);
    }
}
