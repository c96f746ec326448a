package mn.registry.store.mongo;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Small helpers shared by this package's tests. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static GaplessEventStorageEngine.Builder engine(MongoDatabase database) {
        return GaplessEventStorageEngine.builder()
                .database(database)
                .sealingKey(TestSealingKeys.sealingKey())
                .holeTimeout(Duration.ofHours(1))
                .pollInterval(Duration.ofMillis(5))
                .headLookInterval(Duration.ofMillis(5));
    }

    /** A domain event whose payload is a small JSON object. */
    static DomainEventMessage<Map<String, Object>> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Permit", aggregate, seq, Map.of("aggregate", aggregate, "seq", seq));
    }

    static List<DomainEventMessage<?>> events(String aggregate, long fromSeq, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(aggregate, fromSeq + i));
        }
        return events;
    }

    static long position(TrackedEventMessage<?> message) {
        return message.trackingToken().position().orElseThrow();
    }

    static List<Long> positions(Stream<? extends TrackedEventMessage<?>> stream) {
        try (stream) {
            return stream.map(StoreFixtures::position).toList();
        }
    }

    static List<TrackedEventMessage<?>> readAll(GaplessEventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    /** Waits (at most 10 s) for a latch a stalled writer is held on; an interrupt ends the wait. */
    static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (at most 10 s) until {@code commits} sealed commits queue for the append leader. */
    static void awaitWaiting(GaplessEventStorageEngine engine, int commits) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (engine.waitingCommits() < commits) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("%d commits queued", commits).isLessThan(deadline);
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
