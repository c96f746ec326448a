package mn.registry.deadline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.store.testing.FilterRecorder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0053 (ADR 0048's withdrawn item 2, found again): a deadlines batch killed after any of its bulk writes and handled
 * again from its first event (as the processor does after a kill -9: the token did not move) leaves the documents of a
 * rebuild without a crash, also when it was killed after its last write, before its token: an end handled again does not
 * end a deadline that a later event of the batch started (ADR 0053: the open set keeps each id's starting position). The batch's open sets are kept in memory (no write sent before the batch's last event), so
 * the order in which the batch's collections are sent decides what a replay reads: an id pulled from its open set
 * before its deadline was ended is never ended by the replay (the cause of KillNineUnderLoadTest's one failure).
 */
class DeadlinesBatchReplayTest {

    private final FilterRecorder recorder = new FilterRecorder();

    @AfterEach
    void close() {
        recorder.close();
    }

    private static ScheduledDeadline deadline(String id, String aggregateId, int day) {
        return new ScheduledDeadline(id, aggregateId, "decision", LocalDate.of(2027, 1, day), Instant.parse("2027-01-%02dT15:59:59Z".formatted(day)),
                "rule", "003 art. 1", null, null, null);
    }

    /** Stored before the batch: open deadlines that the batch ends. */
    private static final List<Consumer<MongoDeadlines>> BEFORE = List.of(
            d -> d.start(deadline("y", "case-1", 4), 1),
            d -> d.start(deadline("z", "case-3", 4), 2));

    /** One batch of events as DeadlineProjection turns them into starts and ends (a started id is kept by its own event's end). */
    private static final List<Consumer<MongoDeadlines>> BATCH = List.of(
            d -> d.start(deadline("a", "case-2", 5), 10),                 // the batch's first write is a start
            d -> d.end("case-1", "decision", List.of(), 11),              // ends y, stored before the batch (not b, started later)
            d -> d.start(deadline("b", "case-1", 6), 12),
            d -> d.end("case-3", "decision", List.of(), 13),              // ends z
            d -> d.start(deadline("c", "case-3", 7), 14),
            d -> {                                                        // one event ends the kind and starts it again
                d.start(deadline("d", "case-2", 8), 15);
                d.end("case-2", "decision", List.of("d"), 15);            // ends a, started in this batch
            },
            d -> d.start(deadline("b", "case-1", 9), 16),                 // moves the open b
            d -> d.end("case-1", "decision", List.of("b"), 17));

    /**
     * The real database, but every collection's {@code bulkWrite} fails once {@code budget} is spent: the process died
     * after the batch's first {@code budget} bulk writes (each is atomic per document, and the batch's writes are bulk writes only).
     */
    private static MongoDatabase killedAfter(MongoDatabase real, AtomicInteger budget) {
        return (MongoDatabase) Proxy.newProxyInstance(DeadlinesBatchReplayTest.class.getClassLoader(), new Class<?>[]{MongoDatabase.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!(result instanceof MongoCollection<?> collection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(DeadlinesBatchReplayTest.class.getClassLoader(), new Class<?>[]{MongoCollection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("bulkWrite") && budget.getAndDecrement() <= 0) {
                                    throw new IllegalStateException("killed before this bulk write");
                                }
                                return invoke(collection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Handles the events as a pooled processor does: one batching unit of work, BatchedWrites' flush after the last one. */
    private static boolean batchFails(List<Consumer<MongoDeadlines>> events, MongoDeadlines deadlines) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(GenericEventMessage.asEventMessage(i));
        }
        var unitOfWork = new BatchingUnitOfWork<>(messages);
        var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(BatchedWrites.flushInterceptor()), m -> {
            events.get((Integer) m.getPayload()).accept(deadlines);
            return null;
        }).proceed());
        return result.isExceptional();
    }

    /** The projection's documents (the floor's count of starts aside: it counts the starts sent, replays included, and only moves the poller's floor). */
    private static Map<String, List<Document>> documents(MongoDatabase database) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        Document notTheMigrationMark = new Document("_id", new Document("$ne", MongoDeadlines.DAYS_MIGRATED));
        for (String name : List.of(MongoDeadlines.COLLECTION, MongoDeadlines.OPEN_SETS, MongoDeadlines.DAYS)) {
            all.put(name, database.getCollection(name).find(notTheMigrationMark).sort(new Document("_id", 1))
                    .projection(new Document(MongoDeadlines.STARTS, 0)).into(new ArrayList<>()));
        }
        return all;
    }

    @Test
    @DisplayName("003 art. 1, ADR 0053: a deadlines batch killed after any of its writes and handled again from its first event gives the documents of a rebuild")
    void a_batch_killed_midway_and_handled_again_equals_a_rebuild() {
        MongoDatabase rebuiltDb = recorder.client().getDatabase("deadlines_rebuilt");
        MongoDeadlines rebuilt = new MongoDeadlines(rebuiltDb);
        rebuilt.ensureIndexes();
        BEFORE.forEach(e -> e.accept(rebuilt));
        BATCH.forEach(e -> e.accept(rebuilt)); // one by one, no batch, no crash
        Map<String, List<Document>> expected = documents(rebuiltDb);
        assertThat(rebuilt.state("y")).contains(DeadlineState.CANCELLED);
        assertThat(rebuilt.state("a")).contains(DeadlineState.CANCELLED);
        assertThat(rebuilt.state("b")).contains(DeadlineState.OPEN);

        AtomicInteger budget = new AtomicInteger(Integer.MAX_VALUE);
        MongoDatabase countedDb = recorder.client().getDatabase("deadlines_counted");
        MongoDeadlines counted = new MongoDeadlines(killedAfter(countedDb, budget));
        counted.ensureIndexes();
        BEFORE.forEach(e -> e.accept(counted));
        int before = budget.get();
        recorder.clear();
        assertThat(batchFails(BATCH, counted)).isFalse();
        assertThat(recorder.sent()).as("the floor lowered once by the batch's five starts").filteredOn(w -> w.command().equals("update")
                && w.collection().equals(MongoDeadlines.DAYS) && w.filter().toJson().contains(MongoDeadlines.FLOOR)).hasSize(1);
        int writesOfTheBatch = before - budget.get();
        assertThat(writesOfTheBatch).as("the batch's bulk writes").isGreaterThanOrEqualTo(3);
        assertThat(documents(countedDb)).as("the batch without a crash").isEqualTo(expected);

        for (int sent = 0; sent <= writesOfTheBatch; sent++) { // killed after all of them: before the token was stored
            for (boolean againAsOneBatch : List.of(true, false)) {
                MongoDatabase db = recorder.client().getDatabase("deadlines_killed_" + sent + "_" + againAsOneBatch);
                budget.set(Integer.MAX_VALUE);
                MongoDeadlines deadlines = new MongoDeadlines(killedAfter(db, budget));
                deadlines.ensureIndexes();
                BEFORE.forEach(e -> e.accept(deadlines));
                budget.set(sent);
                assertThat(batchFails(BATCH, deadlines)).as("killed after %d bulk writes", sent).isEqualTo(sent < writesOfTheBatch);
                budget.set(Integer.MAX_VALUE);
                if (againAsOneBatch) {
                    assertThat(batchFails(BATCH, deadlines)).isFalse();
                } else {
                    BATCH.forEach(e -> assertThat(batchFails(List.of(e), deadlines)).isFalse());
                }
                assertThat(documents(db)).as("killed after %d of the batch's %d bulk writes, handled again %s", sent, writesOfTheBatch,
                        againAsOneBatch ? "as one batch" : "event by event").isEqualTo(expected);
            }
        }
    }
}
