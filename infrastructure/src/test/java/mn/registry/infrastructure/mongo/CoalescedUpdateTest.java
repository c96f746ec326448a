package mn.registry.infrastructure.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 9: the updates of one document in a batch folded into one write ({@link CoalescedUpdate}) must leave the
 * document exactly as the same updates sent one after the other do (fields in any order, lists in order), from no
 * document and from one already there, and again when the batch is handled a second time.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class CoalescedUpdateTest {

    private static MongoClient client;
    /** The number of statements of each update command sent. */
    private static final List<Integer> UPDATES = Collections.synchronizedList(new ArrayList<>());
    /** The number of documents of each insert command sent. */
    private static final List<Integer> INSERTS = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private MongoCollection<Document> oneByOne;
    private MongoCollection<Document> folded;

    @BeforeAll
    static void start(ConnectionString server) {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    UPDATES.add(event.getCommand().getArray("updates").size());
                }
                if (event.getCommandName().equals("insert")) {
                    INSERTS.add(event.getCommand().getArray("documents").size());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server).addCommandListener(listener).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void fresh() {
        oneByOne = client.getDatabase("coalesced_" + DATABASES.incrementAndGet()).getCollection("rows");
        folded = client.getDatabase("coalesced_" + DATABASES.incrementAndGet()).getCollection("rows");
    }

    /** One update of a scenario: for the document {@code id}, {@code update} (JSON), upsert or not, by the event that creates it or not. */
    private record Step(String id, String update, boolean upsert, boolean creates) {
        Step(String id, String update, boolean upsert) {
            this(id, update, upsert, false);
        }

        /** The same update, by the event that creates its document ({@link BatchedWrites#createById}). */
        Step creating() {
            return new Step(id, update, true, true);
        }
    }

    private static Step upsert(String id, String json) {
        return new Step(id, json, true);
    }

    private static Step update(String id, String json) {
        return new Step(id, json, false);
    }

    private static void send(BatchedWrites writes, Step step) {
        Document update = Document.parse(step.update());
        if (step.creates()) {
            writes.createById(step.id(), update);
        } else if (step.upsert()) {
            writes.upsertById(step.id(), update);
        } else {
            writes.updateById(step.id(), update);
        }
    }

    /** All steps in one batching unit of work, as a pooled processor handles a batch. */
    private static void inOneBatch(BatchedWrites writes, List<Consumer<BatchedWrites>> steps) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            messages.add(GenericEventMessage.asEventMessage(i));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(BatchedWrites.flushInterceptor()),
                m -> {
                    steps.get((Integer) m.getPayload()).accept(writes);
                    return null;
                }).proceed());
        assertThat(result.isExceptional()).as("batch failed: %s", result.isExceptional() ? result.exceptionResult() : null).isFalse();
    }

    private static List<Consumer<BatchedWrites>> asSteps(List<Step> steps) {
        List<Consumer<BatchedWrites>> all = new ArrayList<>();
        steps.forEach(s -> all.add(w -> send(w, s)));
        return all;
    }

    private static List<Document> all(MongoCollection<Document> rows) {
        return rows.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    /** Runs {@code steps} one by one into one collection and folded in one batch into the other; both must hold the same. */
    private void assertSameAsOneByOne(List<Step> steps, int foldedStatements, Document... before) {
        for (Document d : before) {
            oneByOne.insertOne(Document.parse(d.toJson()));
            folded.insertOne(Document.parse(d.toJson()));
        }
        BatchedWrites perWrite = BatchedWrites.ordered(oneByOne);
        steps.forEach(s -> send(perWrite, s));
        UPDATES.clear();
        inOneBatch(BatchedWrites.ordered(folded), asSteps(steps));
        assertThat(UPDATES.stream().mapToInt(Integer::intValue).sum()).as("statements sent folded").isEqualTo(foldedStatements);
        assertThat(all(folded)).isEqualTo(all(oneByOne));
        // handled again (a batch that failed after its writes, or a replay from an older token): still the same
        steps.forEach(s -> send(perWrite, s));
        inOneBatch(BatchedWrites.ordered(folded), asSteps(steps));
        assertThat(all(folded)).isEqualTo(all(oneByOne));
    }

    private static final List<Step> PERMIT_CASE = List.of(
            upsert("case-1", "{$addToSet: {history: {sequence: 0, type: 'Registered'}}, $set: {status: 'REGISTERED', company: {name: 'Тэнгэр', seat: {city: 'UB'}},"
                    + " decision: {due: '2026-01-20', escalated: false}, documents: [{kind: 'BANK', sha256: 'aa'}]}}"),
            upsert("case-2", "{$addToSet: {history: {sequence: 0, type: 'Registered'}}, $set: {status: 'REGISTERED', documents: []}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 1, type: 'DocumentsReceived'}, documents: {$each: [{kind: 'AUDIT', sha256: 'bb'},"
                    + " {kind: 'BANK', sha256: 'aa'}]}}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 2, type: 'DueRecomputed'}}, $set: {'decision.due': '2026-01-21', 'decision.calendarVersion': 2}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 3, type: 'Approved'}}, $set: {status: 'APPROVED', 'decision.decidedAt': 'x',"
                    + " minimumInsurance: {amount: {$numberLong: '1000000'}}}}"),
            upsert("case-2", "{$addToSet: {history: {sequence: 1, type: 'DocumentsReceived'}, documents: {$each: [{kind: 'AUDIT'}]}}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 4, type: 'Issued'}}, $set: {status: 'ACTIVE', permit: {number: 'SP-1', validUntil: '2031'}}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 5, type: 'DutyRaised'}}, $set: {'duties.INSURANCE': {due: '2026-02-01', overdue: false}}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 6, type: 'DutyRaised'}}, $set: {'duties.REPORT': {due: '2026-03-01', overdue: false}}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 7, type: 'DutyDueRecomputed'}}, $set: {'duties.REPORT.due': '2026-03-02'}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 8, type: 'DutyFulfilled'}}, $unset: {'duties.INSURANCE': ''}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 9, type: 'ExtensionRequested'}}, $set: {extensionRequest: {until: '2036'}}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 10, type: 'Extended'}}, $set: {'permit.validUntil': '2036'}, $unset: {extensionRequest: ''}}"),
            upsert("case-1", "{$addToSet: {history: {sequence: 11, type: 'Transferred'}}, $set: {company: {name: 'Шинэ'}, 'permit.holder': {name: 'Шинэ'}}}"));

    @Test
    @DisplayName("A permit case's events of one batch are one write of it, and the case is the one the events written one by one make")
    void a_case_touched_by_many_events_is_written_once() {
        assertSameAsOneByOne(PERMIT_CASE, 2);
    }

    @Test
    @DisplayName("Folded into a case already stored (its history, documents and duties there): the same case as one by one")
    void folded_into_a_stored_case() {
        Document stored = Document.parse("{_id: 'case-1', status: 'REGISTERED', history: [{sequence: 0, type: 'Registered'}],"
                + " documents: [{kind: 'BANK', sha256: 'aa'}], decision: {due: '2026-01-20', escalated: false}, duties: {OLD: {due: '2025'}}}");
        assertSameAsOneByOne(PERMIT_CASE.subList(2, PERMIT_CASE.size()), 2, stored);
    }

    @Test
    @DisplayName("A reviewer-queue row inserted on receipt and updated by the same batch: one write, the row the updates make one by one")
    void set_on_insert_then_updates() {
        List<Step> steps = List.of(
                upsert("app-1", "{$setOnInsert: {receiptNumber: 'R-1', due: '2026-01-20', status: 'REGISTERED', sequence: 0}}"),
                update("app-1", "{$set: {due: '2026-01-21', calendarVersion: 2}}"),
                update("app-1", "{$set: {escalated: true}}"),
                upsert("app-1", "{$setOnInsert: {receiptNumber: 'R-other', due: 'never'}}"),
                update("app-1", "{$set: {status: 'APPROVED'}}"));
        assertSameAsOneByOne(steps, 1);
        oneByOne.drop();
        folded.drop();
        assertSameAsOneByOne(steps, 1, Document.parse("{_id: 'app-1', receiptNumber: 'R-0', due: '2025-12-31', status: 'REGISTERED', sequence: 0}"));
    }

    @Test
    @DisplayName("An upsert after an update of a missing document is not folded into it: the document holds the upsert's fields only")
    void update_then_upsert_is_not_folded() {
        List<Step> steps = List.of(update("x", "{$set: {a: 1}}"), upsert("x", "{$set: {b: 2}}"), update("x", "{$set: {c: 3}}"));
        assertSameAsOneByOne(steps, 2);
    }

    @Test
    @DisplayName("What cannot be folded (an increment twice, a set under a list, an add to a set after a removal) is sent after it, in order")
    void not_folded_goes_in_order() {
        List<Step> steps = List.of(
                upsert("y", "{$inc: {n: 1}, $set: {tags: ['a'], seat: {city: 'UB'}}}"),
                upsert("y", "{$inc: {n: 1}}"),
                upsert("y", "{$addToSet: {tags: 'b'}, $set: {'seat.district': 'SB'}}"),
                upsert("y", "{$unset: {tags: ''}}"),
                upsert("y", "{$addToSet: {tags: 'c'}}"),
                upsert("z", "{$set: {v: 1}}"));
        assertSameAsOneByOne(steps, 4);
        assertThat(all(folded).get(0).getInteger("n")).isEqualTo(4);
    }

    @Test
    @DisplayName("A write of another kind between two updates of a document keeps them apart, in order")
    void another_write_between_keeps_order() {
        oneByOne.insertOne(new Document("_id", "w").append("list", List.of()));
        folded.insertOne(new Document("_id", "w").append("list", List.of()));
        List<Consumer<BatchedWrites>> steps = List.of(
                w -> w.updateById("w", new Document("$set", new Document("list", List.of(1)))),
                w -> w.write(new UpdateOneModel<>(eq("_id", "w"), Updates.push("list", 2))),
                w -> w.updateById("w", new Document("$addToSet", new Document("list", 3))));
        BatchedWrites perWrite = BatchedWrites.ordered(oneByOne);
        steps.forEach(s -> s.accept(perWrite));
        UPDATES.clear();
        inOneBatch(BatchedWrites.ordered(folded), steps);
        assertThat(UPDATES.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(all(folded)).isEqualTo(all(oneByOne));
        assertThat(all(folded).get(0).getList("list", Integer.class)).containsExactly(1, 2, 3);
    }

    /** The scenario with the first update of each document made by the event that creates it. */
    private static List<Step> created(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        steps.forEach(s -> out.add(seen.add(s.id()) ? s.creating() : s));
        return out;
    }

    /** Every document as JSON, its fields in their stored order. */
    private static List<String> inOrder(MongoCollection<Document> rows) {
        return rows.find().sort(new Document("_id", 1)).map(Document::toJson).into(new ArrayList<>());
    }

    private static int sum(List<Integer> counts) {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    @DisplayName("ADR 0060: a document its first event creates is inserted, field for field and in the same order as the batch's upsert of it"
            + " makes it; handled again (the documents there), the upserts apply: the same documents as one by one")
    void a_created_document_is_inserted_as_the_upsert_makes_it() {
        MongoCollection<Document> upserted = client.getDatabase("coalesced_" + DATABASES.incrementAndGet()).getCollection("rows");
        List<Step> creating = created(PERMIT_CASE);
        BatchedWrites perWrite = BatchedWrites.ordered(oneByOne);
        PERMIT_CASE.forEach(s -> send(perWrite, s));
        inOneBatch(BatchedWrites.ordered(upserted), asSteps(PERMIT_CASE));
        UPDATES.clear();
        INSERTS.clear();
        inOneBatch(BatchedWrites.ordered(folded), asSteps(creating));
        assertThat(sum(INSERTS)).as("documents inserted").isEqualTo(2);
        assertThat(sum(UPDATES)).as("statements of updates").isZero();
        assertThat(inOrder(folded)).isEqualTo(inOrder(upserted));
        assertThat(all(folded)).isEqualTo(all(oneByOne));
        // handled again: each insert finds its document, and its update is sent in one more bulk write
        PERMIT_CASE.forEach(s -> send(perWrite, s));
        UPDATES.clear();
        INSERTS.clear();
        inOneBatch(BatchedWrites.ordered(upserted), asSteps(PERMIT_CASE));
        inOneBatch(BatchedWrites.ordered(folded), asSteps(creating));
        assertThat(UPDATES).as("the upserted batch's update, then the created batch's fallbacks").containsExactly(2, 2);
        assertThat(inOrder(folded)).isEqualTo(inOrder(upserted));
        assertThat(all(folded)).isEqualTo(all(oneByOne));
    }

    @Test
    @DisplayName("ADR 0060: a creating event whose document is stored already (a wrong guess) gets the upsert; one by one, and a row made on insert")
    void a_created_document_that_is_there_gets_the_upsert() {
        Document stored = Document.parse("{_id: 'case-1', status: 'REGISTERED', history: [{sequence: 0, type: 'Registered'}],"
                + " documents: [{kind: 'BANK', sha256: 'aa'}], decision: {due: '2026-01-20', escalated: false}, duties: {OLD: {due: '2025'}}}");
        // case-1 is there: its insert fails and its update follows (1 statement); case-2 is not: inserted
        assertSameAsOneByOne(created(PERMIT_CASE.subList(2, PERMIT_CASE.size())), 1, stored);
        oneByOne.drop();
        folded.drop();
        List<Step> row = List.of(
                upsert("app-1", "{$setOnInsert: {receiptNumber: 'R-1', due: '2026-01-20', status: 'REGISTERED', sequence: 0}}").creating(),
                update("app-1", "{$set: {due: '2026-01-21', calendarVersion: 2}}"),
                upsert("app-1", "{$setOnInsert: {receiptNumber: 'R-other', due: 'never'}}"),
                update("app-1", "{$set: {status: 'APPROVED'}}"));
        assertSameAsOneByOne(row, 0);
        // outside a batch (the per-event path): the insert, then the upsert where the document is there
        MongoCollection<Document> single = client.getDatabase("coalesced_" + DATABASES.incrementAndGet()).getCollection("rows");
        BatchedWrites writes = BatchedWrites.ordered(single);
        row.forEach(s -> send(writes, s));
        row.forEach(s -> send(writes, s));
        assertThat(all(single)).isEqualTo(all(folded));
    }

    @Test
    @DisplayName("ADR 0060: what the server's upsert would make otherwise than set field by field is not built here: sent as the upsert")
    void only_what_is_built_the_servers_way_is_inserted() {
        assertThat(new CoalescedUpdate("a", Document.parse("{$inc: {n: 1}}"), true, true).fromNothing()).isNull();
        assertThat(new CoalescedUpdate("a", Document.parse("{$addToSet: {tags: {$each: [{a: 1}, {a: 1}]}}}"), true, true).fromNothing()).isNull();
        assertThat(new CoalescedUpdate("a", Document.parse("{$addToSet: {tags: {$each: [1, {$numberLong: '1'}]}}}"), true, true).fromNothing()).isNull();
        assertThat(new CoalescedUpdate("a", Document.parse("{$set: {'list.0': 1}}"), true, true).fromNothing()).isNull();
        assertThat(new CoalescedUpdate("a", Document.parse("{$set: {_id: 'b'}}"), true, true).fromNothing()).isNull();
        assertThat(new CoalescedUpdate("a", Document.parse("{$set: {seat: {city: 'UB'}, 'seat.district': 'SB'}}"), true, true).fromNothing()).isNull();
        assertThat(new CoalescedUpdate("a", Document.parse("{$set: {n: 1}}"), true, false).fromNothing()).isNotNull();
        assertThat(new CoalescedUpdate("a", Document.parse("{$set: {'decision.due': 1, 'decision.days': 2}, $unset: {gone: '', 'x.y': ''},"
                + " $addToSet: {tags: {$each: ['a', 'b']}, one: 'c'}}"), true, true).fromNothing().toJson())
                .isEqualTo(Document.parse("{_id: 'a', decision: {due: 1, days: 2}, tags: ['a', 'b'], one: ['c']}").toJson());
        MongoCollection<Document> rows = client.getDatabase("coalesced_" + DATABASES.incrementAndGet()).getCollection("rows");
        List<Step> steps = List.of(upsert("y", "{$inc: {n: 1}, $set: {v: 1}}").creating(), upsert("y", "{$inc: {n: 1}}"));
        INSERTS.clear();
        inOneBatch(BatchedWrites.ordered(rows), asSteps(steps));
        assertThat(INSERTS).isEmpty();
        assertThat(all(rows)).containsExactly(Document.parse("{_id: 'y', n: 2, v: 1}"));
    }
}
