package mn.registry.infrastructure.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0063: Axon's pooled processor reads through {@link ReadAheadLimit}, a few batches ahead of its work packages, instead of
 * filling each work package's queue to 1,024 events and then sleeping 100 ms; every event is handled once, in order per aggregate.
 */
class ReadAheadLimitTest {

    private static final int EVENTS = 3_000;
    private static final int BATCH = 50;
    /**
     * Read-ahead is measured for events from this position on. Before a work package has reported its first batch, the stream counts
     * from the slowest that has (ADR 0063), and Axon's 1,024 still bounds it; by this position both have.
     */
    private static final long MEASURED_FROM = 1_024;

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1);
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
    private PooledStreamingEventProcessor processor;

    /** Positions handed by the store to the coordinator, the furthest so far. */
    private final AtomicLong furthestRead = new AtomicLong(-1);
    /** For each event handled from {@link #MEASURED_FROM} on: how far ahead of it the coordinator had read. */
    private final AtomicLong mostAhead = new AtomicLong();
    private final Map<String, List<Long>> handledByAggregate = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        store.shutDown();
        coordinator.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    @DisplayName("ADR 0063: a pooled processor of two segments reading through the limit stays at most the limit ahead of what it handles, "
            + "and handles every event once, in order per aggregate")
    void the_reader_stays_the_limit_ahead_and_every_event_is_handled_once() throws Exception {
        publish(0, EVENTS);
        AtomicReference<PooledStreamingEventProcessor> built = new AtomicReference<>();
        ReadAheadLimit limited = new ReadAheadLimit(recording(store), BATCH, () -> built.get() == null ? Map.of() : built.get().processingStatus());
        built.set(start(limited));

        awaitHandled(EVENTS);

        assertThat(mostAhead.get()).isPositive().isLessThanOrEqualTo(limited.limit(2));
        assertEveryEventHandledOnceInOrder(EVENTS);
    }

    @Test
    @DisplayName("ADR 0063: the reason: reading the store itself, Axon's coordinator runs up to its work packages' queues of 1,024 events "
            + "ahead of what they handle")
    void without_the_limit_axon_reads_up_to_its_queues_ahead() throws Exception {
        publish(0, EVENTS);
        processor = start(recording(store));

        awaitHandled(EVENTS);

        assertThat(mostAhead.get()).isGreaterThan(new ReadAheadLimit(store, BATCH, Map::of).limit(2) + BATCH);
        assertEveryEventHandledOnceInOrder(EVENTS);
    }

    @ProcessingGroup("read-ahead")
    class Projection {
        @EventHandler
        void on(String event, EventMessage<?> event2) {
            DomainEventMessage<?> message = (DomainEventMessage<?>) event2;
            handledByAggregate.computeIfAbsent(message.getAggregateIdentifier(), a -> new CopyOnWriteArrayList<>()).add(message.getSequenceNumber());
        }
    }

    @Test
    @DisplayName("ADR 0063: the registry's processors read through the limit and still take events stored after they caught up "
            + "(the coordinator woken as Axon's own 500 ms look would)")
    void the_registrys_processors_take_events_stored_after_they_caught_up() throws Exception {
        Configurer configurer = DefaultConfigurer.defaultConfiguration().configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        new AxonStorageConfiguration().pooledStreamingProcessors(AxonStorageConfiguration.INITIAL_SEGMENTS).configureModule(configurer);
        configurer.eventProcessing(processing -> processing.registerEventHandler(c -> new Projection())
                .registerTokenStore(c -> new InMemoryTokenStore()));
        Configuration configuration = configurer.start();
        try {
            configuration.eventStore().publish(events(0, 500));
            awaitHandled(500);
            Thread.sleep(1_200); // caught up: the coordinator finds no event and waits to look again
            configuration.eventStore().publish(events(500, 200));
            awaitHandled(700);
            assertEveryEventHandledOnceInOrder(700);
        } finally {
            configuration.shutdown();
        }
    }

    private PooledStreamingEventProcessor start(StreamableMessageSource<TrackedEventMessage<?>> source) {
        PooledStreamingEventProcessor started = PooledStreamingEventProcessor.builder()
                .name("read-ahead")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers((org.axonframework.eventhandling.EventMessageHandler) this::handle).build())
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .batchSize(BATCH)
                .initialSegmentCount(2)
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
        started.start();
        processor = started;
        return started;
    }

    /** A handler slower than the reader (about 0.1 ms an event), so that the reader runs ahead as far as it is let. */
    private Object handle(EventMessage<?> event) {
        TrackedEventMessage<?> tracked = (TrackedEventMessage<?>) event;
        long position = tracked.trackingToken().position().orElseThrow();
        if (position >= MEASURED_FROM) {
            mostAhead.accumulateAndGet(furthestRead.get() - position, Math::max);
        }
        DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
        handledByAggregate.computeIfAbsent(domain.getAggregateIdentifier(), a -> new CopyOnWriteArrayList<>()).add(domain.getSequenceNumber());
        LockSupport.parkNanos(100_000);
        return null;
    }

    private void publish(int from, int count) {
        store.publish(events(from, count));
    }

    /** Events of ten aggregates, round robin: event {@code n} is the {@code n / 10}th of aggregate {@code n % 10}. */
    private static List<EventMessage<?>> events(int from, int count) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            events.add(new GenericDomainEventMessage<>("Thing", "a-" + n % 10, n / 10, "event " + n));
        }
        return events;
    }

    private void awaitHandled(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (handled() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        TimeUnit.MILLISECONDS.sleep(200); // an event handled twice would show here
    }

    private int handled() {
        return handledByAggregate.values().stream().mapToInt(List::size).sum();
    }

    private void assertEveryEventHandledOnceInOrder(int count) {
        assertThat(handled()).isEqualTo(count);
        for (int a = 0; a < 10; a++) {
            List<Long> expected = new ArrayList<>();
            for (long seq = 0; seq < count / 10; seq++) {
                expected.add(seq);
            }
            assertThat(handledByAggregate.get("a-" + a)).as("aggregate a-" + a).containsExactlyElementsOf(expected);
        }
    }

    /** The store as the coordinator reads it, noting the furthest position handed over. */
    private StreamableMessageSource<TrackedEventMessage<?>> recording(EmbeddedEventStore source) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                BlockingStream<TrackedEventMessage<?>> stream = source.openStream(token);
                return new BlockingStream<>() {
                    @Override
                    public Optional<TrackedEventMessage<?>> peek() {
                        return stream.peek();
                    }

                    @Override
                    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                        return stream.hasNextAvailable(timeout, unit);
                    }

                    @Override
                    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                        TrackedEventMessage<?> next = stream.nextAvailable();
                        furthestRead.accumulateAndGet(next.trackingToken().position().orElseThrow(), Math::max);
                        return next;
                    }

                    @Override
                    public void close() {
                        stream.close();
                    }

                    @Override
                    public boolean setOnAvailableCallback(Runnable callback) {
                        return stream.setOnAvailableCallback(callback);
                    }
                };
            }

            @Override
            public TrackingToken createTailToken() {
                return source.createTailToken();
            }
        };
    }
}
