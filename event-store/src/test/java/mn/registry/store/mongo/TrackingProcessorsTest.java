package mn.registry.store.mongo;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static mn.registry.store.mongo.StoreFixtures.engine;
import static mn.registry.store.mongo.StoreFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Both of Axon's streaming processors read the store through an EmbeddedEventStore: every event once, in order. */
@ExtendWith(EmbeddedMongoExtension.class)
class TrackingProcessorsTest {

    private static final int BEFORE_START = 150;
    private static final int AFTER_START = 150;

    private EmbeddedEventStore store;
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final EventMessageHandler handler = event -> {
        handled.add(event.getIdentifier());
        return null;
    };
    private StreamingEventProcessor processor;
    private ScheduledExecutorService executor;

    @BeforeEach
    void setUp(MongoDatabase database) {
        store = EmbeddedEventStore.builder().storageEngine(engine(database).build()).fetchDelay(50).build();
    }

    @AfterEach
    void tearDown() {
        if (processor != null) {
            processor.shutDown();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        store.shutDown();
    }

    @Test
    void a_tracking_event_processor_handles_every_event_once_in_position_order() throws Exception {
        processor = TrackingEventProcessor.builder()
                .name("tep")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(s -> s.createTailToken()))
                .build();
        runAndCheck();
    }

    @Test
    void a_pooled_streaming_event_processor_handles_every_event_once_in_position_order() throws Exception {
        executor = Executors.newScheduledThreadPool(2);
        processor = PooledStreamingEventProcessor.builder()
                .name("psep")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(executor)
                .workerExecutor(executor)
                .initialSegmentCount(1)
                .initialToken(s -> s.createTailToken())
                .build();
        runAndCheck();
    }

    private void runAndCheck() throws InterruptedException {
        List<EventMessage<?>> published = new java.util.ArrayList<>();
        IntStream.range(0, BEFORE_START).forEach(i -> published.add(event("p-" + (i % 10), i / 10)));
        store.publish(published);
        processor.start();
        List<EventMessage<?>> later = new java.util.ArrayList<>();
        for (int i = 0; i < AFTER_START; i++) {
            EventMessage<?> e = event("q-" + (i % 10), i / 10);
            later.add(e);
            store.publish(e);
        }
        published.addAll(later);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (handled.size() < published.size() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        TimeUnit.MILLISECONDS.sleep(200); // a duplicate delivered late would show here
        assertThat(handled).containsExactlyElementsOf(published.stream().map(EventMessage::getIdentifier).toList());
    }
}
