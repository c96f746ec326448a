package mn.registry.command.api;

import mn.registry.testing.MovableClock;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.store.mongo.CommandCommits;
import mn.registry.store.testing.FilterRecorder;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0002 and 0019 "No full scans": the command log's takeover and release are compare-and-sets on one indexed key,
 * and a command's events are found by the commits' command key; entries and commits from before keep working.
 */
class CommandLogWithoutScansTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    private static final Set<String> ONE_KEY_FILTERS = Set.of("_id", CommandLog.LEASE_KEY, CommandCommits.FIELD);

    private final FilterRecorder recorder = new FilterRecorder();
    private final MongoDatabase database = recorder.client().getDatabase("command_log_without_scans");
    private final MovableClock clock = new MovableClock(T0);

    @AfterEach
    void close() {
        recorder.close();
    }

    private CommandLog log() {
        CommandLog log = new CommandLog(database, clock, Duration.ofSeconds(60), new PersonalDataVault(database, clock));
        log.ensureIndexes();
        return log;
    }

    private void assertOneKeyFilters() {
        assertThat(recorder.sent()).as("every filter is one indexed key (a scan would send $and or $regex)")
                .isNotEmpty().allSatisfy(s -> assertThat(s.keys()).hasSize(1).isSubsetOf(ONE_KEY_FILTERS));
    }

    @Test
    @DisplayName("ADR 0002: a takeover after the lease wins once, a stale attempt can neither take over nor release, and the answer survives a late release")
    void takeover_and_release_by_one_key() {
        CommandLog log = log();
        String first = ((CommandLog.Claim.Claimed) log.claim("c-1", "sha", "jws", "ApplyForPermit", "holder-1")).leaseKey();
        clock.set(T0.plusSeconds(61));
        recorder.clear();

        assertThat(log.takeOver("c-1", T0)).isPresent();
        assertThat(log.takeOver("c-1", T0)).as("a second node with the same stale view").isEmpty();
        log.done("c-1", "{\"ok\":true}", 200);
        log.release("c-1", first); // the first attempt, late, fails and releases: the answer stays
        assertOneKeyFilters();
        assertThat(recorder.sent()).extracting(FilterRecorder.Sent::command).contains("update", "delete").doesNotContain("find");
        assertThat(log.claim("c-1", "sha", "jws", "ApplyForPermit", "holder-1")).isEqualTo(new CommandLog.Claim.AlreadyDone("{\"ok\":true}", 200));

        // a refused command leaves nothing; its id may be used again
        String c2 = ((CommandLog.Claim.Claimed) log.claim("c-2", "sha2", "jws", "ApplyForPermit", "holder-1")).leaseKey();
        recorder.clear();
        log.release("c-2", c2);
        assertOneKeyFilters();
        assertThat(recorder.sent()).extracting(FilterRecorder.Sent::command).contains("delete");
        assertThat(log.find("c-2")).isEmpty();

        // each takeover moves the key on, so only one of two attempts that saw the same acceptedAt wins
        assertThat(log.claim("c-3", "sha3", "jws", "ApplyForPermit", "holder-1")).isInstanceOf(CommandLog.Claim.Claimed.class);
        clock.set(T0.plusSeconds(200));
        assertThat(log.takeOver("c-3", T0.plusSeconds(61))).isPresent();
        assertThat(log.takeOver("c-3", T0.plusSeconds(61))).isEmpty();
        assertThat(log.find("c-3")).hasValueSatisfying(d -> assertThat(d.getString(CommandLog.LEASE_KEY)).isEqualTo("c-3@" + T0.plusSeconds(200).toEpochMilli()));
    }

    @Test
    @DisplayName("ADR 0002: a command left accepted by a crash is settled from its commits found by key; no event means none")
    void events_of_a_command_by_key() {
        CommandLog log = log();
        log.claim("c-9", "sha", "jws", "ApplyForPermit", "holder-1");
        var events = database.getCollection("events");
        events.insertOne(new Document("_id", 1L).append(CommandCommits.FIELD, "c-9#0").append("events", List.of(
                new Document("payloadType", "PermitApplied").append("metaData", "{\"commandId\":\"c-9\"}"),
                new Document("payloadType", "Other").append("metaData", "{\"commandId\":\"c-90\"}"))));
        events.insertOne(new Document("_id", 2L).append(CommandCommits.FIELD, "c-9#1").append("events", List.of(
                new Document("payloadType", "FeePaid").append("metaData", "{\"commandId\":\"c-9\"}"))));
        recorder.clear();

        assertThat(log.eventsOf("c-9")).containsExactly("PermitApplied", "FeePaid");
        assertThat(log.eventsOf("c-8")).isEmpty();
        assertOneKeyFilters();
    }

    @Test
    @DisplayName("ADR 0019: entries written before the lease key get it at start (twice harmless), are taken over by it, and find their un-keyed events")
    void entries_from_before_are_migrated() {
        var commands = database.getCollection("commands");
        commands.insertOne(new Document("_id", "old-1").append("state", "accepted").append("jwsSha256", "sha").append("acceptedAt", T0.toEpochMilli()));
        commands.insertOne(new Document("_id", "old-2").append("state", "done").append("jwsSha256", "sha").append("acceptedAt", T0.toEpochMilli())
                .append("answer", "{}").append("status", 200));
        commands.insertOne(new Document("_id", "old-3").append("state", "accepted").append("jwsSha256", "sha").append("acceptedAt", T0.toEpochMilli()));
        database.getCollection("events").insertOne(new Document("_id", 1L).append("events", List.of(
                new Document("payloadType", "PermitApplied").append("metaData", "{\"commandId\":\"old-1\"}"))));
        log();
        CommandLog log = log();
        clock.set(T0.plusSeconds(61));

        assertThat(log.find("old-2")).hasValueSatisfying(d -> assertThat(d.getString(CommandLog.LEASE_KEY)).isEqualTo("old-2"));
        assertThat(log.takeOver("old-1", T0)).isPresent();
        assertThat(log.eventsOf("old-1")).as("its commit was written before commits carried the key").containsExactly("PermitApplied");
        assertThat(log.eventsOf("old-3")).isEmpty();
        log.release("old-3", log.takeOver("old-3", T0).orElseThrow());
        assertThat(log.find("old-3")).isEmpty();
        assertThat(log.claim("old-2", "sha", "jws", "ApplyForPermit", "holder-1")).isEqualTo(new CommandLog.Claim.AlreadyDone("{}", 200));
    }

    @Test
    @DisplayName("ADR 0002: a first attempt that outlived its lease and then fails does not release the entry of the attempt that took it over")
    void a_late_first_attempt_does_not_release_the_takers_entry() {
        CommandLog log = log();
        String first = ((CommandLog.Claim.Claimed) log.claim("c-9", "sha9", "jws", "SuspendPermit", "reviewer-1")).leaseKey();
        clock.set(T0.plusSeconds(61));
        String second = log.takeOver("c-9", T0).orElseThrow();

        log.release("c-9", first); // the first attempt, still running past its lease, is refused at last

        assertThat(log.find("c-9")).as("the taker's entry stays").hasValueSatisfying(d -> assertThat(d.getString(CommandLog.LEASE_KEY)).isEqualTo(second));
        log.done("c-9", "{\"ok\":true}", 200);
        assertThat(log.claim("c-9", "sha9", "jws", "SuspendPermit", "reviewer-1")).isEqualTo(new CommandLog.Claim.AlreadyDone("{\"ok\":true}", 200));
        log.release("c-9", second); // an answered entry is not released by anyone
        assertThat(log.find("c-9")).isPresent();
    }
}
