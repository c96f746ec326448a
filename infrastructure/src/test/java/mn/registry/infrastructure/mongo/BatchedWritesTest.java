package mn.registry.infrastructure.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertOneModel;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** A projection's writes in a batch of events: one bulk write per collection, sent before the token, idempotent when handled again. */
@ExtendWith(EmbeddedMongoExtension.class)
class BatchedWritesTest {

    private static MongoClient client;
    private static final List<String> WRITES = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private MongoCollection<Document> rows;
    private MongoCollection<Document> other;

    @BeforeAll
    static void start(ConnectionString server) {
        CommandListener writes = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (List.of("insert", "update", "delete").contains(event.getCommandName())) {
                    WRITES.add(event.getCommandName() + " " + event.getCommand().getString(event.getCommandName()).getValue());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server)
                .addCommandListener(writes).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void fresh() {
        MongoDatabase database = client.getDatabase("batched_" + DATABASES.incrementAndGet());
        rows = database.getCollection("rows");
        other = database.getCollection("other");
        WRITES.clear();
    }

    /** Handles {@code events} as a pooled processor does: one batching unit of work, the token stored at prepare-commit. */
    private ResultMessage<?> batch(int events, Consumer<Integer> handler, Runnable storeToken) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            messages.add(GenericEventMessage.asEventMessage(i));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.onPrepareCommit(u -> storeToken.run()); // registered first, as WorkPackage does
        return unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(BatchedWrites.flushInterceptor()),
                m -> {
                    handler.accept((Integer) m.getPayload());
                    return null;
                }).proceed());
    }

    @Test
    @DisplayName("In a batch of events the writes reach the database as one bulk write per collection, after the last event and before the token")
    void one_bulk_write_per_collection_before_the_token() {
        BatchedWrites rowWrites = BatchedWrites.ordered(rows);
        BatchedWrites otherWrites = BatchedWrites.unordered(other);
        AtomicLong rowsAtToken = new AtomicLong(-1);
        AtomicLong writesBeforeLastEvent = new AtomicLong(-1);
        ResultMessage<?> result = batch(5, i -> {
            if (i == 4) {
                writesBeforeLastEvent.set(WRITES.size());
            }
            rowWrites.upsert(eq("_id", "case-" + (i % 2)), Updates.combine(Updates.push("seen", i), Updates.inc("n", 1)));
            otherWrites.replaceOrInsert(eq("_id", "fact-" + i), new Document("_id", "fact-" + i).append("i", i));
        }, () -> rowsAtToken.set(rows.countDocuments()));

        assertThat(result.isExceptional()).isFalse();
        assertThat(writesBeforeLastEvent.get()).as("nothing sent while the batch is handled").isZero();
        assertThat(WRITES).containsExactly("update rows", "update other");
        assertThat(rowsAtToken.get()).as("the writes are in the database when the token is stored").isEqualTo(2);
        assertThat(rows.find(eq("_id", "case-0")).first().getList("seen", Integer.class)).as("in order").containsExactly(0, 2, 4);
        assertThat(other.countDocuments()).isEqualTo(5);
    }

    @Test
    @DisplayName("A write that fails fails the batch: the token is not stored, so the batch is handled again")
    void a_failed_write_fails_the_batch_before_the_token() {
        BatchedWrites rowWrites = BatchedWrites.ordered(rows);
        AtomicLong tokens = new AtomicLong();
        ResultMessage<?> result = batch(2, i -> rowWrites.write(new InsertOneModel<>(new Document("_id", "same"))), tokens::incrementAndGet);

        assertThat(result.isExceptional()).isTrue();
        assertThat(tokens.get()).as("token not stored").isZero();
    }

    @Test
    @DisplayName("An insert whose id is there already applies its fallback instead, and the writes queued after it are still sent")
    void a_duplicate_insert_falls_back_and_the_rest_follows() {
        rows.insertOne(new Document("_id", "d-1").append("due", "old"));
        BatchedWrites rowWrites = BatchedWrites.ordered(rows);
        ResultMessage<?> result = batch(3, i -> rowWrites.insertOrElse(new Document("_id", "d-" + i).append("due", "new"),
                new UpdateOneModel<>(eq("_id", "d-" + i), Updates.set("due", "moved"))), () -> { });

        assertThat(result.isExceptional()).isFalse();
        assertThat(rows.find(eq("_id", "d-0")).first().getString("due")).isEqualTo("new");
        assertThat(rows.find(eq("_id", "d-1")).first().getString("due")).isEqualTo("moved");
        assertThat(rows.find(eq("_id", "d-2")).first().getString("due")).isEqualTo("new");
    }

    @Test
    @DisplayName("A projection that reads its collection mid-batch reads what the earlier events of the batch wrote")
    void a_read_mid_batch_sees_the_earlier_writes() {
        BatchedWrites rowWrites = BatchedWrites.ordered(rows);
        List<Long> counts = new ArrayList<>();
        batch(3, i -> {
            BatchedWrites.flushPending();
            counts.add(rows.countDocuments());
            rowWrites.upsert(eq("_id", "r-" + i), Updates.set("i", i));
        }, () -> { });

        assertThat(counts).containsExactly(0L, 1L, 2L);
        assertThat(rows.countDocuments()).isEqualTo(3);
    }

    @Test
    @DisplayName("Outside an event processor's unit of work every write is sent at once")
    void outside_a_unit_of_work_each_write_is_sent_at_once() {
        BatchedWrites rowWrites = BatchedWrites.ordered(rows);
        rowWrites.upsert(eq("_id", "a"), Updates.set("x", 1));
        assertThat(rows.countDocuments()).isEqualTo(1);
        rowWrites.insertOrElse(new Document("_id", "a").append("x", 2), new UpdateOneModel<>(eq("_id", "a"), Updates.set("x", 3)));
        assertThat(rows.find(eq("_id", "a")).first().getInteger("x")).isEqualTo(3);
        assertThat(WRITES).hasSize(3);
    }
}
