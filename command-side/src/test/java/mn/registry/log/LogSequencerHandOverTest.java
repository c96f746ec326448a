package mn.registry.log;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import mn.registry.store.mongo.SealedHandOver;
import mn.registry.store.testing.TestSealingKeys;
import mn.registry.tlog.LogCollections;
import mn.registry.tlog.LogWriter;
import mn.registry.tlog.SealedEvents;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 1, ADR 0004: the log sequencer takes each public event as the event store's read path decoded it
 * (seal, hash, stored strings, position) and does not read it back from {@code events}; on a miss it reads the store,
 * and the log's bytes are the same either way.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class LogSequencerHandOverTest {

    private static MongoClient engineClient;
    private static MongoClient sequencerClient;
    /** Round trips of the sequencer's own client that touch the {@code events} collection. */
    private static final AtomicLong sequencerEventsReads = new AtomicLong();

    @BeforeAll
    static void start(ConnectionString mongo) {
        engineClient = MongoClients.create(mongo);
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonValue target = event.getCommand().get(event.getCommandName());
                if (target != null && target.isString() && target.asString().getValue().equals("events")) {
                    sequencerEventsReads.incrementAndGet();
                }
            }
        };
        sequencerClient = MongoClients.create(MongoClientSettings.builder().applyConnectionString(mongo)
                .addCommandListener(counter).build());
    }

    @AfterAll
    static void stop() {
        sequencerClient.close();
        engineClient.close();
    }

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .build();

    /** One node of the registry on the database: its engine, event store, sequencer and processor. */
    private static final class Node implements AutoCloseable {
        final EmbeddedEventStore store;
        final LogSequencer sequencer;
        final PooledStreamingEventProcessor processor;
        final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);

        /** {@code handOverCapacity} < 0: the sequencer gets no hand-over at all. */
        Node(String name, TokenStore tokens, int handOverCapacity) {
            GaplessEventStorageEngine engine = GaplessEventStorageEngine.builder().database(engineClient.getDatabase(name))
                    .sealingKey(TestSealingKeys.sealingKey()).eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER)
                    .pollInterval(Duration.ofMillis(5)).build();
            store = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();
            MongoDatabase counted = sequencerClient.getDatabase(name);
            SealedHandOver handOver = handOverCapacity < 0 ? null : handOverCapacity == 0 ? new SealedHandOver(0) : engine.handOver();
            sequencer = new LogSequencer(new LogWriter(counted, LogCollections.DEFAULT_ORIGIN, null, null, Clock.systemUTC(), () -> { }),
                    handOver, new SealedEvents(counted), null);
            processor = PooledStreamingEventProcessor.builder().name(LogSequencer.PROCESSING_GROUP)
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(sequencer).build())
                    .messageSource(store).tokenStore(tokens).transactionManager(NoTransactionManager.INSTANCE)
                    .coordinatorExecutor(executor).workerExecutor(executor).initialSegmentCount(1).maxClaimedSegments(1)
                    .batchSize(100).initialToken(s -> s.createTailToken()).build();
        }

        @Override
        public void close() {
            processor.shutDown();
            executor.shutdownNow();
            store.shutDown();
        }
    }

    private static int day;

    /** {@code publicCount} calendar declarations (public) among as many private events, published one unit at a time. */
    private static List<EventMessage<?>> mixed(int publicCount) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < publicCount; i++) {
            int d = day++;
            LocalDate date = LocalDate.of(2030, 1, 1).plusDays(d);
            Object declared = d % 2 == 0
                    ? new PublicHolidayDeclared(date, "Day off " + d, "Амралтын өдөр " + d, "Resolution " + d)
                    : new WorkingDayDeclared(date, null, "Resolution " + d);
            events.add(new GenericDomainEventMessage<>("WorkingDayCalendar", "calendar", d, declared,
                    org.axonframework.messaging.MetaData.with("commandId", "command-" + d)));
            events.add(new GenericDomainEventMessage<>("Permit", "permit-" + d, 0, Map.of("secret", "private " + d)));
        }
        return events;
    }

    private static void awaitLog(MongoDatabase db, long size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.getCollection(LogCollections.ENTRIES).countDocuments() < size && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(db.getCollection(LogCollections.ENTRIES).countDocuments()).isEqualTo(size);
    }

    private static List<Document> entries(MongoDatabase db) {
        List<Document> leaves = new ArrayList<>();
        for (Document d : db.getCollection(LogCollections.ENTRIES).find().sort(new Document("_id", 1))) {
            leaves.add(new Document("_id", d.get("_id")).append("eventId", d.get(LogCollections.EVENT_ID)).append("leaf", d.get(LogCollections.LEAF)));
        }
        return leaves;
    }

    @Test
    @DisplayName("ADR 0004: the sequencer logs every public event without reading events back, before and after a restart of its node")
    void the_sequencer_reads_nothing_back_in_the_steady_state() throws Exception {
        String name = "handover" + System.nanoTime();
        TokenStore tokens = new InMemoryTokenStore();
        sequencerEventsReads.set(0);
        long storeReads;
        try (Node node = new Node(name, tokens, 4096)) {
            mixed(20).forEach(node.store::publish); // stored before the sequencer starts: read from the tail
            node.processor.start();
            for (EventMessage<?> e : mixed(20)) { // appended while it runs
                node.store.publish(e);
            }
            awaitLog(sequencerClient.getDatabase(name), 40);
            storeReads = node.sequencer.storeReads();
        }
        try (Node restarted = new Node(name, tokens, 4096)) { // a restart: a fresh engine and hand-over, the token kept
            restarted.processor.start();
            for (EventMessage<?> e : mixed(20)) {
                restarted.store.publish(e);
            }
            awaitLog(sequencerClient.getDatabase(name), 60);
            storeReads += restarted.sequencer.storeReads();
        }
        assertThat(storeReads).as("public events read back from the store by the sequencer").isZero();
        assertThat(sequencerEventsReads.get()).as("round trips of the sequencer's client to the events collection").isZero();
    }

    @Test
    @DisplayName("ADR 0004: when the hand-over misses, the sequencer reads the sealed event back and logs the same bytes")
    void a_miss_is_read_back_and_gives_the_same_log() throws Exception {
        String handed = "handed" + System.nanoTime();
        String missed = "missed" + System.nanoTime();
        String none = "none" + System.nanoTime();
        day = 1000;
        List<EventMessage<?>> events = mixed(15);
        long missedReads;
        long noneReads;
        sequencerEventsReads.set(0);
        try (Node node = new Node(handed, new InMemoryTokenStore(), 4096)) {
            events.forEach(node.store::publish);
            node.processor.start();
            awaitLog(sequencerClient.getDatabase(handed), 15);
        }
        assertThat(sequencerEventsReads.get()).isZero();
        try (Node node = new Node(missed, new InMemoryTokenStore(), 0)) { // a hand-over that keeps nothing: every take misses
            events.forEach(node.store::publish);
            node.processor.start();
            awaitLog(sequencerClient.getDatabase(missed), 15);
            missedReads = node.sequencer.storeReads();
        }
        try (Node node = new Node(none, new InMemoryTokenStore(), -1)) { // a store that is not the gapless engine
            events.forEach(node.store::publish);
            node.processor.start();
            awaitLog(sequencerClient.getDatabase(none), 15);
            noneReads = node.sequencer.storeReads();
        }
        assertThat(missedReads).isEqualTo(15);
        assertThat(noneReads).isEqualTo(15);
        // ADR 0048: the events a batch missed are read back with one query per batch (batches of up to 100 here), not one per event
        assertThat(sequencerEventsReads.get()).as("reads of events: one per batch that missed, not one per public event missed (30)")
                .isPositive().isLessThanOrEqualTo(6);
        // the same events in the same order, sealed with the same key in three stores: the same leaves, byte for byte but each store's own
        // seal hash (ADR 0062: a store seals each event with a fresh secret salt), which is the hash that store sealed the event with
        assertThat(entriesBesideTheirSeal(missed)).isEqualTo(entriesBesideTheirSeal(handed));
        assertThat(entriesBesideTheirSeal(none)).isEqualTo(entriesBesideTheirSeal(handed));
    }

    /** The log's entries in store {@code name}, each leaf's {@code sealHash} checked to be the hash its store sealed the event with, and left out. */
    private static List<Document> entriesBesideTheirSeal(String name) throws java.io.IOException {
        List<Document> leaves = new ArrayList<>();
        for (Document entry : entries(sequencerClient.getDatabase(name))) {
            com.fasterxml.jackson.databind.node.ObjectNode leaf = (com.fasterxml.jackson.databind.node.ObjectNode)
                    mn.registry.kernel.crypto.CanonicalJson.mapper().readTree(entry.getString("leaf"));
            String eventId = entry.getString("eventId");
            String sealedWith = new SealedEvents(engineClient.getDatabase(name)).byId(eventId).orElseThrow().event().hash();
            assertThat(leaf.remove("sealHash").asText()).isEqualTo(sealedWith);
            leaves.add(new Document("_id", entry.get("_id")).append("eventId", eventId).append("leaf", leaf.toString()));
        }
        return leaves;
    }
}
