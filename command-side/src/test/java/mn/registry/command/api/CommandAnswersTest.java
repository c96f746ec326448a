package mn.registry.command.api;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.store.testing.FilterRecorder;
import mn.registry.testing.MovableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0066: the answers of carried-out commands are written off the request thread, several in one {@code update}; until then
 * this node shows them as written (a resend gets the first answer, ADR 0002), and a stop writes them first.
 */
class CommandAnswersTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    private final FilterRecorder recorder = new FilterRecorder();
    private final MongoDatabase database = recorder.client().getDatabase("command_answers");
    private final MovableClock clock = new MovableClock(T0);

    @AfterEach
    void close() {
        recorder.close();
    }

    private CommandLog log(Duration answerDelay) {
        CommandLog log = new CommandLog(database, clock, Duration.ofSeconds(60), new PersonalDataVault(database, clock), answerDelay);
        log.ensureIndexes();
        return log;
    }

    private Document stored(String commandId) {
        return database.getCollection(CommandLog.COLLECTION).find(new Document("_id", commandId)).first();
    }

    @Test
    @DisplayName("ADR 0002, 0066: an answer is not written on the caller's thread; a resend meanwhile gets the first answer; a stop writes all held in one update")
    void answers_held_are_shown_and_written_together() {
        CommandLog log = log(Duration.ofHours(1)); // the timer never fires in this test: only close() writes
        for (String id : new String[] {"c-1", "c-2", "c-3"}) {
            log.claim(id, "sha-" + id, "jws", "ApplyForPermit", "holder-1");
        }
        recorder.clear();

        log.answered("c-1", "{\"n\":1}", 200);
        log.answered("c-2", "{\"n\":2}", 200);
        log.answered("c-3", "{\"n\":3}", 200);

        assertThat(recorder.commandsSent("update")).as("nothing written by the caller").isZero();
        assertThat(stored("c-1").getString("state")).isEqualTo("accepted");
        assertThat(log.claim("c-2", "sha-c-2", "jws", "ApplyForPermit", "holder-1")).as("a resend before the write")
                .isEqualTo(new CommandLog.Claim.AlreadyDone("{\"n\":2}", 200));
        assertThat(log.find("c-3")).hasValueSatisfying(d -> assertThat(d.getString(CommandLog.LEASE_KEY)).isEqualTo("c-3"));
        recorder.clear();

        log.close();

        assertThat(recorder.commandsSent("update")).as("one round trip for the three answers").isEqualTo(1);
        assertThat(recorder.sent()).extracting(FilterRecorder.Sent::command).containsOnly("update");
        assertThat(recorder.sent()).as("the three entries, each by its id").hasSize(3).extracting(FilterRecorder.Sent::filter)
                .allSatisfy(filter -> assertThat(filter.keySet()).containsExactly("_id"));
        for (String id : new String[] {"c-1", "c-2", "c-3"}) {
            Document entry = stored(id);
            assertThat(entry.getString("state")).isEqualTo("done");
            assertThat(entry.getString(CommandLog.LEASE_KEY)).isEqualTo(id);
            assertThat(entry.getLong("doneAt")).isEqualTo(T0.toEpochMilli());
        }
        assertThat(log.claim("c-1", "sha-c-1", "jws", "ApplyForPermit", "holder-1")).isEqualTo(new CommandLog.Claim.AlreadyDone("{\"n\":1}", 200));
    }

    @Test
    @DisplayName("ADR 0002, 0066: an answer held is written within its delay, without a stop; with no delay it is written at once, as before")
    void answers_are_written_after_the_delay() throws InterruptedException {
        CommandLog batched = log(Duration.ofMillis(20));
        batched.claim("c-4", "sha-4", "jws", "ApplyForPermit", "holder-1");
        batched.answered("c-4", "{\"n\":4}", 200);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"done".equals(stored("c-4").getString("state")) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(stored("c-4").getString("answer")).isEqualTo("{\"n\":4}");

        CommandLog atOnce = log(Duration.ZERO);
        atOnce.claim("c-5", "sha-5", "jws", "ApplyForPermit", "holder-1");
        atOnce.answered("c-5", "{\"n\":5}", 200);
        assertThat(stored("c-5").getString("state")).isEqualTo("done");
    }
}
