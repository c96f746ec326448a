package mn.registry.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.FilterRecorder;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static mn.registry.store.mongo.StoreFixtures.engine;
import static mn.registry.store.mongo.StoreFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0019 "No full scans": the commits a signed command left are found by one indexed key, not by a scan of the metadata. */
class CommandCommitsTest {

    private final FilterRecorder recorder = new FilterRecorder();
    private final MongoDatabase database = recorder.client().getDatabase("command_commits");

    @AfterEach
    void close() {
        recorder.close();
    }

    private static DomainEventMessage<?> signed(String aggregate, long seq, String commandId) {
        return event(aggregate, seq).andMetaData(MetaData.with("commandId", commandId));
    }

    @Test
    @DisplayName("ADR 0002/0019: each commit of a signed command carries commandId#n, found by exact lookups in store order; others carry none")
    void commits_of_a_command_are_found_by_their_key() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(List.of(signed("p-1", 0, "cmd-1"), signed("p-1", 1, "cmd-1")));
        engine.appendEvents(List.of(event("p-9", 0)));
        engine.appendEvents(List.of(event("p-8", 0))); // two commits without a command: the sparse unique index takes both
        engine.appendEvents(List.of(signed("p-2", 0, "cmd-1"))); // the same command's second commit (a command it dispatched)
        engine.appendEvents(List.of(signed("p-3", 0, "cmd-2")));
        CommandCommits.finished("cmd-1");
        CommandCommits.finished("cmd-2");

        MongoCollection<Document> events = database.getCollection("events");
        assertThat(events.find().into(new ArrayList<>())).extracting(d -> d.getString(CommandCommits.FIELD))
                .containsExactly("cmd-1#0", null, null, "cmd-1#1", "cmd-2#0");

        recorder.clear();
        assertThat(CommandCommits.commitsOf(events, "cmd-1")).extracting(d -> d.get("_id")).containsExactly(1L, 5L);
        assertThat(CommandCommits.commitsOf(events, "cmd-2")).extracting(d -> d.get("_id")).containsExactly(6L);
        assertThat(CommandCommits.commitsOf(events, "cmd-3")).isEmpty();
        assertThat(recorder.sent()).as("every lookup filters on the one indexed key alone (a scan would send $regex or $and)")
                .isNotEmpty().allSatisfy(s -> assertThat(s.keys()).containsExactly(CommandCommits.FIELD));
        assertThat(recorder.sent()).hasSize(3 + 2 + 1);
    }

    @Test
    @DisplayName("ADR 0019: the command key is unique, so a second commit under a key already taken is refused, not stored twice")
    void the_command_key_is_unique() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(List.of(signed("p-1", 0, "cmd-u")));
        CommandCommits.finished("cmd-u"); // as if the process had forgotten the count (a dishonest re-run of the same command)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.appendEvents(List.of(signed("p-2", 0, "cmd-u"))))
                .isInstanceOf(RuntimeException.class);
        assertThat(CommandCommits.commitsOf(database.getCollection("events"), "cmd-u")).hasSize(1);
        assertThat(database.getCollection("events").countDocuments(new Document("heads", "0:p-2"))).isZero();
    }
}
