package mn.registry.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static mn.registry.store.mongo.StoreFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 target 7 (ADR 0034): what a reader holds is bounded by events, not by commits. Counted, not timed: the
 * events in every document the server returns for one query (its cursor holds them until fetched), and the events
 * in the reader's own buffer. ADR 0040: and it reads by {@code $in} of ids only, never by a range on {@code _id}
 * (a scan of every stored document on the embedded server).
 */
class ChainReaderMemoryTest {

    private static final int COMMIT = 250;
    private static final int COMMITS = 40;
    private static final int BATCH = 100;

    private final EmbeddedMongo server = EmbeddedMongo.inMemory();
    /** Events in the documents returned per server cursor (find and its getMores), keyed by the request's cursor. */
    private final Map<Long, AtomicInteger> eventsPerQuery = new ConcurrentHashMap<>();
    private final AtomicInteger largestQuery = new AtomicInteger();
    /** The filters of the finds on the events collection that use a comparison ($gt, $gte, $lt, $lte): scans on the embedded server. */
    private final List<String> rangeQueries = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private GaplessEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        BsonDocument command = event.getCommand();
                        if (event.getCommandName().equals("find") && "events".equals(command.getString("find").getValue())
                                && command.containsKey("filter") && command.getDocument("filter").toJson().matches("(?s).*\\$(gt|gte|lt|lte)\\b.*")) {
                            rangeQueries.add(command.getDocument("filter").toJson());
                        }
                    }

                    @Override
                    public void commandSucceeded(CommandSucceededEvent event) {
                        countReturnedEvents(event);
                    }
                }).build());
        engine = engine(client.getDatabase("registry")).batchSize(BATCH).build();
        for (int i = 0; i < COMMITS; i++) {
            engine.appendEvents(events("big-" + i, 0, COMMIT));
        }
        eventsPerQuery.clear();
        largestQuery.set(0);
        rangeQueries.clear();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    @Test
    @DisplayName("ADR 0034, 0040: a reader far behind over commits of 250 events holds at most batch + 249 events per query and in its buffer, reads every event once in order, and never by a range on _id")
    void a_reader_over_large_commits_holds_a_bounded_number_of_events() {
        long total = (long) COMMIT * COMMITS;
        int largestBuffer = 0;
        long expected = 1;
        try (ChainReader reader = new ChainReader(chainOf(engine), 0, false)) {
            ChainReader.ChainEvent[] last = new ChainReader.ChainEvent[1];
            while (reader.tryAdvance(ce -> last[0] = ce)) {
                assertThat(last[0].position()).isEqualTo(expected++);
                largestBuffer = Math.max(largestBuffer, reader.buffered() + 1);
            }
        }
        assertThat(expected - 1).isEqualTo(total);
        assertThat(largestBuffer).isLessThanOrEqualTo(BATCH + COMMIT - 1);
        assertThat(largestQuery.get()).isLessThanOrEqualTo(BATCH + COMMIT - 1);
        // the old unbounded sorted cursor returned the whole rest of the log to one query
        assertThat(largestQuery.get()).isLessThan((int) total / 4);
        // ADR 0040: the cursors over 16 batches of positions (ADR 0034) were range queries, each a scan of the store
        assertThat(rangeQueries).as("range queries on the events collection").isEmpty();
    }

    @Test
    @DisplayName("ADR 0034, 0040: resuming inside a commit of 250 events looks its start up without reading any event and without a range on _id, then reads on gaplessly")
    void resuming_inside_a_large_commit_reads_bounds_only() {
        long total = (long) COMMIT * COMMITS;
        GaplessEventStorageEngine fresh = engine(client.getDatabase("registry")).batchSize(BATCH).build();
        eventsPerQuery.clear();
        assertThat(positions(fresh.readEvents(new GlobalSequenceTrackingToken(total - 10), false)))
                .containsExactlyElementsOf(LongStream.rangeClosed(total - 9, total).boxed().toList());
        assertThat(largestQuery.get()).isLessThanOrEqualTo(COMMIT);
        assertThat(rangeQueries).as("range queries on the events collection").isEmpty();
    }

    private static ChainReader.Chain chainOf(GaplessEventStorageEngine engine) {
        try {
            var field = GaplessEventStorageEngine.class.getDeclaredField("chain");
            field.setAccessible(true);
            return (ChainReader.Chain) field.get(engine);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void countReturnedEvents(CommandSucceededEvent event) {
        BsonDocument reply = event.getResponse();
        if (!reply.containsKey("cursor") || !event.getCommandName().matches("find|getMore")) {
            return;
        }
        BsonDocument cursor = reply.getDocument("cursor");
        BsonArray batch = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch") : cursor.getArray("nextBatch");
        int events = 0;
        for (BsonValue doc : batch) {
            BsonValue list = doc.asDocument().get(CommitDocuments.EVENT_LIST);
            events += list != null && list.isArray() ? list.asArray().size() : 0;
        }
        // a getMore continues the query of its find: key both by the request id of the find
        long key = event.getCommandName().equals("find") ? event.getRequestId() : lastFind;
        if (event.getCommandName().equals("find")) {
            lastFind = key;
        }
        int sum = eventsPerQuery.computeIfAbsent(key, k -> new AtomicInteger()).addAndGet(events);
        largestQuery.accumulateAndGet(sum, Math::max);
    }

    private volatile long lastFind;
}
