package mn.registry.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static mn.registry.store.mongo.StoreFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0050 (issue 15 target 1): a reader of this node gets the commits this node's engine stored without reading them
 * back ({@code find events} not sent), and another node's commits by a read; in chain order, no position twice, none
 * skipped, and the same events as a read of the database gives.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class OwnEventsFromMemoryTest {

    /** The positions asked for by {@code find events} on {@code _id} (by {@code $in} or equality). */
    private final Set<Long> askedFor = ConcurrentHashMap.newKeySet();
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void setUp(ConnectionString server, MongoDatabase fresh) {
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find") && "events".equals(event.getCommand().getString("find").getValue())) {
                    BsonDocument filter = event.getCommand().getDocument("filter", new BsonDocument());
                    BsonValue id = filter.get("_id");
                    if (id != null && id.isDocument() && id.asDocument().containsKey("$in")) {
                        id.asDocument().getArray("$in").forEach(v -> askedFor.add(v.asNumber().longValue()));
                    } else if (id != null && id.isNumber()) {
                        askedFor.add(id.asNumber().longValue());
                    }
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server)
                .uuidRepresentation(UuidRepresentation.STANDARD).addCommandListener(counter).build());
        database = client.getDatabase(fresh.getName());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void a_reader_gets_its_own_nodes_commits_without_a_read_and_another_nodes_by_a_read_in_order() {
        GaplessEventStorageEngine node = engine(database).build();
        GaplessEventStorageEngine otherNode = engine(database).build();
        node.appendEvents(events("a", 0, 3));          // 1..3, own
        otherNode.appendEvents(events("b", 0, 2));     // 4..5, the other node's
        node.appendEvents(events("a", 3, 1));          // 6, own
        node.appendEvents(events("c", 0, 2));          // 7..8, own

        // the reader starts where a reader of this node left the chain (the producer's next poll): after position 0
        askedFor.clear();
        List<TrackedEventMessage<?>> own = readAll(node, null);
        Set<Long> askedByNode = Set.copyOf(askedFor);
        assertThat(own).extracting(StoreFixtures::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(own).extracting(TrackedEventMessage::getIdentifier).doesNotHaveDuplicates();

        // another node holds none of them: each is read
        askedFor.clear();
        List<TrackedEventMessage<?>> read = readAll(engine(database).build(), null);
        Set<Long> askedByStranger = Set.copyOf(askedFor);
        assertThat(read).extracting(StoreFixtures::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(own).extracting(TrackedEventMessage::getIdentifier)
                .containsExactlyElementsOf(read.stream().map(TrackedEventMessage::getIdentifier).toList());
        assertThat(own).extracting(m -> m.getPayload().toString())
                .containsExactlyElementsOf(read.stream().map(m -> m.getPayload().toString()).toList());

        // only the other node's commit (4..5) is read by this node; its own three are not asked for (positions above 8
        // are the time-driven look at the head, which any reader makes)
        assertThat(askedByNode).as("positions read by this node's reader").contains(4L).doesNotContain(1L, 2L, 3L, 6L, 7L, 8L);
        assertThat(askedByStranger).as("a node that holds nothing reads every commit").contains(1L, 4L, 6L, 7L);
    }

    @Test
    void a_reader_of_only_its_own_commits_sends_no_find_on_events() {
        GaplessEventStorageEngine node = engine(database).build();
        node.appendEvents(events("a", 0, 2));
        List<TrackedEventMessage<?>> first = readAll(node, null); // the producer's first poll
        assertThat(first).extracting(StoreFixtures::position).containsExactly(1L, 2L);

        node.appendEvents(events("a", 2, 1));
        node.appendEvents(events("b", 0, 3));
        askedFor.clear();
        List<TrackedEventMessage<?>> next = readAll(node, new GlobalSequenceTrackingToken(2)); // its next poll
        assertThat(next).extracting(StoreFixtures::position).containsExactly(3L, 4L, 5L, 6L);
        assertThat(askedFor).as("positions read for the node's own new commits").allMatch(p -> p > 6);
    }
}
