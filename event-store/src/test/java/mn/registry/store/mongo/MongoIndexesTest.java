package mn.registry.store.mongo;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one list of the registry's indexes: what it creates, and what it refuses to create. */
@ExtendWith(EmbeddedMongoExtension.class)
class MongoIndexesTest {

    @Test
    @DisplayName("ensuring a collection's indexes creates every index the list defines for it, under its listed name and keys, and twice is harmless")
    void creates_every_listed_index(MongoDatabase database) {
        Set<String> collections = MongoIndexes.all().stream().map(MongoIndexes.Definition::collection).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (String collection : collections) {
            MongoIndexes.ensure(database.getCollection(collection));
            MongoIndexes.ensure(database.getCollection(collection));
        }
        for (MongoIndexes.Definition d : MongoIndexes.all()) {
            List<Document> indexes = database.getCollection(d.collection()).listIndexes().into(new ArrayList<>());
            Document index = indexes.stream().filter(i -> d.name().equals(i.getString("name"))).findFirst().orElse(null);
            assertThat(index).as(d.collection() + "." + d.name() + " among " + indexes).isNotNull();
            assertThat(List.copyOf(index.get("key", Document.class).keySet())).as(d.name()).isEqualTo(d.fields());
            assertThat(index.getBoolean("unique", false)).as(d.name() + " unique").isEqualTo(d.unique());
        }
    }

    @Test
    @DisplayName("a unique index of the list refuses a second document with the same key (events.eventIds)")
    void unique_indexes_are_unique(MongoDatabase database) {
        var events = database.getCollection("events");
        MongoIndexes.ensure(events);
        events.insertOne(new Document("_id", 1L).append("eventIds", List.of("e-1")));
        assertThatThrownBy(() -> events.insertOne(new Document("_id", 2L).append("eventIds", List.of("e-1"))))
                .isInstanceOf(com.mongodb.MongoWriteException.class);
    }

    @Test
    @DisplayName("a careless developer's index on a collection the list does not name is refused, so no index exists outside the list")
    void an_unlisted_collection_is_refused(MongoDatabase database) {
        assertThatThrownBy(() -> MongoIndexes.ensure(database.getCollection("not_listed")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not_listed");
    }

    @Test
    @DisplayName("index names are unique within their collection and non-unique ones carry the driver's default name, so databases created before the list get no duplicate")
    void names_are_stable() {
        Set<String> seen = new java.util.HashSet<>();
        for (MongoIndexes.Definition d : MongoIndexes.all()) {
            assertThat(seen.add(d.collection() + "." + d.name())).as(d.name()).isTrue();
            if (!d.unique()) {
                assertThat(d.name()).isEqualTo(String.join("_1_", d.fields()) + "_1");
            }
        }
    }
}
