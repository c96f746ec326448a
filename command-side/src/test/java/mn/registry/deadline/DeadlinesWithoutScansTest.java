package mn.registry.deadline;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.FilterRecorder;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0019 "No full scans": ending the open deadlines of one kind on one aggregate by _id and one indexed key, never a scan. */
class DeadlinesWithoutScansTest {

    private static final Set<String> ONE_KEY_FILTERS = Set.of("_id", MongoDeadlines.STATE_KEY);

    private final FilterRecorder recorder = new FilterRecorder();
    private final MongoDatabase database = recorder.client().getDatabase("deadlines_without_scans");

    @AfterEach
    void close() {
        recorder.close();
    }

    private static ScheduledDeadline deadline(String id, String aggregateId, String kind, int day) {
        LocalDate due = LocalDate.of(2027, 1, day);
        return new ScheduledDeadline(id, aggregateId, kind, due, Instant.parse("2027-01-%02dT15:59:59Z".formatted(day)), "rule", "003 art. 1",
                null, null, null);
    }

    private void assertOneKeyFilters() {
        assertThat(recorder.sent()).as("filters on deadlines and open_deadlines: one indexed key each (a scan would send $and)")
                .isNotEmpty().allSatisfy(s -> assertThat(s.keys()).hasSize(1).isSubsetOf(ONE_KEY_FILTERS));
    }

    @Test
    @DisplayName("003 art. 1 (ADR 0005): an event ends the open deadlines of its kind on its case, keeps the one it starts, leaves a fired one fired, by one key each")
    void end_without_a_scan() {
        MongoDeadlines deadlines = new MongoDeadlines(database);
        deadlines.ensureIndexes();
        recorder.clear();
        deadlines.start(deadline("d-1", "case-1", "decision", 5));
        deadlines.start(deadline("d-2", "case-1", "decision", 6));
        deadlines.start(deadline("d-3", "case-1", "decision", 7));
        deadlines.start(deadline("d-4", "case-1", "appeal", 8));
        deadlines.start(deadline("d-5", "case-2", "decision", 9));
        deadlines.start(deadline("d-2", "case-1", "decision", 10)); // moves the open d-2
        // d-3 fired before the ending event was seen (the poller of some node)
        Document seen = database.getCollection(MongoDeadlines.COLLECTION).find(new Document("_id", "d-3")).first();
        MongoDeadlines.Claim claim = deadlines.claim(seen, "node-a", Instant.parse("2027-01-08T00:00:00Z")).orElseThrow();
        assertThat(deadlines.fired(claim, Instant.parse("2027-01-07T16:00:00Z"))).isTrue();
        recorder.clear();

        deadlines.end("case-1", "decision", List.of("d-2"));

        assertOneKeyFilters();
        assertThat(recorder.sent()).extracting(FilterRecorder.Sent::command).contains("find", "update");
        assertThat(deadlines.state("d-1")).contains(DeadlineState.CANCELLED);
        assertThat(deadlines.state("d-2")).contains(DeadlineState.OPEN);
        assertThat(deadlines.find("d-2")).hasValueSatisfying(d -> assertThat(d.due()).isEqualTo(LocalDate.of(2027, 1, 10)));
        assertThat(deadlines.state("d-3")).as("a fired deadline stays fired").contains(DeadlineState.FIRED);
        assertThat(deadlines.state("d-4")).as("another kind").contains(DeadlineState.OPEN);
        assertThat(deadlines.state("d-5")).as("another case").contains(DeadlineState.OPEN);

        recorder.clear();
        deadlines.end("case-1", "decision"); // seen again: ends d-2, kept the first time
        assertThat(deadlines.state("d-2")).contains(DeadlineState.CANCELLED);
        recorder.clear();
        deadlines.end("case-1", "decision");
        deadlines.end("case-9", "decision");
        assertThat(recorder.sent()).as("nothing left open: only the open sets are read").extracting(FilterRecorder.Sent::command).containsOnly("find");
        assertOneKeyFilters();
        assertThat(deadlines.state("d-2")).contains(DeadlineState.CANCELLED);
    }

    @Test
    @DisplayName("ADR 0019: deadlines written before the state key get it at start (logged, twice harmless) and are then ended without a scan")
    void deadlines_from_before_are_migrated() {
        var collection = database.getCollection(MongoDeadlines.COLLECTION);
        for (String[] d : new String[][]{{"old-1", "case-1", "OPEN"}, {"old-2", "case-1", "FIRED"}, {"old-3", "case-1", "OPEN"}}) {
            collection.insertOne(new Document("_id", d[0]).append("aggregateId", d[1]).append("kind", "decision").append("due", "2026-01-05")
                    .append("dueAt", Date.from(Instant.parse("2026-01-05T15:59:59Z"))).append("dueAtExact", "2026-01-05T15:59:59Z")
                    .append("rule", "rule").append("article", "003 art. 1").append("state", d[2]).append("claim", 0L));
        }
        MongoDeadlines deadlines = new MongoDeadlines(database);
        deadlines.ensureIndexes();
        deadlines.ensureIndexes();
        assertThat(collection.find(new Document(MongoDeadlines.STATE_KEY, "old-2|FIRED")).first()).isNotNull();
        recorder.clear();

        deadlines.end("case-1", "decision", List.of("old-3"));

        assertOneKeyFilters();
        assertThat(deadlines.state("old-1")).contains(DeadlineState.CANCELLED);
        assertThat(deadlines.state("old-2")).contains(DeadlineState.FIRED);
        assertThat(deadlines.state("old-3")).contains(DeadlineState.OPEN);
    }

    private static ScheduledDeadline dueAt(String id, String instant) {
        Instant at = Instant.parse(instant);
        return new ScheduledDeadline(id, "case-" + id, "decision", LocalDate.ofInstant(at, java.time.ZoneOffset.UTC), at, "rule", "003 art. 1",
                null, null, null);
    }

    private static List<String> ids(List<Document> due) {
        return due.stream().map(d -> d.getString("_id")).toList();
    }

    private void assertPollerReadsByKey() {
        assertThat(recorder.sent()).as("the poller's finds: one _id key each (a scan would send $and on deadlines)")
                .filteredOn(s -> s.command().equals("find")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.keys()).containsExactly("_id"));
    }

    @Test
    @DisplayName("ADR 0019: the deadline poller finds the due, open, unclaimed deadlines soonest first by _id lookups of day buckets, never a scan")
    void poller_reads_due_deadlines_without_a_scan() {
        MongoDeadlines deadlines = new MongoDeadlines(database);
        deadlines.ensureIndexes();
        deadlines.start(dueAt("late", "2027-01-05T15:59:59Z"));
        deadlines.start(dueAt("early", "2027-01-03T15:59:59Z"));
        deadlines.start(dueAt("ended", "2027-01-04T15:59:59Z"));
        deadlines.start(dueAt("claimed", "2027-01-04T10:00:00Z"));
        deadlines.start(dueAt("later-today", "2027-01-06T12:00:00Z"));
        deadlines.start(dueAt("future", "2027-02-01T15:59:59Z"));
        deadlines.end("case-ended", "decision");
        Document claimedSeen = database.getCollection(MongoDeadlines.COLLECTION).find(new Document("_id", "claimed")).first();
        deadlines.claim(claimedSeen, "node-b", Instant.parse("2027-01-06T11:00:00Z")).orElseThrow();
        recorder.clear();

        List<Document> due = deadlines.dueAndUnclaimed(Instant.parse("2027-01-06T10:00:00Z"), Instant.parse("2027-01-06T10:00:00Z"), 10);

        assertThat(ids(due)).containsExactly("early", "late");
        assertPollerReadsByKey();
        assertThat(ids(deadlines.dueAndUnclaimed(Instant.parse("2027-01-06T10:00:00Z"), Instant.parse("2027-01-06T12:00:00Z"), 10)))
                .as("a stale claim is taken over").containsExactly("early", "claimed", "late");
        assertThat(ids(deadlines.dueAndUnclaimed(Instant.parse("2027-01-06T10:00:00Z"), Instant.parse("2027-01-06T10:00:00Z"), 1)))
                .containsExactly("early");
    }

    @Test
    @DisplayName("ADR 0019: deadlines survive a restart and those written before the day buckets are found after start-up, and a deadline started before the floor is still found")
    void poller_finds_deadlines_after_a_restart_and_before_the_floor() {
        var collection = database.getCollection(MongoDeadlines.COLLECTION);
        collection.insertOne(new Document("_id", "old-open").append("aggregateId", "case-1").append("kind", "decision").append("due", "2026-01-05")
                .append("dueAt", Date.from(Instant.parse("2026-01-05T15:59:59Z"))).append("dueAtExact", "2026-01-05T15:59:59Z")
                .append("rule", "rule").append("article", "003 art. 1").append("state", "OPEN").append("claim", 0L));
        MongoDeadlines before = new MongoDeadlines(database);
        before.ensureIndexes();
        before.start(dueAt("new", "2026-01-07T15:59:59Z"));

        MongoDeadlines restarted = new MongoDeadlines(database); // a new process on the same database
        restarted.ensureIndexes();
        recorder.clear();
        Instant now = Instant.parse("2026-01-10T00:00:00Z");
        List<Document> due = restarted.dueAndUnclaimed(now, now, 10);
        assertThat(ids(due)).containsExactly("old-open", "new");
        assertPollerReadsByKey();

        for (Document d : due) {
            MongoDeadlines.Claim claim = restarted.claim(d, "node-a", now.plusSeconds(60)).orElseThrow();
            assertThat(restarted.fired(claim, now)).isTrue();
        }
        assertThat(restarted.dueAndUnclaimed(now, now, 10)).isEmpty();
        assertThat(database.getCollection(MongoDeadlines.DAYS).find(new Document("_id", MongoDeadlines.FLOOR)).first().getString("day"))
                .as("the floor moved up past the emptied days").isEqualTo("2026-01-10");

        restarted.start(dueAt("backdated", "2026-01-02T15:59:59Z")); // e.g. a calendar change moving a deadline earlier
        assertThat(ids(restarted.dueAndUnclaimed(now, now, 10))).containsExactly("backdated");
    }

    @Test
    @DisplayName("ADR 0019 (session 9): a day's deadlines are spread over its bucket documents, so no document grows with the day's load, and the poller still finds them all")
    void a_busy_day_is_spread_over_buckets() {
        MongoDeadlines deadlines = new MongoDeadlines(database);
        deadlines.ensureIndexes();
        int count = 2_000;
        for (int i = 0; i < count; i++) {
            deadlines.start(dueAt("busy-" + i, "2027-03-01T15:59:59Z"));
        }
        List<Document> buckets = database.getCollection(MongoDeadlines.DAYS).find(new Document("_id", new Document("$regex", "^2027-03-01")))
                .into(new java.util.ArrayList<>());
        assertThat(buckets).as("the day's bucket documents").hasSize(MongoDeadlines.DAY_SHARDS);
        List<Integer> sizes = buckets.stream().map(b -> b.getList("ids", String.class).size()).toList();
        assertThat(sizes).as("ids per bucket: about %d, never the whole day", count / MongoDeadlines.DAY_SHARDS)
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2 * count / MongoDeadlines.DAY_SHARDS));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).as("every deadline listed once").isEqualTo(count);
        recorder.clear();

        Instant now = Instant.parse("2027-03-02T00:00:00Z");
        assertThat(deadlines.dueAndUnclaimed(now, now, count + 1)).hasSize(count);
        assertPollerReadsByKey();
    }

    @Test
    @DisplayName("ADR 0019 (session 9): a day bucket written before the spreading (one document per day) is still read, and drains as its deadlines fire")
    void a_bucket_of_one_whole_day_from_before_is_still_read() {
        MongoDeadlines deadlines = new MongoDeadlines(database);
        deadlines.ensureIndexes();
        deadlines.start(dueAt("listed-before", "2026-05-04T15:59:59Z"));
        var days = database.getCollection(MongoDeadlines.DAYS);
        // the shape before session 9: the id in the day's one bucket, not in a shard
        days.updateOne(new Document("_id", MongoDeadlines.bucket("2026-05-04", "listed-before")),
                new Document("$pull", new Document("ids", "listed-before")));
        days.insertOne(new Document("_id", "2026-05-04").append("ids", List.of("listed-before")));

        Instant now = Instant.parse("2026-05-05T00:00:00Z");
        List<Document> due = deadlines.dueAndUnclaimed(now, now, 10);
        assertThat(ids(due)).containsExactly("listed-before");
        MongoDeadlines.Claim claim = deadlines.claim(due.get(0), "node-a", now.plusSeconds(60)).orElseThrow();
        assertThat(deadlines.fired(claim, now)).isTrue();

        assertThat(deadlines.dueAndUnclaimed(now, now, 10)).isEmpty();
        assertThat(days.find(new Document("_id", "2026-05-04")).first().getList("ids", String.class)).as("drained").isEmpty();
    }

    /** Handles {@code events} as a pooled processor does: one batching unit of work, BatchedWrites' flush after the last one. */
    private static void batch(List<Runnable> events) {
        List<org.axonframework.eventhandling.EventMessage<?>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(i));
        }
        var unitOfWork = new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(messages);
        var result = unitOfWork.executeWithResult(() -> new org.axonframework.messaging.DefaultInterceptorChain<>(unitOfWork,
                List.of(mn.registry.infrastructure.mongo.BatchedWrites.flushInterceptor()), m -> {
                    events.get((Integer) m.getPayload()).run();
                    return null;
                }).proceed());
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
    }

    @Test
    @DisplayName("ADR 0048: in a batch of events, ending deadlines neither sends the batch's writes first nor reads an open set twice; the documents end as one by one")
    void a_batch_ends_deadlines_without_sending_its_writes_first() {
        List<java.util.function.Consumer<MongoDeadlines>> events = List.of(
                d -> d.start(deadline("d-1", "case-1", "decision", 5)),
                d -> d.start(deadline("d-2", "case-2", "decision", 6)),
                d -> d.end("case-1", "decision"),                       // ends d-1, started in the same batch
                d -> d.start(deadline("d-3", "case-1", "decision", 7)), // starts again after the set was read
                d -> d.start(deadline("d-4", "case-2", "decision", 8)),
                d -> d.end("case-2", "decision", List.of("d-4")),      // ends d-2 (and the stored d-0), keeps d-4
                d -> d.end("case-1", "decision", List.of()),           // ends d-3
                d -> d.start(deadline("d-5", "case-1", "decision", 9)));
        MongoDeadlines oneByOne = new MongoDeadlines(recorder.client().getDatabase("deadlines_one_by_one"));
        oneByOne.ensureIndexes();
        oneByOne.start(deadline("d-0", "case-2", "decision", 4)); // stored before the batch
        events.forEach(e -> e.accept(oneByOne));

        MongoDeadlines batched = new MongoDeadlines(database);
        batched.ensureIndexes();
        batched.start(deadline("d-0", "case-2", "decision", 4));
        recorder.clear();
        batch(events.stream().<Runnable>map(e -> () -> e.accept(batched)).toList());

        assertThat(recorder.sent()).as("reads of open sets: one per set in the batch, before any write")
                .filteredOn(s -> s.collection().equals(MongoDeadlines.OPEN_SETS) && s.command().equals("find")).hasSize(2);
        int firstWrite = recorder.sent().stream().map(FilterRecorder.Sent::command).toList().indexOf("update");
        assertThat(recorder.sent().subList(0, Math.max(firstWrite, 0))).as("nothing written before the batch's last event")
                .allSatisfy(s -> assertThat(s.command()).isEqualTo("find"));
        for (String id : List.of("d-0", "d-1", "d-2", "d-3", "d-4", "d-5")) {
            assertThat(batched.state(id)).as(id).isEqualTo(oneByOne.state(id));
        }
        for (String collection : List.of(MongoDeadlines.COLLECTION, MongoDeadlines.OPEN_SETS, MongoDeadlines.DAYS)) {
            Document notTheMigrationMark = new Document("_id", new Document("$ne", MongoDeadlines.DAYS_MIGRATED)); // it holds the time it was written
            assertThat(database.getCollection(collection).find(notTheMigrationMark).sort(new Document("_id", 1)).projection(new Document("v", 0))
                    .into(new java.util.ArrayList<>())).as(collection).isEqualTo(recorder.client().getDatabase("deadlines_one_by_one")
                    .getCollection(collection).find(notTheMigrationMark).sort(new Document("_id", 1)).projection(new Document("v", 0)).into(new java.util.ArrayList<>()));
        }
        assertThat(batched.state("d-4")).contains(DeadlineState.OPEN);
        assertThat(batched.state("d-2")).contains(DeadlineState.CANCELLED);
    }
}
