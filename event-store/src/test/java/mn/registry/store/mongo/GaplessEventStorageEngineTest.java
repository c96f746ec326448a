package mn.registry.store.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static mn.registry.store.mongo.StoreFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's own properties beyond Axon's contract: commits, positions, holes, tombstones, seals. */
@ExtendWith(EmbeddedMongoExtension.class)
class GaplessEventStorageEngineTest {

    private MongoDatabase database;

    @BeforeEach
    void setUp(MongoDatabase freshDatabase) {
        this.database = freshDatabase;
    }

    @Test
    void the_events_of_one_append_are_one_document_at_consecutive_positions() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events("p-1", 0, 3));
        engine.appendEvents(events("p-2", 0, 2));

        List<Document> docs = database.getCollection("events").find().into(new ArrayList<>());
        assertThat(docs).extracting(d -> d.get("_id"), d -> d.get("count")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, 3), org.assertj.core.groups.Tuple.tuple(4L, 2));
        assertThat(positions(engine.readEvents(null, false))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(5));
    }

    @Test
    void reading_from_a_token_inside_a_commit_resumes_at_the_next_event_of_that_commit() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events("p-1", 0, 5));
        engine.appendEvents(events("p-2", 0, 2));

        assertThat(positions(engine.readEvents(new GlobalSequenceTrackingToken(3), false))).containsExactly(4L, 5L, 6L, 7L);
        assertThat(readAll(engine, new GlobalSequenceTrackingToken(3)).get(0))
                .isInstanceOfSatisfying(DomainEventMessage.class, m -> assertThat(m.getSequenceNumber()).isEqualTo(3));
    }

    @Test
    void resuming_inside_a_commit_larger_than_the_lookback_window_still_finds_its_start() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events("big", 0, 150));
        engine.appendEvents(events("small", 0, 1));

        assertThat(positions(engine.readEvents(new GlobalSequenceTrackingToken(140), false)))
                .containsExactlyElementsOf(LongStream.rangeClosed(141, 151).boxed().toList());
    }

    @Test
    void a_reader_far_behind_reads_across_many_batches_in_order() {
        GaplessEventStorageEngine engine = engine(database).batchSize(50).build();
        for (int i = 0; i < 400; i++) {
            engine.appendEvents(events("a-" + (i % 7), i / 7, 1));
        }
        assertThat(positions(engine.readEvents(engine.createTailToken(), false)))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0001: an event of an aggregate is stored once, even by a commit that overlaps another in the middle of its "
            + "range (0..2, then 1..1 or 2..3 from a writer with a stale view): refused as a concurrency conflict, nothing stored")
    void an_overlapping_commit_is_refused_in_the_middle_of_a_range() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events("hot-0", 0, 3));
        GaplessEventStorageEngine staleNode = engine(database).build();

        assertThatThrownBy(() -> staleNode.appendEvents(event("hot-0", 1))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> staleNode.appendEvents(events("hot-0", 2, 2))).isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("hot-0").asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L, 2L);
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify().ok()).isTrue();
        staleNode.appendEvents(event("hot-0", 3));
        assertThat(staleNode.lastSequenceNumberFor("hot-0")).contains(3L);
    }

    @Test
    void one_unit_of_work_over_two_aggregates_is_all_or_nothing() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(event("zone-1", 0));
        engine.appendEvents(event("entity-1", 0), event("zone-1", 1));

        assertThat(engine.readEvents("entity-1").asStream().count()).isEqualTo(1);
        assertThat(engine.readEvents("zone-1").asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L);

        // entity-2 is new but zone-1 seq 1 is taken: nothing of this commit may be stored
        assertThatThrownBy(() -> engine.appendEvents(event("entity-2", 0), event("zone-1", 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("entity-2").asStream().count()).isZero();
        assertThat(engine.lastSequenceNumberFor("zone-1")).contains(1L);
    }

    @Test
    void a_conflicting_append_does_not_leave_a_hole_that_readers_wait_for() {
        GaplessEventStorageEngine engine = engine(database).build(); // hole timeout: one hour
        engine.appendEvents(event("p-1", 0));
        assertThatThrownBy(() -> engine.appendEvents(event("p-1", 0))).isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(event("p-2", 0));

        // ADR 0024: the refused insert reserved nothing, so the next commit takes its position
        assertThat(positions(engine.readEvents(null, false))).containsExactly(1L, 2L);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0024: a writer failing after choosing its position and before its insert reserved nothing: the next commit takes that position, no hole, no tombstone")
    void a_writer_failing_before_its_insert_reserved_nothing() {
        GaplessEventStorageEngine engine = engine(database)
                .reservationHook((first, count) -> {
                    if (count == 2) {
                        throw new IllegalStateException("crash before the insert");
                    }
                }).build();
        assertThatThrownBy(() -> engine.appendEvents(events("p-1", 0, 2))).hasMessageContaining("crash");
        engine.appendEvents(events("p-2", 0, 1));

        assertThat(positions(engine.readEvents(null, false))).containsExactly(1L);
        assertThat(engine.readEvents("p-1").asStream().count()).isZero();
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify())
                .satisfies(r -> assertThat(r.ok()).isTrue())
                .satisfies(r -> assertThat(r.tombstones()).isZero());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0024: a writer stalled past the hole timeout holds no position: another node's writer takes it, readers never wait, and the stalled writer is stored after it")
    void a_stalled_writer_holds_no_position_and_moves_on_after_the_other_node() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GaplessEventStorageEngine slowNode = engine(database)
                .holeTimeout(Duration.ofMillis(300))
                .reservationHook((first, count) -> {
                    if (stalled.getCount() > 0) {
                        stalled.countDown();
                        await(release);
                    }
                }).build();
        GaplessEventStorageEngine otherNode = engine(database).holeTimeout(Duration.ofMillis(300)).build();
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> slowNode.appendEvents(events("slow", 0, 2)));
        assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();
        otherNode.appendEvents(event("fast", 0)); // takes position 1, which the stalled writer had chosen

        long start = System.nanoTime();
        assertThat(positions(otherNode.readEvents(null, true))).as("a blocking read finds no hole to wait for").containsExactly(1L);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        TimeUnit.MILLISECONDS.sleep(400); // past the hole timeout: still nothing to tombstone
        assertThat(positions(otherNode.readEvents(null, false))).containsExactly(1L);

        release.countDown();
        late.get(10, TimeUnit.SECONDS); // acknowledged: it learned the end from the duplicate key and inserted after it
        // another node's commits are looked for at most once per head look interval (5 ms here; ADR 0019, 0024, 0059): the reader takes its own
        // commit at 1 from memory (ADR 0050) and, within that interval, would stop at the end it knew until the next look
        TimeUnit.MILLISECONDS.sleep(20);
        assertThat(positions(otherNode.readEvents(null, false))).containsExactly(1L, 2L, 3L);
        assertThat(slowNode.readEvents("slow").asStream().count()).isEqualTo(2);
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify())
                .satisfies(r -> assertThat(r.ok()).isTrue())
                .satisfies(r -> assertThat(r.tombstones()).isZero());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0024: commits waiting for one engine's insert go in one round trip; a refused one (a dishonest second creation) fails alone and the next is stored right after the ones before, gapless")
    void a_group_insert_refuses_one_commit_alone_and_stays_gapless() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean firstCall = new java.util.concurrent.atomic.AtomicBoolean(true);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GaplessEventStorageEngine engine = engine(database)
                .reservationHook((first, count) -> {
                    if (first == 2 && firstCall.getAndSet(false)) {
                        stalled.countDown();
                        await(release);
                    }
                }).build();
        engine.appendEvents(event("taken", 0)); // position 1
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> engine.appendEvents(event("a", 0)));
        assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue(); // a holds the insert; the next two wait together
        CompletableFuture<Void> refused = CompletableFuture.runAsync(() -> engine.appendEvents(event("taken", 0)));
        TimeUnit.MILLISECONDS.sleep(300);
        CompletableFuture<Void> c = CompletableFuture.runAsync(() -> engine.appendEvents(events("c", 0, 2)));
        TimeUnit.MILLISECONDS.sleep(300);
        release.countDown();

        a.get(10, TimeUnit.SECONDS);
        c.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(refused::join).hasCauseInstanceOf(AggregateStreamCreationException.class);
        assertThat(readAll(engine, null)).extracting(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier() + "@" + StoreFixtures.position(m))
                .containsExactly("taken@1", "a@2", "c@3", "c@4");
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify())
                .satisfies(r -> assertThat(r.ok()).isTrue())
                .satisfies(r -> assertThat(r.tombstones()).isZero());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0024, session 9: a duplicate in the middle of an ordered group insert refuses that commit alone; the one before it is stored, the one after it is stored right behind, no gap")
    void a_duplicate_in_the_middle_of_a_group_refuses_that_commit_alone_and_leaves_no_gap() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean firstCall = new java.util.concurrent.atomic.AtomicBoolean(true);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GaplessEventStorageEngine engine = engine(database)
                .reservationHook((first, count) -> {
                    if (first == 2 && firstCall.getAndSet(false)) {
                        stalled.countDown();
                        await(release);
                    }
                }).build();
        engine.appendEvents(event("taken", 0)); // position 1
        CompletableFuture<Void> leader = CompletableFuture.runAsync(() -> engine.appendEvents(event("leader", 0)));
        assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue(); // the leader holds the insert; the next three queue behind it
        CompletableFuture<Void> before = CompletableFuture.runAsync(() -> engine.appendEvents(event("before", 0)));
        awaitWaiting(engine, 1);
        CompletableFuture<Void> duplicate = CompletableFuture.runAsync(() -> engine.appendEvents(event("taken", 0)));
        awaitWaiting(engine, 2);
        CompletableFuture<Void> after = CompletableFuture.runAsync(() -> engine.appendEvents(events("after", 0, 2)));
        awaitWaiting(engine, 3);
        release.countDown();

        leader.get(10, TimeUnit.SECONDS);
        before.get(10, TimeUnit.SECONDS);
        after.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(duplicate::join).hasCauseInstanceOf(AggregateStreamCreationException.class);
        assertThat(readAll(engine, null)).extracting(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier() + "@" + StoreFixtures.position(m))
                .containsExactly("taken@1", "leader@2", "before@3", "after@4", "after@5");
        assertThat(database.getCollection("events").countDocuments(Filters.eq("heads", "0:taken"))).as("the refused commit was never stored")
                .isEqualTo(1);
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify())
                .satisfies(r -> assertThat(r.ok()).isTrue())
                .satisfies(r -> assertThat(r.events()).isEqualTo(5))
                .satisfies(r -> assertThat(r.tombstones()).isZero());
    }


    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0001/0024: positions reserved under the earlier counter and never written are waited for, then tombstoned; the next commit goes after them")
    void a_hole_left_by_an_earlier_reservation_is_waited_for_then_tombstoned() {
        engine(database).build().appendEvents(event("p-1", 0)); // position 1
        // an engine of the earlier design reserved 2..3 on the counter and died before its insert
        database.getCollection("counters").updateOne(Filters.eq("_id", "events"), com.mongodb.client.model.Updates.set("next", 3L));
        GaplessEventStorageEngine restarted = engine(database).holeTimeout(Duration.ofMillis(300)).build();
        restarted.appendEvents(event("p-2", 0)); // after the reserved range: position 4

        assertThat(positions(restarted.readEvents(null, false))).as("a young hole ends a non-blocking read").containsExactly(1L);
        long start = System.nanoTime();
        assertThat(positions(restarted.readEvents(null, true))).as("a blocking read waits, then passes the closed hole")
                .containsExactly(1L, 4L);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify())
                .satisfies(r -> assertThat(r.ok()).isTrue())
                .satisfies(r -> assertThat(r.tombstones()).isEqualTo(2));
    }

    @Test
    void a_late_writer_that_wins_its_first_position_keeps_its_commit_and_the_tombstones_under_it_are_skipped() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events("p-1", 0, 3)); // positions 1..3
        // a reader that tombstoned positions 2..3 while the writer was stalled: off the chain now
        CommitDocuments.insertTombstones(database.getCollection("events"), 2, 4);
        engine.appendEvents(event("p-2", 0));

        assertThat(positions(engine.readEvents(null, false))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(positions(engine.readEvents(new GlobalSequenceTrackingToken(2), false))).containsExactly(3L, 4L);
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify().ok()).isTrue();
    }

    @Test
    void an_event_outside_any_aggregate_is_stored_read_back_and_sealed_in_its_own_stream() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(new GenericEventMessage<>("a notice"), new GenericEventMessage<>("another notice"));

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(read.stream().map(m -> (Object) m.getPayload())).containsExactly("a notice", "another notice");
        assertThat(read).allSatisfy(m -> assertThat(m).isNotInstanceOf(DomainEventMessage.class));
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify().events()).isEqualTo(2);
    }

    @Test
    void each_event_is_sealed_and_chained_to_the_previous_event_of_its_aggregate_across_commits() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events("p-1", 0, 2));
        GaplessEventStorageEngine restarted = engine(database).build(); // no cache: previous hash found by tail key
        restarted.appendEvents(events("p-1", 2, 1));

        List<StoredEvent> stored = new ArrayList<>();
        database.getCollection("events").find().forEach(d -> stored.addAll(CommitDocuments.events(d)));
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0).prevHash()).isNull();
        assertThat(stored.get(1).prevHash()).isEqualTo(stored.get(0).hash());
        assertThat(stored.get(2).prevHash()).isEqualTo(stored.get(1).hash());
        assertThat(stored).allSatisfy(e -> {
            assertThat(e.keyId()).isEqualTo(TestSealingKeys.KEY_ID);
            assertThat(e.sealVerifies(TestSealingKeys.sealingKey().publicKey())).isTrue();
        });
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0019/0024/0059: readers at the head look for other nodes' commits at most once per head look interval "
            + "(whatever the poll interval), and never pass a position another node took")
    void readers_at_the_head_use_a_lower_bound_of_the_counter_and_never_pass_a_position() {
        GaplessEventStorageEngine node = engine(database).pollInterval(Duration.ofMillis(1)).headLookInterval(Duration.ofHours(1)).build();
        GaplessEventStorageEngine otherNode = engine(database).build();
        assertThat(readAll(node, null)).isEmpty(); // reads the counter once: nothing reserved

        otherNode.appendEvents(events("p-other", 0, 1));
        sleepMillis(5); // several poll intervals: the head look's interval alone decides
        // within the head look interval the reader trusts what it knew: at the head, no round trip; it stops, it skips nothing
        assertThat(readAll(node, null)).isEmpty();

        node.appendEvents(events("p-own", 0, 2)); // its own reservation raises what it knows at once
        assertThat(readAll(node, null)).extracting(StoreFixtures::position).containsExactly(1L, 2L, 3L);
        assertThat(readAll(node, null)).extracting(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier())
                .containsExactly("p-other", "p-own", "p-own");
        assertThat(readAll(otherNode, null)).extracting(StoreFixtures::position).containsExactly(1L, 2L, 3L);
    }

    @Test
    void the_last_sequence_number_is_found_without_a_cache() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events("p-1", 0, 3));
        engine.appendEvents(events("p-1", 3, 4));
        GaplessEventStorageEngine other = engine(database).build();

        assertThat(other.lastSequenceNumberFor("p-1")).contains(6L);
        assertThat(other.lastSequenceNumberFor("nobody")).isEmpty();
        assertThat(other.readEvents("p-1", 5).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(5L, 6L);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0028: the position after a node's own commits is never before them and never past the stored end; a node that stored nothing looks the end up")
    void the_position_after_own_commits_covers_them_without_passing_the_end() {
        GaplessEventStorageEngine nodeA = engine(database).build();
        GaplessEventStorageEngine nodeB = engine(database).build();
        nodeA.appendEvents(events("p-1", 0, 3));
        nodeB.appendEvents(events("p-2", 0, 2));

        assertThat(nodeA.positionAfterOwnCommits()).isBetween(3L, 5L);
        assertThat(nodeB.positionAfterOwnCommits()).isEqualTo(5L);
        GaplessEventStorageEngine idle = engine(database).build();
        assertThat(idle.positionAfterOwnCommits()).isEqualTo(5L);
        try (Stream<? extends TrackedEventMessage<?>> after = nodeB.readEvents(new GlobalSequenceTrackingToken(nodeB.positionAfterOwnCommits()), false)) {
            assertThat(after).as("nothing of B's own commit lies after the position it reports").isEmpty();
        }
    }

    @Test
    void indexes_are_created_once_and_creating_them_again_changes_nothing() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.ensureIndexes();
        List<String> names = database.getCollection("events").listIndexes().map(d -> d.getString("name")).into(new ArrayList<>());
        assertThat(names).contains("heads_unique", "tails_unique", "eventIds_unique", "command_sparse_unique");
        assertThat(names).hasSize(5);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0024: no counter is asked per append; the counter is a start hint raised every 256 positions, from which a new engine walks to the end")
    void the_counter_is_a_start_hint_raised_every_256_positions() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events("p-1", 0, 4));
        Document counter = database.getCollection("counters").find(Filters.eq("_id", "events")).first();
        assertThat(counter.get("next", Number.class).longValue()).as("not raised per append").isZero();
        for (int i = 0; i < 300; i++) {
            engine.appendEvents(event("q-" + i, 0));
        }
        counter = database.getCollection("counters").find(Filters.eq("_id", "events")).first();
        assertThat(counter.get("next", Number.class).longValue()).isEqualTo(256L);
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(304));

        GaplessEventStorageEngine restarted = engine(database).build();
        assertThat(restarted.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(304));
        restarted.appendEvents(event("after-restart", 0));
        assertThat(positions(restarted.readEvents(new GlobalSequenceTrackingToken(300), false))).containsExactly(301L, 302L, 303L, 304L, 305L);
        try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(restarted.createHeadToken(), false)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void two_engines_on_one_database_never_hand_out_overlapping_positions() throws Exception {
        // the embedded server may return one $inc result to two callers; reservations must not rely on it
        List<GaplessEventStorageEngine> engines = List.of(engine(database).build(), engine(database).build());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            GaplessEventStorageEngine engine = engines.get(t % 2);
            String aggregate = "writer-" + t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    engine.appendEvents(events(aggregate, i * 2L, 2));
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> w : writers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(positions(engines.get(0).readEvents(null, false)))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1600).boxed().toList());
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify().events()).isEqualTo(1600);
    }


    @Test
    @org.junit.jupiter.api.DisplayName("issue 15: a reader resuming at a commit boundary a reader of this engine walked to starts there without looking the commit up; the same events as an engine that looks it up")
    void resuming_at_a_walked_boundary_needs_no_lookup() {
        List<org.bson.conversions.Bson> filters = java.util.Collections.synchronizedList(new ArrayList<>());
        GaplessEventStorageEngine engine = engine(counting(database, filters)).build();
        engine.appendEvents(events("p-1", 0, 2));
        engine.appendEvents(events("p-2", 0, 1));
        engine.appendEvents(events("p-3", 0, 3));
        assertThat(positions(engine.readEvents(null, false))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

        filters.clear();
        assertThat(positions(engine.readEvents(new GlobalSequenceTrackingToken(3), false))).containsExactly(4L, 5L, 6L);
        assertThat(filters).noneMatch(GaplessEventStorageEngineTest::looksBack);

        // a careless shortcut would also skip the lookup inside a commit: position 5 is not a boundary
        filters.clear();
        assertThat(positions(engine.readEvents(new GlobalSequenceTrackingToken(4), false))).containsExactly(5L, 6L);
        assertThat(filters).anyMatch(GaplessEventStorageEngineTest::looksBack);

        // an engine that never walked there looks the commit up, and reads the same
        List<org.bson.conversions.Bson> fresh = java.util.Collections.synchronizedList(new ArrayList<>());
        GaplessEventStorageEngine other = engine(counting(database, fresh)).build();
        assertThat(positions(other.readEvents(new GlobalSequenceTrackingToken(3), false))).containsExactly(4L, 5L, 6L);
        assertThat(fresh).anyMatch(GaplessEventStorageEngineTest::looksBack);
    }

    /** The look-back of a resuming reader: {@code _id $in} of descending ids (a forward poll asks ascending ids). */
    private static boolean looksBack(org.bson.conversions.Bson filter) {
        org.bson.BsonDocument d = filter.toBsonDocument();
        if (!d.containsKey("_id") || !d.get("_id").isDocument() || !d.getDocument("_id").containsKey("$in")) {
            return false;
        }
        org.bson.BsonArray ids = d.getDocument("_id").getArray("$in");
        return ids.size() > 1 && ids.get(0).asNumber().longValue() > ids.get(1).asNumber().longValue();
    }

    /** The database, with every {@code find} filter on the events collection recorded. */
    private static MongoDatabase counting(MongoDatabase database, List<org.bson.conversions.Bson> filters) {
        return (MongoDatabase) java.lang.reflect.Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(), new Class<?>[]{MongoDatabase.class},
                (proxy, method, args) -> wrap(method.invoke(database, args), filters));
    }

    private static Object wrap(Object result, List<org.bson.conversions.Bson> filters) {
        if (!(result instanceof com.mongodb.client.MongoCollection<?> collection) || !"events".equals(collection.getNamespace().getCollectionName())) {
            return result;
        }
        return java.lang.reflect.Proxy.newProxyInstance(com.mongodb.client.MongoCollection.class.getClassLoader(),
                new Class<?>[]{com.mongodb.client.MongoCollection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find") && args != null && args.length == 1 && args[0] instanceof org.bson.conversions.Bson filter) {
                        filters.add(filter);
                    }
                    try {
                        return wrap(method.invoke(collection, args), filters);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0001, ADR 0069 item 5: two nodes snapshot one aggregate, the latest wins: a node with an older view stores its "
            + "older snapshot after a newer one and the newer stays; a newer one replaces it; each node reads the newest")
    void the_latest_snapshot_wins_across_nodes() {
        GaplessEventStorageEngine one = engine(database).build();
        GaplessEventStorageEngine other = engine(database).build();
        one.appendEvents(events("agg-s", 0, 13));

        one.storeSnapshot(event("agg-s", 10));
        other.storeSnapshot(event("agg-s", 5)); // the other node's view was older
        assertThat(one.readSnapshot("agg-s").orElseThrow().getSequenceNumber()).isEqualTo(10);
        assertThat(other.readSnapshot("agg-s").orElseThrow().getSequenceNumber()).isEqualTo(10);

        other.storeSnapshot(event("agg-s", 12));
        assertThat(one.readSnapshot("agg-s").orElseThrow().getSequenceNumber()).isEqualTo(12);
        assertThat(database.getCollection("snapshots").countDocuments()).isEqualTo(1);
    }
}
