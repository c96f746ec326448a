package mn.registry.standalone;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

/** The registry's event processors, seen from a test. */
final class Processors {

    private Processors() {
    }

    /** Waits until every streaming processor has a claimed segment at or past the head of the event store. */
    static void awaitCaughtUp(ConfigurableApplicationContext registry, Duration limit) throws InterruptedException {
        EventStore store = registry.getBean(EventStore.class);
        EventProcessingConfiguration processing = registry.getBean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            TrackingToken head = store.createHeadToken();
            long headPosition = head == null ? -1 : head.position().orElse(-1);
            boolean caughtUp = true;
            for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                if (status.isEmpty() || status.values().stream().anyMatch(s -> s.getCurrentPosition().orElse(-1) < headPosition)) {
                    caughtUp = false;
                }
            }
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("event processors did not reach position " + headPosition + " within " + limit);
            }
            Thread.sleep(200);
        }
    }
}
