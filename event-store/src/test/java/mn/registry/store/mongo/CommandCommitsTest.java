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
        CommandCommits.during("cmd-1", () -> {
            engine.appendEvents(List.of(signed("p-1", 0, "cmd-1"), signed("p-1", 1, "cmd-1")));
            engine.appendEvents(List.of(event("p-9", 0))); // a commit without the command's id, made during its run
            engine.appendEvents(List.of(event("p-8", 0))); // two commits without a key: the sparse unique index takes both
            return CommandCommits.during("cmd-1", () -> { // a command it dispatched: the same run, its count goes on
                engine.appendEvents(List.of(signed("p-2", 0, "cmd-1")));
                return null;
            });
        });
        CommandCommits.during("cmd-2", () -> {
            engine.appendEvents(List.of(signed("p-3", 0, "cmd-2")));
            return null;
        });

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
    @DisplayName("ADR 0002/0019: events a command's handlers cause later (a deadline firing, a saga step after a restart) carry its id but take no key, and do not collide")
    void later_commits_carrying_the_command_id_are_not_keyed() throws InterruptedException {
        GaplessEventStorageEngine engine = engine(database).build();
        CommandCommits.during("cmd-apply", () -> { // the signed command itself; then its answer is recorded
            engine.appendEvents(List.of(signed("app-1", 0, "cmd-apply")));
            return null;
        });
        // the deadline processor fires the application's decision deadline on its own thread: Axon's correlation data
        // copies cmd-apply's id into the events it causes
        Thread deadlineProcessor = new Thread(() -> engine.appendEvents(List.of(signed("app-1", 1, "cmd-apply"))));
        deadlineProcessor.start();
        deadlineProcessor.join();
        // the registry restarts; the land revocation saga's next step carries the same id
        GaplessEventStorageEngine restarted = engine(database).build();
        restarted.appendEvents(List.of(signed("land-1", 0, "cmd-apply")));

        MongoCollection<Document> events = database.getCollection("events");
        assertThat(events.countDocuments()).as("all three commits are stored").isEqualTo(3);
        assertThat(CommandCommits.commitsOf(events, "cmd-apply")).as("only the command's own commit is found by its key")
                .extracting(d -> d.get("_id")).containsExactly(1L);
    }

    @Test
    @DisplayName("ADR 0002/0019: the command key is unique, so a second run of one command cannot store its first commit again")
    void the_command_key_is_unique() {
        GaplessEventStorageEngine engine = engine(database).build();
        CommandCommits.during("cmd-u", () -> {
            engine.appendEvents(List.of(signed("p-1", 0, "cmd-u")));
            return null;
        });
        // a second run of the same command (two nodes both taking over a stale claim): its first commit is refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandCommits.during("cmd-u", () -> {
            engine.appendEvents(List.of(signed("p-2", 0, "cmd-u")));
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(CommandCommits.commitsOf(database.getCollection("events"), "cmd-u")).hasSize(1);
        assertThat(database.getCollection("events").countDocuments(new Document("heads", "0:p-2"))).isZero();
    }
}
