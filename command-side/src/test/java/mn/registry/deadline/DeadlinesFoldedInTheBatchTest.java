package mn.registry.deadline;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.store.testing.FilterRecorder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0056: a batch writes each deadline it starts once, its later moves and end folded into the insert, and reads the
 * open sets its ends need with one query; the documents end as the same events handled one by one.
 */
class DeadlinesFoldedInTheBatchTest {

    private final FilterRecorder recorder = new FilterRecorder();

    @AfterEach
    void close() {
        recorder.close();
    }

    private static ScheduledDeadline deadline(String id, String aggregateId, int day) {
        return new ScheduledDeadline(id, aggregateId, "decision", LocalDate.of(2027, 1, day), Instant.parse("2027-01-%02dT15:59:59Z".formatted(day)),
                "rule", "002 art. 26.1", null, null, null);
    }

    /** Handles {@code events} as a pooled processor does: one batching unit of work of these messages, BatchedWrites' flush after the last. */
    private static void batch(List<?> payloads, Consumer<EventMessage<?>> handler) {
        List<EventMessage<?>> messages = new ArrayList<>();
        payloads.forEach(p -> messages.add(GenericEventMessage.asEventMessage(p)));
        var unitOfWork = new BatchingUnitOfWork<>(messages);
        var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(BatchedWrites.flushInterceptor()), m -> {
            handler.accept(m);
            return null;
        }).proceed());
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
    }

    private List<Document> documents(MongoDatabase database, String collection) {
        Document notTheMigrationMark = new Document("_id", new Document("$ne", MongoDeadlines.DAYS_MIGRATED)); // it holds the time it was written
        return database.getCollection(collection).find(notTheMigrationMark).sort(new Document("_id", 1)).projection(new Document(MongoDeadlines.STARTS, 0))
                .into(new ArrayList<>());
    }

    private void assertSameDocuments(MongoDatabase batched, MongoDatabase oneByOne) {
        for (String collection : DeadlineReplay.COLLECTIONS) {
            assertThat(documents(batched, collection)).as(collection).isEqualTo(documents(oneByOne, collection));
        }
    }

    @Test
    @DisplayName("002 art. 26.1 (ADR 0056): a decision deadline started, moved and ended in one batch is written once, as its end; a fired one stays fired")
    void a_deadline_started_moved_and_ended_in_one_batch_is_written_once() {
        List<Consumer<MongoDeadlines>> events = List.of(
                d -> d.start(deadline("d-1", "case-1", 5), 10),             // registered
                d -> d.start(deadline("d-1", "case-1", 6), 11),             // its due date moved
                d -> d.start(deadline("d-2", "case-2", 7), 12),
                d -> d.end("case-1", "decision", List.of(), 13),            // decided: ends d-1
                d -> d.start(deadline("d-1", "case-1", 9), 14),             // d-1 started again: stays ended, as one by one
                d -> d.start(deadline("f-1", "case-3", 8), 15),             // fired before the batch (a replay): stays fired
                d -> d.end("case-3", "decision", List.of(), 16));
        MongoDatabase oneByOneDb = recorder.client().getDatabase("folded_one_by_one");
        MongoDatabase batchedDb = recorder.client().getDatabase("folded_batched");
        MongoDeadlines oneByOne = new MongoDeadlines(oneByOneDb);
        MongoDeadlines batched = new MongoDeadlines(batchedDb);
        for (MongoDeadlines d : List.of(oneByOne, batched)) {
            d.ensureIndexes();
            d.start(deadline("f-1", "case-3", 8), 1);
            Document seen = (d == oneByOne ? oneByOneDb : batchedDb).getCollection(MongoDeadlines.COLLECTION).find(new Document("_id", "f-1")).first();
            assertThat(d.fired(d.claim(seen, "node-a", Instant.parse("2027-01-09T00:00:00Z")).orElseThrow(), Instant.parse("2027-01-08T16:00:00Z"))).isTrue();
        }
        events.forEach(e -> e.accept(oneByOne));
        recorder.clear();

        batch(events.stream().map(e -> 0).toList(), new Consumer<>() {
            private int next;

            @Override
            public void accept(EventMessage<?> m) {
                events.get(next++).accept(batched);
            }
        });

        assertThat(recorder.sent()).as("no update of a deadline the batch inserted: its move and its end went into its insert")
                .filteredOn(s -> s.collection().equals(MongoDeadlines.COLLECTION))
                .noneSatisfy(s -> assertThat(s.filter().toJson()).containsAnyOf("d-1", "d-2"));
        assertThat(batched.state("d-1")).contains(DeadlineState.CANCELLED);
        assertThat(batched.find("d-1")).hasValueSatisfying(d -> assertThat(d.due()).isEqualTo(LocalDate.of(2027, 1, 6)));
        assertThat(batched.state("d-2")).contains(DeadlineState.OPEN);
        assertThat(batched.state("f-1")).as("fired before the batch: its insert fell back to the update of an open deadline, which it is not").contains(DeadlineState.FIRED);
        assertSameDocuments(batchedDb, oneByOneDb);
    }

    /** Rules of a test context: "start <case> <day>" starts the case's decision deadline, "end <case>" ends it. */
    private static final class TestRules implements DeadlineRules {
        @Override
        public Set<String> kinds() {
            return Set.of("decision");
        }

        @Override
        public List<DeadlineInstruction> instructionsFor(Object event, long sequence) {
            String[] words = String.valueOf(event).split(" ");
            return switch (words[0]) {
                case "start" -> List.of(new DeadlineInstruction.Start(deadline(words[1] + ":decision", words[1], Integer.parseInt(words[2]))));
                case "end" -> List.of(new DeadlineInstruction.End(words[1], "decision"));
                default -> List.of();
            };
        }

        @Override
        public Object firingCommand(ScheduledDeadline deadline, Instant firedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object recomputeCommand(ScheduledDeadline deadline, Deadline recomputed) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    @DisplayName("ADR 0056: the open sets a batch's ends need are read with one query at its first event, and the documents end as one by one")
    void a_batch_reads_the_open_sets_it_ends_with_one_query() {
        List<String> events = List.of("start c1 5", "start c2 6", "end c1", "start c3 7", "end c2", "end c3", "end c4", "start c1 8", "end c1");
        MongoDatabase oneByOneDb = recorder.client().getDatabase("read_ahead_one_by_one");
        MongoDatabase batchedDb = recorder.client().getDatabase("read_ahead_batched");
        List<DeadlineProjection> projections = new ArrayList<>();
        for (MongoDatabase db : List.of(oneByOneDb, batchedDb)) {
            MongoDeadlines deadlines = new MongoDeadlines(db);
            deadlines.ensureIndexes();
            deadlines.start(deadline("c2:old", "c2", 4), 1); // stored before: ended by the batch's "end c2"
            projections.add(new DeadlineProjection(deadlines, List.of(new TestRules()), WorkingDayCalendar::base, c -> {
                throw new AssertionError(c);
            }));
        }
        long position = 10;
        for (String e : events) {
            projections.get(0).on(e, -1, position++);
        }
        recorder.clear();

        long[] at = {10};
        batch(events, m -> projections.get(1).on(m.getPayload(), -1, at[0]++));

        assertThat(recorder.sent()).as("the open sets of c1, c2, c3 and c4 read with one query, before any write")
                .filteredOn(s -> s.collection().equals(MongoDeadlines.OPEN_SETS) && s.command().equals("find")).hasSize(1);
        assertThat(recorder.sent().get(0).command()).isEqualTo("find");
        assertSameDocuments(batchedDb, oneByOneDb);
        assertThat(new MongoDeadlines(batchedDb).state("c2:old")).contains(DeadlineState.CANCELLED);
        assertThat(new MongoDeadlines(batchedDb).state("c1:decision")).contains(DeadlineState.CANCELLED);
    }
}
